// What the `selection` function answers: gallery cards, a work's page with the caller's remaining votes,
// rankings, results with their formula, and the organiser's and experts' views. Plain TypeScript.
import type { Applicant, MediaState, ScoreWeights, SelectionKind, SelectionWindows, WorkChecks, WorkRevision, WorkStatus } from './selection'

export interface WorkCard {
  _id: string
  selectionId: string
  kind: SelectionKind
  number: number
  title: string
  votes: number
  /** Temp URL of the cover image ('' when it could not be resolved). */
  coverUrl: string
  category?: string
  applicant?: Applicant
  /** Video length in seconds. */
  duration?: number
}

export interface GalleryPage {
  items: WorkCard[]
  /** Pass back to get the next page; null at the end. */
  nextCursor: string | null
}

/** What the caller may still do on a work's page, judged on the server in China time. */
export interface VoteAllowance {
  open: boolean
  /** Why voting is not possible now, in Chinese (window closed, work not published ...). */
  reason?: string
  remainingToday: number
  remainingForWork: number
  perDay: number
  perWorkPerDay: number
}

export interface WorkDetail {
  work: Omit<WorkCard, 'number'> & {
    number: number | null
    story: string
    imageUrls: string[]
    videoUrl?: string
    status: WorkStatus
    /** Shown to the author only. */
    reason?: string
    mine: boolean
    publishedAt?: string
  }
  voting: VoteAllowance
}

export interface MyWork {
  _id: string
  selectionId: string
  kind: SelectionKind
  status: WorkStatus
  number: number | null
  title: string
  votes: number
  coverUrl: string
  reason?: string
  /** Earlier rejections before it was resubmitted, oldest first. */
  revisions?: WorkRevision[]
  /** A rejected work's content, to correct it and resubmit (修改后重新提交) without typing it again. */
  draft?: WorkDraft
  createdAt: string
}

/** What the form of a rejected work starts from: its texts, its photos (kept unless removed), its consent. */
export interface WorkDraft {
  title: string
  story: string
  images: Array<{ fileID: string; url: string }>
  showsChild?: boolean
  guardianConsent?: boolean
  category?: string
  institution?: string
  person?: string
}

export interface VoteResult {
  workId: string
  /** 'already_counted' answers a retry or double tap of a vote that was counted before. */
  status: 'counted' | 'already_counted'
}

export interface RankingEntry {
  rank: number
  workId: string
  number: number
  title: string
  votes: number
  coverUrl: string
  category?: string
  applicant?: Applicant
}

export interface RankingPage {
  selectionId: string
  category?: string
  items: RankingEntry[]
  nextCursor: string | null
}

export interface ResultEntry {
  rank: number
  workId: string
  number: number
  title: string
  category?: string
  applicant?: Applicant
  votes: number
  /** Votes normalised to 0–100 within the group (category for cases). */
  voteScore: number
  /** Mean expert score, or null when experts do not score this selection. */
  expertScore: number | null
  expertCount: number
  finalScore: number
  /** The entry's own numbers put into the formula, e.g. 812 ÷ 1024 × 100 = 79.30；79.30 × 30% + 86.50 × 70% = 84.34 */
  working: string
}

export interface ResultsView {
  selectionId: string
  phase: 'notice' | 'announced'
  publishedAt: string
  noticeUntil: string
  weights: ScoreWeights
  formula: string
  category?: string
  items: ResultEntry[]
  nextCursor: string | null
}

export interface ReviewItem {
  _id: string
  selectionId: string
  kind: SelectionKind
  status: WorkStatus
  number: number | null
  title: string
  story: string
  imageUrls: string[]
  videoUrl?: string
  duration?: number
  showsChild?: boolean
  guardianConsent?: boolean
  category?: string
  applicant?: Applicant
  checks: WorkChecks
  mediaState: MediaState
  reason?: string
  inspected?: { at: string; by: string; note?: string }
  /** Earlier rejections before it was resubmitted, oldest first: reviewers see what was asked before. */
  revisions?: WorkRevision[]
  votes: number
  createdAt: string
}

export interface ReviewQueuePage {
  items: ReviewItem[]
  nextCursor: string | null
}

export interface ReviewOutcome {
  workId: string
  status: WorkStatus
  number: number | null
  auditId: string
}

export interface WatchBucket {
  /** Start of the bucket, ISO 8601 +08:00. */
  start: string
  votes: number
  /** Votes from accounts whose first vote in this selection was on that China day. */
  newAccountVotes: number
}

export interface WatchFlag {
  kind: 'burst' | 'new_accounts'
  start: string
  votes: number
  message: string
}

export interface WatchedWork {
  workId: string
  number: number | null
  title: string
  total: number
  newAccountVotes: number
  series: WatchBucket[]
  flags: WatchFlag[]
}

export interface VoteWatch {
  selectionId: string
  from: string
  to: string
  bucketMinutes: number
  /** The works to look at first (flagged, then most votes), at most WATCH_WORKS_MAX of them. */
  works: WatchedWork[]
  /** Over every work of the period, not only those listed. */
  totalVotes: number
  worksWithVotes: number
  flaggedWorks: number
  /**
   * The votes are counted up to this instant (China time; `to` when the whole period is): the watch reads
   * only the hours the vote timer has aggregated (every 10 minutes, settled 2 minutes), never the records.
   */
  coveredUntil: string
  /** The full recount of the selection's vote records: running, or when the last one finished. */
  recount?: RecountProgress
}

/** How many works one vote-watch answer lists (the answer stays far below the platform's 6 MB). */
export const WATCH_WORKS_MAX = 200

export interface VoidOutcome {
  workId: string
  voided: number
  /** The work's counts after recomputation from the vote records. */
  votes: number
  voidedTotal: number
  auditId: string
  /** Votes the job set out to void; `voided` of them are void so far. */
  planned: number
  /** False while the job is still marking (a later call with the same range, or the timer, continues it). */
  finished: boolean
}

/** A full recount pass over a selection's vote records, done in chunks across timer runs and calls. */
export interface RecountProgress {
  running: boolean
  /** Voters' records counted so far, and how many there were when the pass started (while running). */
  scanned: number
  total: number
  /** When the last full pass finished (China time), if one has. */
  finishedAt?: string
}

/** A run of the vote-count repair (timer `selectionRecount`, or an organiser for one selection). */
export interface RecountRun {
  selections: number
  /** Works whose counts were compared with their vote records. */
  checked: number
  /** Works brought back to their vote records. */
  fixed: number
  /** Works left for the next run because votes were still arriving. */
  busy: number
  /** Void jobs a crash had left unfinished, finished now. */
  resumedVoids: number
  /** For an organiser's recount of one selection: the full pass's progress after this call. */
  progress?: RecountProgress
}

/** Where to upload one file (wx.cloud.uploadFile's cloudPath, or the local gateway's ticket). */
export interface UploadTicket {
  ticket: string
  cloudPath: string
}

/** A run of the orphaned-upload purge (timer `selectionUploadsPurge`). */
export interface UploadPurgeRun {
  /** Tickets older than a day that no work uses, removed with their files. */
  removed: number
  /** Files already gone from storage (never uploaded). */
  missing: number
}

export interface PublishOutcome {
  selectionId: string
  publishedAt: string
  noticeUntil: string
  formula: string
  works: number
  /** Works whose stored count differed from their vote records and was corrected. */
  recounted: number
  auditId: string
}

export interface ExpertCase {
  workId: string
  number: number
  title: string
  category: string
  applicant?: Applicant
  text: string
  imageUrls: string[]
  votes: number
  /** The caller's own score only; other experts' scores are never shown. */
  myScore: number | null
  myComment?: string
}

export interface ScoreOutcome {
  workId: string
  score: number
}

/** A published work's mini-program code (opens selection/work/index with `scene`) and what its poster shows. */
export interface ShareCode {
  workId: string
  scene: string
  /** Temp URL of the code image (PNG). */
  codeUrl: string
  title: string
  number: number
  votes: number
  coverUrl: string
  selectionTitle: string
}

export interface AuditOutcome {
  auditId: string
}

/** A phase opened, extended or ended: the selection's windows as they now are. */
export interface WindowOutcome {
  windows: SelectionWindows
  auditId: string
}
