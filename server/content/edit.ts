// Organisers edit the festival in the app. A change is saved as a draft (`contentDrafts`, one per
// document: `<kind>-<id>`) and residents keep reading the live collections, which hold only published
// content; `publish` writes the draft's fields into the live document (an update, so counters such as
// an offer's claims or a lecture's views and an offer's holders are kept), records who, when and which
// fields changed (`contentAudit`), then drops the draft. Venue staff may edit their own venue, its events
// and its offers; organisers everything. A new edition copies the last one's venues, strands and settings
// into an unpublished festival with new dates (its venues keep their site, so their staff still edit them).
import type { DB } from 'wx-server-sdk'
import type {
  AuditEntry, EditableView, EditData, EditionSummary, EditItem, EditKind, FieldChange, PublishResult,
} from '../../src/contract/edit'
import { STAFF_EDIT_KINDS } from '../../src/contract/edit'
import type { Festival, Venue } from '../../src/contract/model'
import { fail, ok, type Result } from '../../src/contract/result'
import { allowVenue, staffMember, type StaffMember } from '../core/auth'
import { addChinaDays, toChinaIso, toChinaIsoMs } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey } from '../core/db'
import { syncEventReminders } from '../shared/event-reminders'

const MAX_ITEMS = 500
const MAX_AUDIT = 100
const NOT_EDITOR = '此功能仅限文化节组委会和分会场工作人员使用，如需开通请联系组委会'
const ORGANISERS_ONLY = '这类内容只有组委会可以修改，请联系组委会'

/** The live collection of each kind, the field that names a document, and whether it has a `published` flag. */
const KINDS: Record<EditKind, { collection: string; title: string; flag: boolean }> = {
  festival: { collection: COLLECTIONS.festivals, title: 'name', flag: true },
  venue: { collection: COLLECTIONS.venues, title: 'name', flag: false },
  event: { collection: COLLECTIONS.events, title: 'title', flag: false },
  lecture: { collection: COLLECTIONS.lectures, title: 'title', flag: true },
  expert: { collection: COLLECTIONS.experts, title: 'name', flag: true },
  offer: { collection: COLLECTIONS.offers, title: 'title', flag: true },
}

/** The fields an organiser edits, per kind (the rest of a live document is the system's). */
const FIELDS: Record<EditKind, string[]> = {
  festival: ['name', 'slogan', 'startDate', 'endDate', 'intro', 'hosts', 'coOrganisers', 'bannerFileId'],
  venue: ['name', 'host', 'district', 'place', 'address', 'phone', 'theme', 'latitude', 'longitude', 'startDate', 'endDate', 'intro', 'order'],
  event: ['venueId', 'title', 'kind', 'startAt', 'endAt', 'place', 'description', 'speaker'],
  lecture: ['title', 'topic', 'speakerId', 'speakerName', 'summary', 'durationSec', 'videoFileId', 'coverFileId', 'keywords', 'eventIds'],
  expert: ['name', 'title', 'hospital', 'specialties', 'bio', 'photoFileId', 'photoConsent', 'order'],
  offer: ['venueId', 'hospital', 'title', 'description', 'priceBefore', 'priceAfter', 'validFrom', 'validTo', 'conditions', 'howToRedeem', 'places', 'order'],
}

interface DraftDoc {
  _id: string
  kind: EditKind
  targetId: string
  festivalId: string
  venueId?: string
  data: EditData
  updatedAt: string
  updatedBy: string
}

type LiveDoc = Record<string, unknown> & { _id: string; festivalId?: string; venueId?: string; site?: string }

const drafts = (db: DB.Database) => db.collection(COLLECTIONS.contentDrafts)
const live = (db: DB.Database, kind: EditKind) => db.collection(KINDS[kind].collection)
const draftIdOf = (kind: EditKind, id: string) => `${kind}-${id}`

function editData(kind: EditKind, doc: Record<string, unknown>): EditData {
  const data: EditData = {}
  for (const field of FIELDS[kind]) {
    const value = doc[field]
    if (value !== undefined) data[field] = value as EditData[string]
  }
  return data
}

const shown = (value: unknown) => (value === undefined || value === null ? '' : Array.isArray(value) ? value.join('、') : String(value))

function changesOf(kind: EditKind, before: Record<string, unknown> | null, after: EditData): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of FIELDS[kind]) {
    const a = shown(before?.[field])
    const b = shown(after[field])
    if (a !== b) changes.push({ field, before: a, after: b })
  }
  return changes
}

async function editor(ctx: Ctx): Promise<Result<StaffMember>> {
  const member = await staffMember(ctx)
  return member ? ok(member) : fail('FORBIDDEN', NOT_EDITOR)
}

/** Staff may touch only their own venue's venue, events and offers (a copied venue keeps its `site`). */
async function allowed(ctx: Ctx, member: StaffMember, kind: EditKind, venueId: string | undefined): Promise<Result<true>> {
  if (member.role === 'organiser') return ok(true)
  if (!STAFF_EDIT_KINDS.includes(kind) || !venueId) return fail('FORBIDDEN', ORGANISERS_ONLY)
  if (allowVenue(member, venueId).ok) return ok(true)
  const venue = await getFirst<LiveDoc>(live(ctx.db, 'venue').where({ _id: venueId }).field({ _id: true, site: true }).limit(1))
  const check = allowVenue(member, venue?.site ?? venueId)
  return check.ok ? ok(true) : check
}

const venueOf = (kind: EditKind, id: string, data: { venueId?: unknown } | null) =>
  kind === 'venue' ? id : typeof data?.venueId === 'string' ? data.venueId : undefined

async function readBoth(ctx: Ctx, kind: EditKind, id: string) {
  const [doc, draft] = await Promise.all([
    getFirst<LiveDoc>(live(ctx.db, kind).where({ _id: id }).limit(1)),
    getFirst<DraftDoc>(drafts(ctx.db).where({ _id: draftIdOf(kind, id) }).limit(1)),
  ])
  return { doc, draft }
}

function viewOf(kind: EditKind, id: string, festivalId: string, doc: LiveDoc | null, draft: DraftDoc | null): EditableView {
  const isLive = doc !== null && (!KINDS[kind].flag || doc.published === true || kind === 'festival')
  const view: EditableView = { kind, id, festivalId, live: doc && isLive ? editData(kind, doc) : null, draft: draft?.data ?? null }
  if (draft) Object.assign(view, { draftAt: draft.updatedAt, draftBy: draft.updatedBy })
  return view
}

export async function editions(ctx: Ctx): Promise<Result<EditionSummary[]>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  const docs = await getDocs<Festival>(ctx.db.collection(COLLECTIONS.festivals)
    .field({ _id: true, name: true, year: true, startDate: true, endDate: true, published: true }).orderBy('startDate', 'desc').limit(50))
  return ok(docs.map(({ _id, name, year, startDate, endDate, published }) => ({ _id, name, year, startDate, endDate, published })))
}

export async function editList(festivalId: string, kind: EditKind, ctx: Ctx): Promise<Result<EditItem[]>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  const m = member.data
  if (m.role !== 'organiser' && !STAFF_EDIT_KINDS.includes(kind)) return fail('FORBIDDEN', ORGANISERS_ONLY)
  const where: Record<string, unknown> = kind === 'festival' ? { _id: festivalId } : { festivalId }
  const title = KINDS[kind].title
  const [docs, pending] = await Promise.all([
    getDocs<LiveDoc>(live(ctx.db, kind).where(where).field({ _id: true, [title]: true, venueId: true, site: true, published: true }).limit(MAX_ITEMS)),
    getDocs<DraftDoc>(drafts(ctx.db).where({ festivalId, kind }).limit(MAX_ITEMS)),
  ])
  const byTarget = new Map(pending.map((d) => [d.targetId, d]))
  const items: EditItem[] = []
  for (const doc of docs) {
    const venueId = kind === 'venue' ? doc._id : doc.venueId
    const mine = m.role === 'organiser' || m.venueId === venueId || (kind === 'venue' && m.venueId === doc.site)
    if (!mine) continue
    const draft = byTarget.get(doc._id)
    byTarget.delete(doc._id)
    const unpublished = KINDS[kind].flag && doc.published !== true
    const item: EditItem = {
      kind, id: doc._id, title: String(draft?.data[title] ?? doc[title] ?? ''), state: unpublished ? 'draft' : draft ? 'changed' : 'published',
    }
    if (venueId) item.venueId = venueId
    if (draft) Object.assign(item, { draftAt: draft.updatedAt, draftBy: draft.updatedBy })
    items.push(item)
  }
  for (const draft of byTarget.values()) {
    if (m.role !== 'organiser' && m.venueId !== draft.venueId) continue
    const item: EditItem = { kind, id: draft.targetId, title: String(draft.data[title] ?? ''), state: 'draft', draftAt: draft.updatedAt, draftBy: draft.updatedBy }
    if (draft.venueId) item.venueId = draft.venueId
    items.push(item)
  }
  return ok(items.sort((a, b) => a.title.localeCompare(b.title, 'zh')))
}

export async function editable(kind: EditKind, id: string, ctx: Ctx): Promise<Result<EditableView>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  const { doc, draft } = await readBoth(ctx, kind, id)
  if (!doc && !draft) return fail('NOT_FOUND', '没有找到这项内容，可能已被删除，请返回列表刷新')
  const check = await allowed(ctx, member.data, kind, venueOf(kind, id, draft?.data ?? doc))
  if (!check.ok) return check
  const festivalId = kind === 'festival' ? id : String(draft?.festivalId ?? doc?.festivalId ?? '')
  return ok(viewOf(kind, id, festivalId, doc, draft))
}

const newId = (kind: EditKind, at: Date) => `${kind}-${at.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export async function saveDraft(
  input: { kind: EditKind; festivalId: string; id?: string; data: EditData }, ctx: Ctx,
): Promise<Result<EditableView>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  const { kind, festivalId, data } = input
  if (kind === 'festival' && !input.id) return fail('INVALID_INPUT', '新的一届文化节请用「创建下一届」生成')
  const id = input.id ?? newId(kind, ctx.now())
  const { doc, draft } = input.id ? await readBoth(ctx, kind, id) : { doc: null, draft: null }
  const venueId = venueOf(kind, id, data)
  const check = await allowed(ctx, member.data, kind, venueId)
  if (!check.ok) return check
  if (doc && kind !== 'venue' && doc.venueId !== undefined && doc.venueId !== venueId) {
    const before = await allowed(ctx, member.data, kind, doc.venueId)
    if (!before.ok) return before
  }
  if (doc && kind !== 'festival' && doc.festivalId !== festivalId) return fail('CONFLICT', '这项内容属于另一届文化节，请从该届的列表打开')
  const saved: DraftDoc = {
    _id: draftIdOf(kind, id), kind, targetId: id, festivalId, data, updatedAt: toChinaIso(ctx.now()), updatedBy: member.data.displayName,
  }
  if (venueId) saved.venueId = venueId
  const { _id: _ignored, ...fields } = saved
  await drafts(ctx.db).doc(saved._id).set({ data: fields })
  return ok(viewOf(kind, id, festivalId, doc, saved ?? draft))
}

export async function discardDraft(kind: EditKind, id: string, ctx: Ctx): Promise<Result<EditableView>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  const { doc, draft } = await readBoth(ctx, kind, id)
  if (!draft) return fail('NOT_FOUND', '这项内容没有未发布的草稿')
  const check = await allowed(ctx, member.data, kind, venueOf(kind, id, draft.data))
  if (!check.ok) return check
  await drafts(ctx.db).where({ _id: draft._id, updatedAt: draft.updatedAt }).remove()
  return ok(viewOf(kind, id, draft.festivalId, doc, null))
}

/** Refusals that only the live document can tell (e.g. fewer places than already claimed). */
function refusePublish(kind: EditKind, doc: LiveDoc | null, data: EditData): string | null {
  if (kind === 'offer' && doc && typeof data.places === 'number' && typeof doc.claimed === 'number' && data.places < doc.claimed) {
    return `已有 ${doc.claimed} 人领取，名额不能少于 ${doc.claimed} 个`
  }
  return null
}

export async function publish(kind: EditKind, id: string, ctx: Ctx): Promise<Result<PublishResult>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  const { doc, draft } = await readBoth(ctx, kind, id)
  if (!draft) return fail('NOT_FOUND', '这项内容没有需要发布的修改，请先保存草稿')
  const check = await allowed(ctx, member.data, kind, venueOf(kind, id, draft.data))
  if (!check.ok) return check
  const refused = refusePublish(kind, doc, draft.data)
  if (refused) return fail('CONFLICT', refused)
  const at = toChinaIso(ctx.now())
  const wasLive = doc !== null && (!KINDS[kind].flag || doc.published === true)
  const changes = changesOf(kind, wasLive ? doc : null, draft.data)
  const _ = ctx.db.command
  const set: Record<string, unknown> = {}
  for (const field of FIELDS[kind]) set[field] = field in draft.data ? draft.data[field] : _.remove()
  if (KINDS[kind].flag) set.published = true
  if (doc) {
    await live(ctx.db, kind).doc(id).update({ data: set })
  } else {
    const fresh: Record<string, unknown> = { ...draft.data, _id: id, festivalId: draft.festivalId }
    if (KINDS[kind].flag) fresh.published = true
    if (kind === 'lecture') Object.assign(fresh, { views: 0, publishedAt: at })
    if (kind === 'offer') fresh.claimed = 0
    if (kind === 'expert') fresh.eventIds = []
    if (kind === 'venue') fresh.organisers = []
    await live(ctx.db, kind).add({ data: fresh })
  }
  const title = String(draft.data[KINDS[kind].title] ?? '')
  const entry: Omit<AuditEntry, '_id'> = { kind, targetId: id, title, festivalId: draft.festivalId, by: member.data.displayName, at, changes }
  await ctx.db.collection(COLLECTIONS.contentAudit).add({ data: { ...entry, byOpenid: member.data.openid, atMs: toChinaIsoMs(ctx.now()) } })
  await drafts(ctx.db).where({ _id: draft._id, updatedAt: draft.updatedAt }).remove()
  if (kind === 'event') {
    const event = { ...(doc ?? {}), ...draft.data, _id: id } as unknown as Parameters<typeof syncEventReminders>[1]
    await syncEventReminders(ctx.db, event)
  }
  return ok({ kind, id, publishedAt: at, changes })
}

export async function auditLog(festivalId: string, ctx: Ctx): Promise<Result<AuditEntry[]>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  if (member.data.role !== 'organiser') return fail('FORBIDDEN', ORGANISERS_ONLY)
  const docs = await getDocs<AuditEntry>(ctx.db.collection(COLLECTIONS.contentAudit).where({ festivalId })
    .field({ _id: true, kind: true, targetId: true, title: true, festivalId: true, by: true, at: true, changes: true })
    .orderBy('atMs', 'desc').limit(MAX_AUDIT))
  return ok(docs)
}

const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)

/** The next edition: an unpublished festival with new dates, the last one's strands and settings, and its venues (dates shifted). */
export async function newEdition(
  input: { fromFestivalId: string; year: number; startDate: string; endDate: string }, ctx: Ctx,
): Promise<Result<EditionSummary>> {
  const member = await editor(ctx)
  if (!member.ok) return member
  if (member.data.role !== 'organiser') return fail('FORBIDDEN', ORGANISERS_ONLY)
  const from = await getFirst<Festival>(ctx.db.collection(COLLECTIONS.festivals).where({ _id: input.fromFestivalId }).limit(1))
  if (!from) return fail('NOT_FOUND', '没有找到作为模板的那一届文化节，请返回刷新')
  const base = from._id.replace(/-?\d{4}$/, '')
  const id = `${base || 'festival'}-${input.year}`
  const shift = dayDiff(from.startDate, input.startDate)
  const name = from.name.includes(String(from.year)) ? from.name.replace(String(from.year), String(input.year)) : from.name
  const festival: Festival = {
    ...from, _id: id, name, year: input.year, startDate: input.startDate, endDate: input.endDate, published: false,
  }
  const { _id: _f, ...festivalFields } = festival
  try {
    await ctx.db.collection(COLLECTIONS.festivals).add({ data: festival })
  } catch (error) {
    if (isDuplicateKey(error)) return fail('CONFLICT', `${input.year} 年的文化节已经创建，请在列表中选择它继续编辑`)
    throw error
  }
  const venues = await getDocs<Venue & { site?: string }>(live(ctx.db, 'venue').where({ festivalId: from._id }).limit(100))
  for (const venue of venues) {
    const site = venue.site ?? venue._id
    const copy = {
      ...venue, _id: `${site}-${input.year}`, site, festivalId: id,
      startDate: addChinaDays(venue.startDate, shift), endDate: addChinaDays(venue.endDate, shift),
    }
    await live(ctx.db, 'venue').add({ data: copy })
  }
  const draft: DraftDoc = {
    _id: draftIdOf('festival', id), kind: 'festival', targetId: id, festivalId: id, data: editData('festival', festivalFields),
    updatedAt: toChinaIso(ctx.now()), updatedBy: member.data.displayName,
  }
  const { _id: draftId, ...draftFields } = draft
  await drafts(ctx.db).doc(draftId).set({ data: draftFields })
  await ctx.db.collection(COLLECTIONS.contentAudit).add({ data: {
    kind: 'festival', targetId: id, title: name, festivalId: id, by: member.data.displayName, byOpenid: member.data.openid,
    at: toChinaIso(ctx.now()), atMs: toChinaIsoMs(ctx.now()), changes: [{ field: 'edition', before: from._id, after: id }],
  } })
  return ok({ _id: id, name, year: input.year, startDate: input.startDate, endDate: input.endDate, published: false })
}
