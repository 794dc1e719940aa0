// Names of the database collections. README lists them for creating a CloudBase environment, and the
// local runtime creates them on first start. All are closed to the client (read/write false).
export const COLLECTIONS = {
  festivals: 'festivals',
  venues: 'venues',
  events: 'events',
  staff: 'staff',
  /** Invite codes that bind a WeChat identity to a role (staff of a venue, organiser, expert). */
  invites: 'invites',
  /** Free-clinic slots (场次) with their place counters and per-account holds. */
  clinicSlots: 'clinicSlots',
  /** One document per person per slot (deterministic _id), kept with its history when cancelled. */
  clinicSignups: 'clinicSignups',
  /** Notices to residents (promotion, reminder) and what became of their subscribe-message send. */
  clinicOutbox: 'clinicOutbox',
  /** Clinic figures kept by clinicAdmin's `clinicFigures` timer: per slot and per venue, sign-ups by status
   * and by day of sign-up, and the cutoff they are exact up to (server/shared/clinic-figures.ts). */
  clinicFigures: 'clinicFigures',
  /** Audit log of who revealed, exported or purged residents' clinic data, when, why and how much. */
  clinicAudit: 'clinicAudit',
  /** Selections (photo, video, typical cases): configuration, windows, limits, weights, results. */
  selections: 'selections',
  /** Works submitted to a selection, with their vote counts and review state. */
  selectionWorks: 'selectionWorks',
  /** One vote ledger per selection and voter: per-day counters and every vote record. */
  selectionBallots: 'selectionBallots',
  /** Expert scores of typical cases, one per case and expert. */
  selectionScores: 'selectionScores',
  /** Which experts score which case categories of a selection. */
  selectionExperts: 'selectionExperts',
  /** Pending and received image verdicts of security.mediaCheckAsync, keyed by trace id. */
  selectionMediaChecks: 'selectionMediaChecks',
  /** Results of a selection per category, as published (public notice). */
  selectionResults: 'selectionResults',
  /** Audit log of organiser and expert actions on selections. */
  selectionAudit: 'selectionAudit',
  /** Void jobs: the intent (reason, range, the records to void) written before any vote is voided, and its state. */
  selectionVoids: 'selectionVoids',
  /** Per selection, up to when the vote-count repair has looked at the vote records. */
  selectionRecounts: 'selectionRecounts',
  /** Vote-watch cells per selection and hour (votes per work and minute), kept by the selectionRecount timer. */
  selectionWatch: 'selectionWatch',
  /** Long organiser jobs (exports, large voids, recounts) run in chunks: state, progress and result. */
  jobs: 'jobs',
  /** Upload tickets: a random storage path issued to one person for one file, and whether a work uses it. */
  selectionUploads: 'selectionUploads',
  /** Per person and China day, how many files and bytes they may still upload (deterministic _id). */
  selectionUploadQuota: 'selectionUploadQuota',
  /** Mini-program codes of works, keyed by their scene: the work they open and the stored image's fileID. */
  selectionShareCodes: 'selectionShareCodes',
  /** Work numbers taken, one document per number (`<selection>-<n>`): the unique id makes a number one work's. */
  selectionNumbers: 'selectionNumbers',
  /** Recorded science lectures (科普大讲堂) with their view counters. */
  lectures: 'lectures',
  /** One document per person, lecture and China day (deterministic _id): who was counted as a view. */
  lectureViews: 'lectureViews',
  /** Where each person stopped in each lecture, and whether they watched it to the end (已看). */
  lectureProgress: 'lectureProgress',
  /** Experts of the think-tank (智库); photos only with their consent. */
  experts: 'experts',
  /** Discount-week offers (惠民活动周) per hospital, with their place counters and claimants. */
  offers: 'offers',
  /** One claim per person and offer (deterministic _id) with its one-time redeem code. */
  offerClaims: 'offerClaims',
  /** One document per person and event (deterministic _id): 提醒我, sent once by the clinic reminder engine. */
  eventReminders: 'eventReminders',
  /** Organisers' unpublished changes, one per document (`<kind>-<id>`); residents never read them. */
  contentDrafts: 'contentDrafts',
  /** Organisers' image upload tickets for content (banner, covers, photos): path, owner, type, size. */
  contentUploads: 'contentUploads',
  /** Every publish of festival content: who, when, which fields changed from what to what. */
  contentAudit: 'contentAudit',
} as const

export const ALL_COLLECTIONS: string[] = Object.values(COLLECTIONS)
