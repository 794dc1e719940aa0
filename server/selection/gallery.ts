// The public gallery and rankings of published works: one database query per page (the page plus one to
// know whether another follows) and one temp-URL batch for its covers. Gallery pages use keyset cursors
// (`n:<number>` for latest, `v:<votes>:<number>` for most voted); rankings use offsets carrying the last rank
// shown (`o:<offset>:<votes>:<rank>`), so ties across a page boundary keep their shared rank.
import type { DB } from 'wx-server-sdk'
import type { Work } from '../../src/contract/selection'
import type { GalleryPage, RankingEntry, RankingPage } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { SELECTION_NOT_FOUND, categoryOf, loadSelection } from '../shared/selection-config'
import { tempUrls } from '../shared/work-files'
import { CARD_FIELDS, cardOf, worksOf } from './works'
import { escapeRegExp } from '../core/search'


function searchCondition(db: DB.Database, q: string | undefined): Record<string, unknown> | undefined {
  if (!q) return undefined
  if (/^\d{1,7}$/.test(q)) return { number: Number(q) }
  const re = db.RegExp({ regexp: escapeRegExp(q), options: 'i' })
  return db.command.or([{ title: re }, { 'applicant.institution': re }]) as unknown as Record<string, unknown>
}

function cursorCondition(db: DB.Database, order: 'latest' | 'votes', cursor: string | undefined): Record<string, unknown> | undefined | null {
  if (!cursor) return undefined
  const _ = db.command
  const latest = /^n:(\d+)$/.exec(cursor)
  if (order === 'latest' && latest) return { number: _.lt(Number(latest[1])) }
  const votes = /^v:(\d+):(\d+)$/.exec(cursor)
  if (order === 'votes' && votes) {
    const [v, n] = [Number(votes[1]), Number(votes[2])]
    return _.or([{ votes: _.lt(v) }, { votes: v, number: _.gt(n) }]) as unknown as Record<string, unknown>
  }
  return null
}

export interface GalleryInput {
  selectionId: string
  order: 'latest' | 'votes'
  q?: string
  category?: string
  cursor?: string
  pageSize: number
}

export async function galleryPage(input: GalleryInput, ctx: Ctx): Promise<Result<GalleryPage>> {
  const after = cursorCondition(ctx.db, input.order, input.cursor)
  if (after === null) return fail('INVALID_INPUT', '翻页参数不正确，请下拉刷新后重试')
  const base: Record<string, unknown> = { selectionId: input.selectionId, status: 'published' }
  if (input.category) base.category = input.category
  const parts = [base, searchCondition(ctx.db, input.q), after].filter((p): p is Record<string, unknown> => p !== undefined)
  const where = parts.length === 1 ? base : ctx.db.command.and(parts)
  let query = worksOf(ctx.db).where(where)
  query = input.order === 'latest' ? query.orderBy('number', 'desc') : query.orderBy('votes', 'desc').orderBy('number', 'asc')
  const found = await getDocs<Work>(query.field(CARD_FIELDS).limit(input.pageSize + 1))
  const page = found.slice(0, input.pageSize)
  const last = page[page.length - 1]
  const urls = await tempUrls(page.map((w) => w.cover))
  const nextCursor = found.length > input.pageSize && last ? (input.order === 'latest' ? `n:${last.number}` : `v:${last.votes}:${last.number}`) : null
  return ok({ items: page.map((w) => cardOf(w, urls)), nextCursor })
}

export interface RankingInput {
  selectionId: string
  category?: string
  cursor?: string
  pageSize: number
}

export async function rankingPage(input: RankingInput, ctx: Ctx): Promise<Result<RankingPage>> {
  const selection = await loadSelection(ctx.db, input.selectionId, { cached: true })
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (selection.kind === 'cases' && !categoryOf(selection, input.category)) return fail('INVALID_INPUT', '典型案例按类别排名，请先选择一个类别')
  const at = input.cursor ? /^o:(\d+):(\d+):(\d+)$/.exec(input.cursor) : null
  if (input.cursor && !at) return fail('INVALID_INPUT', '翻页参数不正确，请下拉刷新后重试')
  const [offset, lastVotes, lastRank] = at ? [Number(at[1]), Number(at[2]), Number(at[3])] : [0, -1, 0]
  const where: Record<string, unknown> = { selectionId: selection._id, status: 'published' }
  if (selection.kind === 'cases') where.category = input.category
  const query = worksOf(ctx.db).where(where).orderBy('votes', 'desc').orderBy('number', 'asc').field(CARD_FIELDS)
  const found = await getDocs<Work>((offset > 0 ? query.skip(offset) : query).limit(input.pageSize + 1))
  const page = found.slice(0, input.pageSize)
  const urls = await tempUrls(page.map((w) => w.cover))
  let rank = lastRank
  let previousVotes = lastVotes
  const items: RankingEntry[] = page.map((w, i) => {
    if (w.votes !== previousVotes) rank = offset + i + 1
    previousVotes = w.votes
    const card = cardOf(w, urls)
    const entry: RankingEntry = { rank, workId: w._id, number: card.number, title: w.title, votes: w.votes, coverUrl: card.coverUrl }
    if (card.category) entry.category = card.category
    if (card.applicant) entry.applicant = card.applicant
    return entry
  })
  const tail = items[items.length - 1]
  const nextCursor = found.length > input.pageSize && tail ? `o:${offset + input.pageSize}:${tail.votes}:${tail.rank}` : null
  const result: RankingPage = { selectionId: selection._id, items, nextCursor }
  if (input.category) result.category = input.category
  return ok(result)
}
