// The CloudBase side of the festival, declared once: database collections (all closed to clients) with
// the indexes their queries need, the storage rule, message-push routing and the functions' environment
// variables. Each function's timeout, memory, runtime and timer triggers live beside its code in
// cloudfunctions/<fn>/config.json; deploy/plan.ts joins both into the plan that `npm run deploy` applies
// and deploy/__tests__/plan.test.ts checks against the code (every collection, every query's index).

export interface IndexField {
  field: string
  /** 1 ascending, -1 descending. */
  direction: 1 | -1
}

export interface IndexDecl {
  name: string
  fields: IndexField[]
  unique?: boolean
}

/** What a filter built at run time can look like (the scanner cannot read its fields). */
export interface QueryShape {
  equal: string[]
  operator?: string[]
  sort?: string[]
}

export interface DynamicQuery {
  /** server/… file holding the query, and the collection it runs on ('?' when the chain starts elsewhere). */
  file: string
  collection: string
  /** Every form the filter takes; empty when no index can serve it (say why). */
  shapes: QueryShape[]
  why: string
}

/** Security rule of a collection or of storage, as CloudBase takes it (JSON booleans or expressions). */
export interface AccessRule {
  read: boolean | string
  write: boolean | string
}

export interface EnvVarDecl {
  name: string
  /** What it is, shown in the plan. */
  about: string
  /**
   * 'deploy': taken from the deploying shell's environment variable of the same name when set there;
   * otherwise the value already in the cloud is kept (never cleared by a deploy).
   * 'manual': never written by a deploy, only kept (a secret set by hand and removed after use).
   */
  source: 'deploy' | 'manual'
  default?: string
}

const asc = (field: string): IndexField => ({ field, direction: 1 })
const desc = (field: string): IndexField => ({ field, direction: -1 })
const index = (name: string, ...fields: IndexField[]): IndexDecl => ({ name, fields })

/** Closed to every client: reads and writes go through the cloud functions only. */
export const CLOSED: AccessRule = { read: false, write: false }

export const collections: Record<string, IndexDecl[]> = {
  festivals: [index('published_startDate', asc('published'), desc('startDate')), index('startDate', desc('startDate'))],
  venues: [index('festivalId_order', asc('festivalId'), asc('order'))],
  events: [index('venueId_startAt', asc('venueId'), asc('startAt'))],
  staff: [],
  invites: [index('createdAt', desc('createdAt'))],
  clinicSlots: [
    index('date_startTime', asc('date'), asc('startTime')),
    index('venueId_date_startTime', asc('venueId'), asc('date'), asc('startTime')),
  ],
  clinicSignups: [
    index('slotId_status_waitKey', asc('slotId'), asc('status'), asc('waitKey')),
    index('openid_createdAt', asc('openid'), desc('createdAt')),
    index('slotId_phoneTail', asc('slotId'), asc('phoneTail')),
    index('slotId_createdAt', asc('slotId'), asc('createdAt')),
    index('venueId_id', asc('venueId'), asc('_id')),
    index('slotId_id', asc('slotId'), asc('_id')),
    index('venueId_createdAt', asc('venueId'), asc('createdAt')),
    index('updatedAt', asc('updatedAt')),
  ],
  clinicFigures: [index('venueId_kind', asc('venueId'), asc('kind')), index('kind', asc('kind'))],
  clinicOutbox: [index('openid_createdAt', asc('openid'), desc('createdAt')), index('slotId', asc('slotId'))],
  clinicAudit: [index('action_at', asc('action'), asc('at'))],
  selections: [index('festivalId_published_order', asc('festivalId'), asc('published'), asc('order')), index('results', asc('results'))],
  selectionWorks: [
    index('selectionId_status_number', asc('selectionId'), asc('status'), desc('number')),
    index('selectionId_status_votes_number', asc('selectionId'), asc('status'), desc('votes'), asc('number')),
    index('selectionId_status_createdAt', asc('selectionId'), asc('status'), asc('createdAt')),
    index('selectionId_author', asc('selectionId'), asc('author')),
    index('author_createdAt', asc('author'), desc('createdAt')),
    index('selectionId_number', asc('selectionId'), asc('number')),
    index('cover', asc('cover')),
  ],
  selectionBallots: [index('selectionId_id', asc('selectionId'), asc('_id'))],
  selectionScores: [index('selectionId', asc('selectionId')), index('expert_workId', asc('expert'), asc('workId'))],
  selectionExperts: [],
  selectionMediaChecks: [index('workId_suggest', asc('workId'), asc('suggest'))],
  selectionResults: [],
  selectionAudit: [],
  selectionShareCodes: [],
  selectionVoids: [index('state_t', asc('state'), asc('t'))],
  selectionRecounts: [],
  selectionWatch: [index('selectionId_h', asc('selectionId'), asc('h'))],
  selectionUploads: [index('used_t', asc('used'), asc('t')), index('fileID', asc('fileID'))],
  selectionUploadQuota: [index('day', asc('day'))],
  selectionNumbers: [],
  jobs: [index('owner_kind_createdAt', asc('owner'), asc('kind'), desc('createdAt')), index('kind_createdAt', asc('kind'), asc('createdAt'))],
  lectures: [
    index('published_topic_views', asc('published'), asc('topic'), desc('views')),
    index('published_topic_publishedAt', asc('published'), asc('topic'), desc('publishedAt')),
    index('published_publishedAt', asc('published'), desc('publishedAt')),
    index('speakerId_published_publishedAt', asc('speakerId'), asc('published'), desc('publishedAt')),
    index('festivalId_published_views', asc('festivalId'), asc('published'), desc('views')),
  ],
  lectureViews: [],
  lectureProgress: [index('viewer_lectureId', asc('viewer'), asc('lectureId'))],
  experts: [index('published_order', asc('published'), asc('order'))],
  offers: [
    index('published_venueId_order', asc('published'), asc('venueId'), asc('order')), index('published_order', asc('published'), asc('order')),
    index('festivalId_order', asc('festivalId'), asc('order')),
  ],
  offerClaims: [
    index('openid_claimedAt', asc('openid'), desc('claimedAt')), index('openid_offerId', asc('openid'), asc('offerId')),
    index('venueId_status', asc('venueId'), asc('status')),
  ],
  eventReminders: [
    index('status_startAt', asc('status'), asc('startAt')),
    index('openid_status_startAt', asc('openid'), asc('status'), asc('startAt')),
    index('eventId_status', asc('eventId'), asc('status')),
  ],
  contentDrafts: [index('festivalId_kind', asc('festivalId'), asc('kind'))],
  contentAudit: [index('festivalId_atMs', asc('festivalId'), desc('atMs'))],
  contentUploads: [index('festivalId_kind_uploaded_t', asc('festivalId'), asc('kind'), asc('uploaded'), desc('t'))],
}

export const dynamicQueries: DynamicQuery[] = [
  {
    file: 'server/clinic/browse.ts', collection: 'clinicSlots',
    shapes: [{ equal: [], operator: ['date', 'services'], sort: ['date', 'startTime', '_id'] }, { equal: ['venueId'], operator: ['date', 'services'], sort: ['date', 'startTime', '_id'] }],
    why: 'slot list: date from today, optional venue and service',
  },
  {
    file: 'server/clinic/slot-store.ts', collection: 'clinicSlots',
    shapes: [{ equal: [], operator: ['date', 'confirmed', 'waitlisted'] }],
    why: '_.and of the slot _id (joining the waitlist: a key lookup) or, for the hold repair, date ≥ a day with places taken',
  },
  {
    file: 'server/clinic/signup-store.ts', collection: 'clinicSignups',
    shapes: [{ equal: ['slotId', 'status'], sort: ['status', 'waitKey', '_id'] }],
    why: '_.or of one sign-up by _id (a key lookup) and the first waiting sign-ups of its slot, read together by a cancellation',
  },
  {
    file: 'server/clinicAdmin/attendance.ts', collection: 'clinicSlots',
    shapes: [{ equal: [], sort: ['date'] }, { equal: ['venueId'], sort: ['date'] }],
    why: 'attendance of all venues or one',
  },
  {
    file: 'server/shared/clinic-figures.ts', collection: 'clinicFigures',
    shapes: [{ equal: [], operator: ['venueId'] }, { equal: [], operator: ['kind'] }],
    why: 'the clinic figures of some venues, or all of them (the attendance page of an organiser)',
  },
  {
    file: 'server/clinicAdmin/export.ts', collection: 'clinicSignups',
    shapes: [
      { equal: ['slotId'], sort: ['createdAt', '_id'] }, { equal: ['slotId'], operator: ['createdAt', '_id'], sort: ['createdAt', '_id'] },
      { equal: ['venueId'] }, { equal: ['slotId'] },
    ],
    why: 'export job pages through each slot in sign-up order by (createdAt, _id) keyset; the rows of a venue or slot are counted first',
  },
  {
    file: 'server/clinicAdmin/export.ts', collection: 'clinicSlots',
    shapes: [{ equal: ['venueId'] }],
    why: 'the slots of a venue (or one slot by _id)',
  },
  {
    file: 'server/clinicAdmin/lists.ts', collection: 'clinicSlots',
    shapes: [{ equal: [] }, { equal: ['venueId'] }],
    why: 'the days with slots (grouped by date) of all venues or one, for the day picker',
  },
  {
    file: 'server/clinicAdmin/retention.ts', collection: 'clinicSlots',
    shapes: [{ equal: [], operator: ['date', 'purgedAt'], sort: ['date', '_id'] }, { equal: [], operator: ['date', 'purgedAt', '_id'], sort: ['date', '_id'] }],
    why: 'the purge job\'s next unpurged slots up to the last due day, by (date, _id) keyset',
  },
  {
    file: 'server/clinicAdmin/lists.ts', collection: 'clinicSignups',
    shapes: [{ equal: ['slotId'], sort: ['createdAt', '_id'] }, { equal: ['slotId', 'status'], operator: ['person.name'], sort: ['createdAt', '_id'] }, { equal: ['slotId', 'phoneTail'], sort: ['createdAt', '_id'] }],
    why: 'list page of one slot, optionally by status, name or phone tail',
  },
  {
    file: 'server/selection/browse.ts', collection: 'selectionWorks',
    shapes: [{ equal: ['author'], sort: ['createdAt'] }, { equal: ['author', 'selectionId'], sort: ['createdAt'] }],
    why: 'my works, in one selection or all',
  },
  {
    file: 'server/selection/gallery.ts', collection: 'selectionWorks',
    shapes: [
      { equal: ['selectionId', 'status'], operator: ['number', 'title', 'applicant.institution'], sort: ['number'] },
      { equal: ['selectionId', 'status', 'category'], sort: ['number'] },
      { equal: ['selectionId', 'status'], operator: ['votes', 'number'], sort: ['votes', 'number'] },
      { equal: ['selectionId', 'status', 'category'], sort: ['votes', 'number'] },
    ],
    why: 'gallery and ranking pages: newest or by votes, with a cursor, a category or a search',
  },
  {
    file: 'server/selection/review.ts', collection: 'selectionWorks',
    shapes: [{ equal: ['selectionId', 'status'], operator: ['createdAt'], sort: ['createdAt'] }],
    why: 'review queue by status, oldest first',
  },
  {
    file: 'server/selection/scoring.ts', collection: 'selectionWorks',
    shapes: [{ equal: ['selectionId', 'kind', 'status'], operator: ['category', 'number'], sort: ['number'] }],
    why: 'cases an expert scores, by number',
  },
  {
    file: 'server/selection/void.ts', collection: 'selectionBallots',
    shapes: [],
    why: 'a conditional update of one ledger by _id with its record positions as computed keys: a key lookup',
  },
  {
    file: 'server/selection/ledger-scan.ts', collection: 'selectionBallots',
    shapes: [{ equal: ['selectionId'], operator: ['votes.t', 'votes.w'], sort: ['_id'] }],
    why: 'ledger chunks of one selection in _id order',
  },
  {
    file: 'server/selection/counts.ts', collection: '?',
    shapes: [],
    why: 'a $match after $unwind inside the ledger scan: runs on unwound records, not on the collection',
  },
  {
    file: 'server/content/lectures.ts', collection: 'lectures',
    shapes: [
      { equal: ['published'], sort: ['publishedAt', '_id'] },
      { equal: ['published', 'topic'], sort: ['publishedAt', '_id'] },
      { equal: ['published', 'speakerId'], sort: ['publishedAt', '_id'] },
      { equal: ['published'], operator: ['title', 'speakerName', 'keywords', 'summary'], sort: ['publishedAt', '_id'] },
    ],
    why: 'lecture list: newest first, by topic, by speaker, or by search words',
  },
  {
    file: 'server/content/offers.ts', collection: 'offers',
    shapes: [{ equal: ['published'], sort: ['order'] }, { equal: ['published', 'venueId'], sort: ['order'] }],
    why: 'discount-week offers of all hospitals or one',
  },
  {
    file: 'server/selection/void.ts', collection: 'selectionVoids',
    shapes: [{ equal: ['state'], operator: ['t', 'selectionId', 'workId'], sort: ['t'] }],
    why: 'unfinished void jobs older than a grace period, of one selection or work when given',
  },
  {
    file: 'server/selection/recount-state.ts', collection: '?',
    shapes: [],
    why: 'a $match after $unwind inside the ledger scan: runs on unwound records, not on the collection',
  },
  {
    file: 'server/content/edit.ts', collection: '?',
    shapes: [],
    why: 'organisers\' editing: the collection is the kind\'s (festivals, venues, events, lectures, experts, offers); _id lookups, and one festival\'s documents of a kind (hundreds at most, organisers only)',
  },
  {
    file: 'server/selection/watch-buckets.ts', collection: '?',
    shapes: [],
    why: 'a $match after $unwind inside the ledger scan: runs on unwound records, not on the collection',
  },
]

/**
 * Cloud storage, one rule for the bucket. Exports (exports/), share codes (share-codes/) and everything
 * else are read and written only by the functions (admin), which hand out temporary links. A resident may
 * upload to uploads/ (wx.cloud.uploadFile of a photo or video before submitting a work) and may replace or
 * delete only a file they created there; nobody reads a file from the client, their own uploads included.
 */
export const storageRule: AccessRule = {
  read: false,
  write: 'auth.openid != null && resource.openid == auth.openid && /^uploads\\//.test(resource.path) == true',
}

/** Prefixes that clients can write under (the deploy test keeps every other path closed). */
export const clientUploadPrefixes = ['uploads/']

/** Message push (云开发 → 设置 → 消息推送): WeChat's asynchronous image verdicts go to `selection`. */
export const messagePush = [{ msgType: 'event', event: 'wxa_media_check', functionName: 'selection' }]

export const envVariables: Record<string, EnvVarDecl[]> = {
  account: [{ name: 'FESTIVAL_BOOTSTRAP_CODE', about: '第一位组织者的一次性邀请码（≥16 字符，用后删除）', source: 'manual' }],
  clinic: [
    { name: 'CLINIC_TEMPLATE_PROMOTED', about: '候补转正订阅消息模板 id', source: 'deploy' },
    { name: 'CLINIC_TEMPLATE_REMINDER', about: '就诊前一天提醒订阅消息模板 id', source: 'deploy' },
    { name: 'CLINIC_MINIPROGRAM_STATE', about: '订阅消息打开的小程序版本（formal / trial / developer）', source: 'deploy', default: 'formal' },
  ],
  clinicAdmin: [{ name: 'CLINIC_RETENTION_DAYS', about: '义诊个人信息在场次结束后保留的天数', source: 'deploy', default: '30' }],
  festival: [],
  selection: [],
}
