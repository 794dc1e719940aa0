// Domain types of the festival as stored and as shown, plus the Chinese labels the app prints for them.
// Plain TypeScript (no zod) so pages can import it at no bundle cost.

/** Whether something dated is still to come, under way, or over — always judged in China time. */
export type Phase = 'upcoming' | 'running' | 'ended'

export const PHASE_LABELS: Record<Phase, string> = {
  upcoming: '即将开始',
  running: '进行中',
  ended: '已结束',
}

export type StrandKey = 'clinic' | 'photo' | 'video' | 'cases' | 'lectures' | 'thinktank' | 'offers'

/** One strand of the festival programme (free clinics, photo collection ...). */
import type { SelectionWindows } from './selection'

export interface Strand {
  key: StrandKey
  title: string
  summary: string
  /** True once the app offers the strand's feature; otherwise the home screen says "敬请期待". */
  live: boolean
  /** A selection strand's windows as the selection has them now (the tile's deadline line), from festival.home. */
  windows?: SelectionWindows
  /** The selection's results are published. */
  announced?: boolean
}

export interface Festival {
  _id: string
  /** e.g. 中国(重庆)2022妇幼健康公益文化节 */
  name: string
  /** e.g. 爱佑新生，心系妇幼 */
  slogan: string
  year: number
  city: string
  /** China-time calendar dates, YYYY-MM-DD. */
  startDate: string
  endDate: string
  intro: string
  guides: string[]
  hosts: string[]
  coOrganisers: string[]
  strands: Strand[]
  /** The banner image (cloud:// fileID) organisers chose; the app's own banner without it. */
  bannerFileId?: string
  published: boolean
}

export interface Venue {
  _id: string
  festivalId: string
  /** e.g. 巴南分会场 */
  name: string
  /** Host hospital, e.g. 巴南区妇幼保健院 */
  host: string
  organisers: string[]
  district: string
  /** Short place name, e.g. 巴南区人民广场 */
  place: string
  address: string
  latitude?: number
  longitude?: number
  /** The venue's enquiry line as dialled, e.g. 023-12345678; shown with 拨打电话 where given. */
  phone?: string
  theme?: string
  startDate: string
  endDate: string
  intro: string
  order: number
}

export type EventKind =
  | 'ceremony'
  | 'reading'
  | 'donation'
  | 'clinic'
  | 'lecture'
  | 'exhibition'
  | 'promotion'
  | 'exchange'
  | 'other'

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  ceremony: '开幕仪式',
  reading: '公约诵读',
  donation: '公益捐赠',
  clinic: '义诊',
  lecture: '健康科普',
  exhibition: '成果展示',
  promotion: '惠民活动',
  exchange: '专家交流',
  other: '其他活动',
}

export interface FestivalEvent {
  _id: string
  festivalId: string
  venueId: string
  title: string
  kind: EventKind
  /** ISO 8601 with the +08:00 offset, e.g. 2022-06-25T09:00:00+08:00 */
  startAt: string
  endAt?: string
  place: string
  description: string
  /** Services offered at a free clinic, e.g. 两癌筛查, 儿童保健 */
  services?: string[]
  /** Who speaks or leads it, e.g. 重庆市妇幼保健院 王主任 */
  speaker?: string
}

export type FestivalView = Omit<Festival, 'published'> & {
  phase: Phase
  /** A temp URL of the published banner image (home only); absent: the app's own banner. */
  bannerUrl?: string
}

export type VenueSummary = Pick<
  Venue,
  '_id' | 'name' | 'host' | 'district' | 'place' | 'startDate' | 'endDate' | 'theme'
> & { phase: Phase }

export interface HomeView {
  /** null when no festival has been published yet. */
  festival: FestivalView | null
  venues: VenueSummary[]
}

export interface VenueDetail {
  venue: Omit<Venue, 'order'> & { phase: Phase }
  events: FestivalEvent[]
}

/** How to reach a venue: what the clinic pages show under 到场方式 (address, map, phone). */
export type VenuePlace = Pick<Venue, '_id' | 'name' | 'host' | 'address' | 'place' | 'latitude' | 'longitude' | 'phone'>

export interface EventDetail {
  event: FestivalEvent
  venue: VenuePlace
}

export type Role = 'resident' | 'staff' | 'organiser' | 'expert'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  staff: '分会场工作人员',
  organiser: '组委会',
  expert: '评审专家',
}

export interface Me {
  role: Role
  /** For sub-venue staff: the one venue they may work on. */
  venueId?: string
  displayName?: string
}
