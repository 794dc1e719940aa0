// The lecture library: a page of lectures by topic, speaker or search words (newest first) with the
// caller's 已看 marks; one lecture with its video, speaker, related lectures, events and where the caller
// stopped; a view counted once per person, lecture and China day; the caller's position saved.
// A view is one insert under a deterministic id (lecture, viewer, China date) followed by one atomic
// increment: a second view that day fails the insert and counts nothing; there is no read-modify-write.
import type { DB } from 'wx-server-sdk'
import type { Api } from '../../src/contract/api'
import type { ExpertCard, Lecture, LectureCard, LectureDetail, LecturePage, LectureProgress, ViewResult } from '../../src/contract/content'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaDate, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import { tempUrls, urlOf } from '../shared/work-files'
import { expertCards, type ExpertDoc } from './experts'
import { escapeRegExp } from '../core/search'
import { eventsByIds, viewerKey } from './store'

export const LECTURE_PAGE = 20
const RELATED = 4

type ListInput = Api['content']['lectures']['parsed']

interface ProgressDoc {
  _id: string
  viewer: string
  lectureId: string
  position: number
  watched: boolean
  updatedAt: string
  watchedAt?: string
}

const CARD_FIELDS = {
  _id: true, title: true, topic: true, speakerId: true, speakerName: true, durationSec: true, views: true, coverFileId: true, publishedAt: true,
}

const lectures = (db: DB.Database) => db.collection(COLLECTIONS.lectures)
const progressOf = (db: DB.Database) => db.collection(COLLECTIONS.lectureProgress)
const progressId = (viewer: string, lectureId: string) => `${viewer}-${lectureId}`

const NOT_FOUND = '没有找到这一讲，可能已下架，请返回科普大讲堂重新选择'

/** The caller's progress in these lectures (one request; none without a caller or ids). */
async function progressFor(ctx: Ctx, ids: string[]): Promise<Map<string, ProgressDoc>> {
  const found = new Map<string, ProgressDoc>()
  if (!ctx.openid || ids.length === 0) return found
  const _ = ctx.db.command
  const docs = await getDocs<ProgressDoc>(progressOf(ctx.db).where({ viewer: viewerKey(ctx.openid), lectureId: _.in(ids) }).limit(ids.length))
  for (const doc of docs) found.set(doc.lectureId, doc)
  return found
}

type CardSource = Pick<Lecture, '_id' | 'title' | 'topic' | 'speakerId' | 'speakerName' | 'durationSec' | 'views' | 'coverFileId' | 'publishedAt'>

function card(doc: CardSource, urls: Map<string, string>, progress: Map<string, ProgressDoc>): LectureCard {
  const { _id, title, topic, speakerId, speakerName, durationSec, views, publishedAt } = doc
  return {
    _id, title, topic, speakerId, speakerName, durationSec, views, publishedAt,
    coverUrl: urlOf(urls, doc.coverFileId), watched: progress.get(_id)?.watched === true,
  }
}

/** Lecture cards with their covers and the caller's marks: one progress request and one temp-URL call. */
export async function lectureCards(ctx: Ctx, docs: CardSource[]): Promise<LectureCard[]> {
  const [urls, progress] = await Promise.all([tempUrls(docs.map((d) => d.coverFileId)), progressFor(ctx, docs.map((d) => d._id))])
  return docs.map((d) => card(d, urls, progress))
}

export async function listLectures(input: ListInput, ctx: Ctx): Promise<Result<LecturePage>> {
  const _ = ctx.db.command
  const match: Record<string, unknown> = { published: true }
  if (input.topic) match.topic = input.topic
  if (input.speakerId) match.speakerId = input.speakerId
  const words = input.q?.trim()
  const where = words
    ? _.and([match, _.or(['title', 'speakerName', 'keywords', 'summary'].map((field) => ({ [field]: ctx.db.RegExp({ regexp: escapeRegExp(words), options: 'i' }) })))])
    : match
  const skip = Number(input.cursor ?? '0')
  const docs = await getDocs<CardSource>(
    lectures(ctx.db).where(where).field(CARD_FIELDS).orderBy('publishedAt', 'desc').orderBy('_id', 'asc').skip(skip).limit(LECTURE_PAGE + 1),
  )
  const page = docs.slice(0, LECTURE_PAGE)
  return ok({ items: await lectureCards(ctx, page), nextCursor: docs.length > LECTURE_PAGE ? String(skip + LECTURE_PAGE) : null })
}

export async function lectureDetail(lectureId: string, ctx: Ctx): Promise<Result<LectureDetail>> {
  const doc = await getFirst<Lecture>(lectures(ctx.db).where({ _id: lectureId, published: true }).limit(1))
  if (!doc) return fail('NOT_FOUND', NOT_FOUND)
  const _ = ctx.db.command
  const [speakers, related, events] = await Promise.all([
    getDocs<ExpertDoc>(ctx.db.collection(COLLECTIONS.experts).where({ _id: doc.speakerId, published: true }).limit(1)),
    getDocs<CardSource>(
      lectures(ctx.db).where({ topic: doc.topic, published: true, _id: _.neq(doc._id) }).field(CARD_FIELDS).orderBy('views', 'desc').limit(RELATED),
    ),
    eventsByIds(ctx.db, doc.eventIds),
  ])
  const [urls, progress, speakerCards] = await Promise.all([
    tempUrls([doc.coverFileId, doc.videoFileId, ...related.map((r) => r.coverFileId)]),
    progressFor(ctx, [doc._id, ...related.map((r) => r._id)]),
    expertCards(speakers),
  ])
  const mine = progress.get(doc._id)
  const speaker: ExpertCard | null = speakerCards[0] ?? null
  return ok({
    lecture: { ...card(doc, urls, progress), summary: doc.summary, videoUrl: urlOf(urls, doc.videoFileId) },
    speaker,
    related: related.map((r) => card(r, urls, progress)),
    events,
    progress: mine ? { position: mine.position, watched: mine.watched } : null,
  })
}

/** Counts the caller once per lecture and China day: a deterministic insert, then one atomic increment. */
export async function recordView(lectureId: string, ctx: Ctx): Promise<Result<ViewResult>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', '请在微信中打开小程序后观看')
  const now = ctx.now()
  const date = chinaDate(now)
  const viewer = viewerKey(ctx.openid)
  const _id = `${lectureId}-${viewer}-${date.replace(/-/g, '')}`
  const views = ctx.db.collection(COLLECTIONS.lectureViews)
  try {
    await views.add({ data: { _id, lectureId, viewer, date, at: toChinaIso(now) } })
  } catch (error) {
    if (isDuplicateKey(error)) return ok({ counted: false })
    throw error
  }
  const inc = { views: ctx.db.command.inc(1) }
  if ((await updated(lectures(ctx.db).where({ _id: lectureId, published: true }).update({ data: inc }))) === 1) return ok({ counted: true })
  await views.doc(_id).remove()
  return fail('NOT_FOUND', NOT_FOUND)
}

/**
 * Saves where the caller stopped (one update; the first save of a lecture checks it exists and inserts).
 * Finishing marks it 已看 for good: a later position never clears the mark.
 */
export async function saveProgress(input: Api['content']['progress']['parsed'], ctx: Ctx): Promise<Result<LectureProgress>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', '请在微信中打开小程序后观看')
  const viewer = viewerKey(ctx.openid)
  const _id = progressId(viewer, input.lectureId)
  const at = toChinaIso(ctx.now())
  const position = Math.floor(input.position)
  const change = { position, updatedAt: at, ...(input.finished ? { watched: true, watchedAt: at } : {}) }
  const update = () => updated(progressOf(ctx.db).where({ _id }).update({ data: change }))
  if ((await update()) === 1) return ok({ position, watched: input.finished === true })
  const exists = await getFirst<{ _id: string }>(lectures(ctx.db).where({ _id: input.lectureId, published: true }).field({ _id: true }).limit(1))
  if (!exists) return fail('NOT_FOUND', NOT_FOUND)
  const doc: ProgressDoc = { _id, viewer, lectureId: input.lectureId, position, watched: input.finished === true, updatedAt: at }
  try {
    await progressOf(ctx.db).add({ data: input.finished ? { ...doc, watchedAt: at } : doc })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await update()
  }
  return ok({ position, watched: input.finished === true })
}
