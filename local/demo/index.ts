// Demo data for the local runtime, grouped by the database collection it seeds.

import { festivals, venues, events } from './festival-2022'
import { staffDocs } from './identities'

export { festivals, venues, events } from './festival-2022'
export { demoIdentities, staffDocs } from './identities'
export type { DemoIdentity, StaffDoc } from './identities'

type Doc = { _id: string } & Record<string, unknown>

/** Shallow copies, so seeding or mutating a collection never changes the exported arrays' items. */
function toDocs(items: ReadonlyArray<{ _id: string }>): Doc[] {
  return items.map((item) => ({ ...item }))
}

export const demoCollections: Record<string, Array<{ _id: string } & Record<string, unknown>>> = {
  festivals: toDocs(festivals),
  venues: toDocs(venues),
  events: toDocs(events),
  staff: toDocs(staffDocs()),
}
