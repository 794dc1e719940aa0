// Demo data for the local runtime, grouped by the database collection it seeds.

import { festivals, venues, events } from './festival-2022'
import { staffDocs } from './identities'
import { demoClinicSlots } from './clinic-slots'
import { demoExpertAssignments, demoSelections } from './selections'
import { demoExperts, demoLectures, demoOffers, withContentStrands } from './content-2022'

export { festivals, venues, events } from './festival-2022'
export { demoIdentities, staffDocs } from './identities'
export type { DemoIdentity, StaffDoc } from './identities'
export { demoClinicSlots } from './clinic-slots'

type Doc = { _id: string } & Record<string, unknown>

/** Shallow copies, so seeding or mutating a collection never changes the exported arrays' items. */
function toDocs(items: ReadonlyArray<{ _id: string }>): Doc[] {
  return items.map((item) => ({ ...item }))
}

export const demoCollections: Record<string, Array<{ _id: string } & Record<string, unknown>>> = {
  festivals: toDocs(withContentStrands(festivals)),
  venues: toDocs(venues),
  events: toDocs(events),
  staff: toDocs(staffDocs()),
  /** Dated from the moment this module loads (China time), so a fresh demo can sign up at once. */
  clinicSlots: toDocs(demoClinicSlots()),
  /** The 2022 photo, video and typical-case selections, windows open relative to the seeding day. */
  selections: toDocs(demoSelections()),
  selectionExperts: toDocs(demoExpertAssignments),
  lectures: toDocs(demoLectures), experts: toDocs(demoExperts), offers: toDocs(demoOffers()),
}
