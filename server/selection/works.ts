// Works as stored and as shown: reads by id or number, and the card / "my work" / review views.
import type { DB } from 'wx-server-sdk'
import type { MediaState, Work } from '../../src/contract/selection'
import type { MyWork, ReviewItem, WorkCard, WorkDraft } from '../../src/contract/selection-views'
import { COLLECTIONS } from '../core/collections'
import { getFirst } from '../core/db'
import { urlOf } from '../shared/work-files'

export const worksOf = (db: DB.Database) => db.collection(COLLECTIONS.selectionWorks)

/** The fields a card needs: list queries project to these. */
export const CARD_FIELDS = {
  _id: true, selectionId: true, kind: true, number: true, title: true, votes: true, cover: true,
  category: true, applicant: true, video: true,
}

export const WORK_GONE = '没有找到这件作品，可能已被作者撤回或下架，请返回作品列表'

export function workById(db: DB.Database, id: string): Promise<Work | null> {
  return getFirst<Work>(worksOf(db).where({ _id: id }).limit(1))
}

export function workByNumber(db: DB.Database, selectionId: string, number: number): Promise<Work | null> {
  return getFirst<Work>(worksOf(db).where({ selectionId, number }).limit(1))
}

export function cardOf(work: Work, urls: Map<string, string>): WorkCard {
  const card: WorkCard = {
    _id: work._id,
    selectionId: work.selectionId,
    kind: work.kind,
    number: work.number ?? 0,
    title: work.title,
    votes: work.votes,
    coverUrl: urlOf(urls, work.cover),
  }
  if (work.category !== undefined) card.category = work.category
  if (work.applicant !== undefined) card.applicant = work.applicant
  if (work.video !== undefined) card.duration = work.video.duration
  return card
}

export function myWorkOf(work: Work, urls: Map<string, string>): MyWork {
  const mine: MyWork = {
    _id: work._id,
    selectionId: work.selectionId,
    kind: work.kind,
    status: work.status,
    number: work.number ?? null,
    title: work.title,
    votes: work.votes,
    coverUrl: urlOf(urls, work.cover),
    createdAt: work.createdAt,
  }
  if (work.reason !== undefined) mine.reason = work.reason
  if (work.revisions !== undefined && work.revisions.length > 0) mine.revisions = work.revisions
  if (work.status === 'rejected') mine.draft = draftOf(work, urls)
  return mine
}

function draftOf(work: Work, urls: Map<string, string>): WorkDraft {
  const draft: WorkDraft = { title: work.title, story: work.story, images: work.images.map((fileID) => ({ fileID, url: urlOf(urls, fileID) })) }
  if (work.showsChild !== undefined) draft.showsChild = work.showsChild
  if (work.guardianConsent !== undefined) draft.guardianConsent = work.guardianConsent
  if (work.category !== undefined) draft.category = work.category
  if (work.applicant !== undefined) {
    draft.institution = work.applicant.institution
    if (work.applicant.person !== undefined) draft.person = work.applicant.person
  }
  return draft
}

export function mediaStateOf(work: Pick<Work, 'checks' | 'images'>): MediaState {
  const { mediaPending, mediaReview, mediaRisky } = work.checks
  if (mediaRisky > 0) return 'risky'
  if (mediaPending > 0) return 'pending'
  if (mediaReview > 0) return 'review'
  return work.images.length > 0 ? 'pass' : 'none'
}

export function reviewItemOf(work: Work, urls: Map<string, string>): ReviewItem {
  const item: ReviewItem = {
    _id: work._id,
    selectionId: work.selectionId,
    kind: work.kind,
    status: work.status,
    number: work.number ?? null,
    title: work.title,
    story: work.story,
    imageUrls: work.images.map((f) => urlOf(urls, f)),
    checks: work.checks,
    mediaState: mediaStateOf(work),
    votes: work.votes,
    createdAt: work.createdAt,
  }
  if (work.video) {
    item.videoUrl = urlOf(urls, work.video.fileID)
    item.duration = work.video.duration
  }
  for (const key of ['showsChild', 'guardianConsent', 'category', 'applicant', 'reason', 'inspected', 'revisions'] as const) {
    if (work[key] !== undefined) (item as unknown as Record<string, unknown>)[key] = work[key]
  }
  return item
}

/** Every fileID of a work (images, cover, video), for one temp-URL batch. */
export const filesOf = (work: Work): string[] => [...work.images, work.cover, ...(work.video ? [work.video.fileID] : [])]
