// Demo data for the local runtime, grouped by the database collection it seeds: the 2022 edition's
// programme replayed on the seeding day's calendar. Every date of the edition — the festival, its
// sub-venues, their events — moves by the same number of days, so that the seeding day stands for
// DEMO_REPLAY_DAY (15 October 2022, when 万州, the last sub-venue, opened and all four were running);
// the clinic slots (over the next few days) and the selection windows are set from the seeding day
// too, so every slot lies within its festival's dates and its sub-venue's, and a resident's sign-up
// stays until the retention period after its own slot. The articles' wording (names, dates in the
// text) is kept as published. Seeded with today's date the edition is running; seeded with
// DEMO_REPLAY_DAY it is exactly the 2022 record (the handler tests do that).
import { addChinaDays, chinaDate } from '../../server/core/china-time'
import type { Festival, FestivalEvent, Venue } from '../../src/contract/model'
import { festivals, venues, events } from './festival-2022'
import { staffDocs } from './identities'
import { demoClinicSlots } from './clinic-slots'
import { demoExpertAssignments, demoSelections } from './selections'
import { demoExperts, demoLectures, demoOffers, withContentStrands } from './content-2022'

export { festivals, venues, events } from './festival-2022'
export { demoIdentities, staffDocs } from './identities'
export type { DemoIdentity, StaffDoc } from './identities'
export { demoClinicSlots } from './clinic-slots'

/** The day of the 2022 programme that the seeding day stands for. */
export const DEMO_REPLAY_DAY = '2022-10-15'

type Doc = { _id: string } & Record<string, unknown>

const DAY_MS = 86_400_000
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS

/** Moves a China calendar date, or an ISO 8601 +08:00 instant (its time of day kept), by `days`. */
function moved(value: string, days: number): string {
  return `${addChinaDays(value.slice(0, 10), days)}${value.slice(10)}`
}

/** The 2022 edition with its dates moved so that DEMO_REPLAY_DAY falls on `today` (China date). */
export function demoEdition(today: string): { festivals: Festival[]; venues: Venue[]; events: FestivalEvent[] } {
  const days = dayNumber(today) - dayNumber(DEMO_REPLAY_DAY)
  const span = <T extends { startDate: string; endDate: string }>(item: T): T =>
    ({ ...item, startDate: moved(item.startDate, days), endDate: moved(item.endDate, days) })
  return {
    festivals: festivals.map(span),
    venues: venues.map(span),
    events: events.map((e) => ({ ...e, startAt: moved(e.startAt, days), ...(e.endAt ? { endAt: moved(e.endAt, days) } : {}) })),
  }
}

/** Shallow copies, so seeding or mutating a collection never changes the exported arrays' items. */
function toDocs(items: ReadonlyArray<{ _id: string }>): Doc[] {
  return items.map((item) => ({ ...item }))
}

/** Every demo collection as seeded at `now`. */
export function demoCollections(now: Date = new Date()): Record<string, Doc[]> {
  const today = chinaDate(now)
  const edition = demoEdition(today)
  return {
    festivals: toDocs(withContentStrands(edition.festivals)),
    venues: toDocs(edition.venues),
    events: toDocs(edition.events),
    staff: toDocs(staffDocs()),
    /** Over the next few days, so a fresh demo can sign up at once. */
    clinicSlots: toDocs(demoClinicSlots(now)),
    /** Submission and voting windows open around the seeding day. */
    selections: toDocs(demoSelections(today)),
    selectionExperts: toDocs(demoExpertAssignments),
    lectures: toDocs(demoLectures),
    experts: toDocs(demoExperts),
    /** Valid from the seeding day, as the clinic slots are. */
    offers: toDocs(demoOffers(now)),
  }
}
