// Every route the tests open, in one place, read from dist/app.json: the selections subpackage is found
// by its pages (gallery, work, score…), so renaming its folder (contest/ → selection/) needs no edit here.
import { readAppJson } from '../app-json'
import { DIST } from '../app'

export const appRoutes = readAppJson(DIST)

function subpackageWith(page: string): string {
  const root = appRoutes.subpackages.find((r) => appRoutes.has(`${r}/${page}`))
  if (!root) throw new Error(`app.json 里没有包含 ${page} 的分包`)
  return root
}

const selection = subpackageWith('gallery/index')
const clinic = subpackageWith('slot/index')
const staff = subpackageWith('check-in/index')
const learn = subpackageWith('lectures/index')
const q = encodeURIComponent

export const R = {
  home: 'pages/index/index',
  venues: 'pages/venues/index',
  venue: 'pages/venue/index',
  event: 'pages/event/index',
  me: 'pages/me/index',
  notFound: 'pages/not-found/index',
  clinicSlots: `${clinic}/slots/index`,
  clinicSlot: `${clinic}/slot/index`,
  clinicMine: `${clinic}/mine/index`,
  checkIn: `${staff}/check-in/index`,
  slotEdit: `${staff}/slot-edit/index`,
  invites: `${staff}/invites/index`,
  redeem: `${staff}/redeem/index`,
  signups: `${staff}/signups/index`,
  gallery: `${selection}/gallery/index`,
  work: `${selection}/work/index`,
  submit: `${selection}/submit/index`,
  selectionMine: `${selection}/mine/index`,
  ranking: `${selection}/ranking/index`,
  review: `${selection}/review/index`,
  manage: `${selection}/manage/index`,
  watch: `${selection}/watch/index`,
  results: `${selection}/results/index`,
  score: `${selection}/score/index`,
  lectures: `${learn}/lectures/index`,
  lecture: `${learn}/lecture/index`,
  experts: `${learn}/experts/index`,
  expert: `${learn}/expert/index`,
  offers: `${learn}/offers/index`,
  claims: `${learn}/claims/index`,
} as const

/** '/route?k=v' with encoded values. */
export function url(route: string, query: Record<string, string> = {}): string {
  const search = Object.entries(query).map(([k, v]) => `${k}=${q(v)}`).join('&')
  return `/${route}${search ? `?${search}` : ''}`
}

export const PHOTO = 'cq-2022-photo'
export const CASES = 'cq-2022-cases'
