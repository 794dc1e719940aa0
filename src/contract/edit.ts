// Types of organisers' editing (the organiser subpackage): the festival, venues, events, lectures,
// experts and offers are changed as drafts, published one by one, and every publish is audited. Types
// and labels only (no zod); the input schemas are in edit-contract.ts.

export type EditKind = 'festival' | 'venue' | 'event' | 'lecture' | 'expert' | 'offer'

export const EDIT_KINDS: EditKind[] = ['festival', 'venue', 'event', 'lecture', 'expert', 'offer']

export const EDIT_KIND_LABELS: Record<EditKind, string> = {
  festival: '文化节',
  venue: '分会场',
  event: '活动',
  lecture: '科普讲座',
  expert: '专家',
  offer: '惠民优惠',
}

/** Kinds venue staff may edit, for their own venue only; organisers edit every kind. */
export const STAFF_EDIT_KINDS: EditKind[] = ['venue', 'event', 'offer']

/** The editable fields of a document (what the organiser's form holds), by field name. */
export type EditData = Record<string, string | number | boolean | string[] | null>

/** 'published': live and no draft; 'changed': live with a draft waiting; 'draft': never published. */
export type EditState = 'published' | 'changed' | 'draft'

export const EDIT_STATE_LABELS: Record<EditState, string> = {
  published: '已发布',
  changed: '有未发布的修改',
  draft: '草稿（未发布）',
}

export interface EditItem {
  kind: EditKind
  id: string
  title: string
  venueId?: string
  state: EditState
  /** When the draft was last saved, and by whom. */
  draftAt?: string
  draftBy?: string
}

export interface EditableView {
  kind: EditKind
  id: string
  festivalId: string
  /** What residents see now (null: never published). */
  live: EditData | null
  /** The unpublished draft (null: none). */
  draft: EditData | null
  draftAt?: string
  draftBy?: string
}

export interface FieldChange {
  field: string
  before: string
  after: string
}

export interface PublishResult {
  kind: EditKind
  id: string
  publishedAt: string
  changes: FieldChange[]
}

/** One audited publish: who, when, what changed. */
export interface AuditEntry {
  _id: string
  kind: EditKind
  targetId: string
  title: string
  festivalId: string
  by: string
  at: string
  changes: FieldChange[]
}

/** A festival edition as organisers see it (published or still a draft). */
export interface EditionSummary {
  _id: string
  name: string
  year: number
  startDate: string
  endDate: string
  published: boolean
}
