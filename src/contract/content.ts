// Types and labels of the `content` function: the science-lecture library (妇幼健康科普大讲堂), the expert
// directory (妇幼健康智库) and the discount-week offers (惠民活动周) with their claims. Types only (no
// zod), so pages import them at no bundle cost; the input schemas are in content-contract.ts.
import type { FestivalEvent, Phase } from './model'

export type LectureTopic = 'pregnancy' | 'postpartum' | 'child' | 'women' | 'menopause'

export const LECTURE_TOPICS: LectureTopic[] = ['pregnancy', 'postpartum', 'child', 'women', 'menopause']

export const LECTURE_TOPIC_LABELS: Record<LectureTopic, string> = {
  pregnancy: '孕期',
  postpartum: '产后',
  child: '儿童',
  women: '妇女',
  menopause: '更年期',
}

/** A recorded lecture as stored. `views` is a counter kept by `content.view` (one per person per China day). */
export interface Lecture {
  _id: string
  festivalId: string
  title: string
  topic: LectureTopic
  speakerId: string
  /** Denormalised from the expert, so the list and its search need no second read. */
  speakerName: string
  summary: string
  durationSec: number
  /** cloud:// fileIDs; the function hands out temp URLs. */
  videoFileId?: string
  coverFileId?: string
  /** Festival events the lecture belongs to (e.g. a community talk where it was recorded). */
  eventIds: string[]
  keywords: string[]
  views: number
  /** ISO 8601 +08:00; the list is newest first. */
  publishedAt: string
  published: boolean
}

export interface LectureCard {
  _id: string
  title: string
  topic: LectureTopic
  speakerId: string
  speakerName: string
  durationSec: number
  views: number
  coverUrl: string
  publishedAt: string
  /** The caller watched it to the end (已看). */
  watched: boolean
}

export interface LecturePage {
  items: LectureCard[]
  nextCursor: string | null
}

export interface LectureProgress {
  /** Seconds into the video where the caller stopped. */
  position: number
  watched: boolean
}

export type EventRef = Pick<FestivalEvent, '_id' | 'title' | 'kind' | 'startAt' | 'place' | 'venueId'>

export interface LectureDetail {
  lecture: LectureCard & { summary: string; videoUrl: string }
  speaker: ExpertCard | null
  related: LectureCard[]
  events: EventRef[]
  progress: LectureProgress | null
}

export interface ViewResult {
  /** False when this person was already counted for this lecture today (China date). */
  counted: boolean
}

/** An expert of the think-tank as stored. A photo is shown only with `photoConsent`. */
export interface Expert {
  _id: string
  festivalId: string
  name: string
  title: string
  hospital: string
  specialties: string[]
  bio: string
  photoFileId?: string
  photoConsent: boolean
  eventIds: string[]
  order: number
  published: boolean
}

export interface ExpertCard {
  _id: string
  name: string
  title: string
  hospital: string
  specialties: string[]
  /** '' without the expert's consent or without a photo. */
  photoUrl: string
}

export interface ExpertDirectory {
  items: ExpertCard[]
  /** Every specialty of the published experts, for the filter chips. */
  specialties: string[]
}

export interface ExpertDetail {
  expert: ExpertCard & { bio: string }
  lectures: LectureCard[]
  events: EventRef[]
}

/** A discount-week offer (惠民活动周) of one hospital. `places` null: no claim needed, just come. */
export interface Offer {
  _id: string
  festivalId: string
  venueId: string
  hospital: string
  title: string
  description: string
  /** Prices in yuan; priceBefore null when the service is normally not sold as such. */
  priceBefore: number | null
  priceAfter: number
  /** China dates, inclusive. */
  validFrom: string
  validTo: string
  conditions: string
  howToRedeem: string
  places: number | null
  claimed: number
  order: number
  published: boolean
}

export type ClaimStatus = 'claimed' | 'redeemed'

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  claimed: '待使用',
  redeemed: '已使用',
}

export interface MyClaim {
  _id: string
  offerId: string
  offerTitle: string
  hospital: string
  validFrom: string
  validTo: string
  howToRedeem: string
  status: ClaimStatus
  claimedAt: string
  redeemedAt?: string
  /** The one-time code staff scan (`<claimId>.<token>`); only while it can still be used. */
  code?: string
}

export interface OfferView extends Omit<Offer, 'published' | 'festivalId' | 'order'> {
  phase: Phase
  /** null for offers without a place limit. */
  remaining: number | null
  mine: MyClaim | null
}

export interface OffersView {
  offers: OfferView[]
}

export interface ClaimResult {
  claim: MyClaim
  outcome: 'claimed' | 'already'
}

export interface RedeemResult {
  outcome: 'redeemed' | 'already'
  offerTitle: string
  redeemedAt: string
  redeemedBy?: string
  notice?: string
}

/** Image types organisers upload for content (banner, lecture cover, expert photo, offer image). */
export const CONTENT_IMAGE_EXTS = ['jpg', 'jpeg', 'png', 'webp'] as const
export type ContentImageExt = (typeof CONTENT_IMAGE_EXTS)[number]
export const contentImageExt = (ext: string): ContentImageExt | null =>
  ((CONTENT_IMAGE_EXTS as readonly string[]).includes(ext) ? (ext as ContentImageExt) : null)
/** What an organiser is told when the chosen file is not an image the content takes. */
export const NOT_AN_IMAGE = '只能上传 JPG、PNG、WEBP 格式的图片，请换一张'
/** The largest content image accepted (ticket and upload alike). */
export const CONTENT_IMAGE_BYTES_MAX = 5 * 1024 * 1024

/**
 * Lecture videos organisers upload: MP4 and MOV (phones), WEBM (browsers' recordings). 500 MB holds a
 * one-hour lecture at phone quality (720p H.264 at about 1.1 Mbit/s, picture and sound); WeChat's
 * chooseMedia fails on files over 1 GB, and the local gateway holds an upload on disk, not in memory.
 */
export const CONTENT_VIDEO_EXTS = ['mp4', 'mov', 'webm'] as const
export type ContentVideoExt = (typeof CONTENT_VIDEO_EXTS)[number]
export const contentVideoExt = (ext: string): ContentVideoExt | null =>
  ((CONTENT_VIDEO_EXTS as readonly string[]).includes(ext) ? (ext as ContentVideoExt) : null)
export const NOT_A_VIDEO = '只能上传 MP4、MOV 或 WEBM 格式的视频，请转换格式后再选'
export const CONTENT_VIDEO_BYTES_MAX = 500 * 1024 * 1024
/** A lecture is at most this long (the lecture's durationSec allows no more). */
export const CONTENT_VIDEO_SECONDS_MAX = 6 * 3600

/** A lecture video already uploaded for a festival, offered again by 从已上传的视频中选择. */
export interface ContentVideo {
  fileID: string
  /** A temporary URL to preview it ('' when storage has none). */
  url: string
  size: number
  /** Seconds, as read when it was chosen; null when unknown. */
  durationSec: number | null
  /** What the organiser's device called the file ('' when unknown). */
  name: string
  /** China time it was uploaded. */
  at: string
}
