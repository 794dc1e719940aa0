// The think-tank directory: every published expert (a directory of at most a few hundred, read in one
// request and filtered by specialty in memory, so the filter chips always list every specialty), and
// one expert with the lectures they gave and the events they take part in. A photo is handed out only
// when the expert consented to it being shown.
import type { Expert, ExpertCard, ExpertDetail, ExpertDirectory } from '../../src/contract/content'
import { fail, ok, type Result } from '../../src/contract/result'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst } from '../core/db'
import { tempUrls, urlOf } from '../shared/work-files'
import { lectureCards } from './lectures'
import { eventsByIds } from './store'

export type ExpertDoc = Expert

const MAX_EXPERTS = 500
const MAX_LECTURES_PER_EXPERT = 50

function cardOf(doc: ExpertDoc, urls: Map<string, string>): ExpertCard {
  const { _id, name, title, hospital, specialties } = doc
  return { _id, name, title, hospital, specialties, photoUrl: doc.photoConsent ? urlOf(urls, doc.photoFileId) : '' }
}

/** Cards with photos of the consenting experts only (one temp-URL call). */
export async function expertCards(docs: ExpertDoc[]): Promise<ExpertCard[]> {
  const urls = await tempUrls(docs.map((d) => (d.photoConsent ? d.photoFileId : undefined)))
  return docs.map((d) => cardOf(d, urls))
}

export async function expertDirectory(specialty: string | undefined, ctx: Ctx): Promise<Result<ExpertDirectory>> {
  const docs = await getDocs<ExpertDoc>(
    ctx.db.collection(COLLECTIONS.experts).where({ published: true }).orderBy('order', 'asc').limit(MAX_EXPERTS),
  )
  const specialties = [...new Set(docs.flatMap((d) => d.specialties))]
  const shown = specialty ? docs.filter((d) => d.specialties.includes(specialty)) : docs
  return ok({ items: await expertCards(shown), specialties })
}

export async function expertDetail(expertId: string, ctx: Ctx): Promise<Result<ExpertDetail>> {
  const doc = await getFirst<ExpertDoc>(ctx.db.collection(COLLECTIONS.experts).where({ _id: expertId, published: true }).limit(1))
  if (!doc) return fail('NOT_FOUND', '没有找到这位专家，请返回妇幼健康智库重新选择')
  const [given, events, [card]] = await Promise.all([
    getDocs<Parameters<typeof lectureCards>[1][number]>(
      ctx.db.collection(COLLECTIONS.lectures).where({ speakerId: expertId, published: true })
        .field({ summary: false, videoFileId: false, keywords: false, eventIds: false })
        .orderBy('publishedAt', 'desc').limit(MAX_LECTURES_PER_EXPERT),
    ),
    eventsByIds(ctx.db, doc.eventIds),
    expertCards([doc]),
  ])
  if (!card) return fail('INTERNAL')
  return ok({ expert: { ...card, bio: doc.bio }, lectures: await lectureCards(ctx, given), events })
}
