// Selections (征集评选): one engine configured three ways — 「幸福亲子照」photos, 「1分钟说孕产健康」videos and
// the typical-case selection — as stored and as shown, with the Chinese labels the app prints. Plain
// TypeScript (no zod) so pages import it at no bundle cost; the input validators live in
// selection-contract.ts. Instants are ISO 8601 with +08:00; "days" are China calendar days.

export const SELECTION_KINDS = ['photo', 'video', 'cases'] as const
export type SelectionKind = (typeof SELECTION_KINDS)[number]
export const SELECTION_KIND_LABELS: Record<SelectionKind, string> = {
  photo: '幸福亲子照',
  video: '1分钟说孕产健康',
  cases: '妇幼健康高质量发展典型案例',
}

/** A typical-case category; `personal` ones name a person (代表人物、好医生、助产士) besides the institution. */
export interface CaseCategory {
  key: string
  label: string
  personal: boolean
}

export const DEFAULT_CASE_CATEGORIES: CaseCategory[] = [
  { key: 'development', label: '妇幼健康高质量发展典型案例', personal: false },
  { key: 'department', label: '妇幼特色科室建设', personal: false },
  { key: 'figure', label: '妇幼代表人物', personal: true },
  { key: 'doctor', label: '妇幼好医生', personal: true },
  { key: 'midwife', label: '优秀助产士', personal: true },
  { key: 'manufacturer', label: '妇幼用品生产企业', personal: false },
  { key: 'brand', label: '妇幼用品品牌', personal: false },
  { key: 'care', label: '母婴护理服务机构', personal: false },
  { key: 'photography', label: '妇幼摄影机构', personal: false },
]

/** Limits of a work, shared by the app's forms and the function's validators. */
export const WORK_LIMITS = {
  titleMax: 30,
  storyMax: 300,
  caseTextMax: 1500,
  imagesMin: 1,
  imagesMax: 9,
  videoSecondsMax: 60,
  videoBytesMax: 50 * 1024 * 1024,
  institutionMax: 60,
  personMax: 30,
} as const

/** File types a work may upload: photos (JPG, PNG, WEBP) and videos (MP4, MOV, WEBM). */
export const UPLOAD_EXTS = ['jpg', 'jpeg', 'png', 'webp', 'mp4', 'mov', 'webm'] as const
export type UploadExt = (typeof UPLOAD_EXTS)[number]
export const isVideoExt = (ext: UploadExt) => ext === 'mp4' || ext === 'mov' || ext === 'webm'

/**
 * Uploads per person and China day: enough for one family to fill every selection in one day (3 photo
 * works and 3 cases of 9 photos, 3 videos with covers: 60 files) and at most 300 MB. A photo is at
 * most 10 MB, a video WORK_LIMITS.videoBytesMax.
 */
export const UPLOAD_QUOTA = { filesPerDay: 60, bytesPerDay: 300 * 1024 * 1024, photoBytesMax: 10 * 1024 * 1024 } as const

/** Submission and voting windows (ISO 8601 +08:00). Submission and voting may overlap. */
export interface SelectionWindows {
  submitFrom: string
  submitUntil: string
  voteFrom: string
  voteUntil: string
  /** Expert scoring (典型案例), when organisers set it; without it experts score until results are published. */
  judgeFrom?: string
  judgeUntil?: string
}

/** The phases organisers open, extend and end from 评选管理 (selection.setWindow). */
export const SELECTION_WINDOWS = ['submit', 'vote', 'judge'] as const
export type SelectionWindowKey = (typeof SELECTION_WINDOWS)[number]
export const SELECTION_WINDOW_LABELS: Record<SelectionWindowKey, string> = { submit: '作品征集', vote: '网络投票', judge: '专家评审' }
export const WINDOW_MOVES = ['open', 'extend', 'end'] as const
export type WindowMove = (typeof WINDOW_MOVES)[number]

export interface VoteLimits {
  /** Votes one person may cast per China day across the whole selection. */
  perDay: number
  /** Votes one person may give one work per China day. */
  perWorkPerDay: number
}

/** Percentages of the final score; they add up to 100. */
export interface ScoreWeights {
  vote: number
  expert: number
}

/** When vote watch flags a time bucket (defaults in the function: 30 votes and 5× average; 20 votes and 80%). */
export interface WatchThresholds {
  burstVotes: number
  burstFactor: number
  newAccountVotes: number
  newAccountShare: number
}

export interface ResultsInfo {
  publishedAt: string
  /** End of the public-notice period (公示期). */
  noticeUntil: string
  formula: string
}

export interface Selection {
  _id: string
  festivalId: string
  kind: SelectionKind
  title: string
  intro: string
  order: number
  windows: SelectionWindows
  limits: VoteLimits
  /** Works one person may have under review or published at once. */
  worksPerPerson: number
  weights: ScoreWeights
  /** Case categories; empty for photos and videos. */
  categories: CaseCategory[]
  noticeDays: number
  watch?: Partial<WatchThresholds>
  /** The last sequential work number handed out (atomic counter). */
  lastNumber: number
  results?: ResultsInfo
  published: boolean
}

export type SelectionPhase = 'upcoming' | 'submission' | 'review' | 'voting' | 'judging' | 'notice' | 'announced'
export const SELECTION_PHASE_LABELS: Record<SelectionPhase, string> = {
  upcoming: '即将开始',
  submission: '征集中',
  review: '审核中',
  voting: '投票中',
  judging: '评审中',
  notice: '结果公示中',
  announced: '结果已公布',
}

/** As residents see it: without the counter, the publication flag and the vote-watch thresholds. */
export type SelectionView = Omit<Selection, 'lastNumber' | 'published' | 'watch'> & {
  phase: SelectionPhase
  canSubmit: boolean
  canVote: boolean
}

export type WorkStatus = 'pending' | 'published' | 'rejected' | 'withdrawn' | 'frozen'
export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  pending: '审核中',
  published: '已发布',
  rejected: '未通过',
  withdrawn: '已撤回',
  frozen: '已冻结',
}

/** Machine checks: text at submission (msgSecCheck), each image later (mediaCheckAsync). */
export interface WorkChecks {
  text: 'pass' | 'review' | 'error'
  mediaPending: number
  mediaReview: number
  mediaRisky: number
  /** Videos are not machine-checked: a person must watch them before approval. */
  humanReviewVideo: boolean
}

export type MediaState = 'none' | 'pending' | 'pass' | 'review' | 'risky'
export const MEDIA_STATE_LABELS: Record<MediaState, string> = {
  none: '无需检测',
  pending: '图片检测中',
  pass: '图片检测通过',
  review: '图片需人工复核',
  risky: '图片未通过检测',
}

export interface VideoInfo {
  fileID: string
  /** Seconds. */
  duration: number
  /** Bytes. */
  size: number
}

export interface Applicant {
  institution: string
  person?: string
}

export interface Work {
  _id: string
  selectionId: string
  kind: SelectionKind
  author: string
  status: WorkStatus
  number?: number
  title: string
  /** The story of a photo, the summary of a video, or a case's text. */
  story: string
  images: string[]
  cover: string
  video?: VideoInfo
  showsChild?: boolean
  guardianConsent?: boolean
  category?: string
  applicant?: Applicant
  /** Accepted votes not voided. */
  votes: number
  /** Votes voided by organisers (recomputed from the vote records). */
  voided: number
  checks: WorkChecks
  /** Why the work was rejected or frozen; the author sees it. */
  reason?: string
  inspected?: { at: string; by: string; note?: string }
  /** Earlier rejections, oldest first: the work was corrected and resubmitted after each. */
  revisions?: WorkRevision[]
  createdAt: string
  publishedAt?: string
  updatedAt: string
}

/** One rejection a work went through before it was corrected and resubmitted. */
export interface WorkRevision {
  /** The title it had then, and why it was rejected. */
  title: string
  reason: string
  rejectedAt: string
  resubmittedAt: string
}
