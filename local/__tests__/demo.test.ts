// The demo data is coherent whatever day it is seeded: every clinic slot lies within its festival's
// dates and its sub-venue's, every selection window within the festival, the edition is running on the
// seeding day, and seeded as of DEMO_REPLAY_DAY it is exactly the 2022 record.
import { withContentStrands } from '../demo/content-2022'
import { demoCollections, DEMO_REPLAY_DAY, festivals as record, venues as recordVenues } from '../demo'
import { chinaDate, phaseOf } from '../../server/core/china-time'
import type { Festival, FestivalEvent, Venue } from '../../src/contract/model'
import type { Selection } from '../../src/contract/selection'
import type { SlotDoc } from '../../server/shared/clinic-records'
import { present } from '../../server/__tests__/narrow'


/** A demo collection as its record type: built typed in local/demo, handed on by demoCollections as plain documents. */
const docs = <T>(list: Array<{ _id: string }> | undefined): T[] => (list ?? []) as unknown as T[]

const SEEDING_DAYS = ['2026-01-01T00:10:00+08:00', '2026-04-28T12:00:00+08:00', '2026-12-31T23:50:00+08:00', new Date().toISOString(), `${DEMO_REPLAY_DAY}T08:00:00+08:00`]

test.each(SEEDING_DAYS)('seeded at %s: slots within their festival and sub-venue, windows within the festival, the edition running', (at) => {
  const now = new Date(at)
  const demo = demoCollections(now)
  const festivals = docs<Festival>(demo.festivals)
  const festival = (id: string) => present(festivals.find((f) => f._id === id), `festival ${id}`)
  const venue = (id: string) => present(docs<Venue>(demo.venues).find((v) => v._id === id), `venue ${id}`)
  expect(demo.clinicSlots?.length).toBeGreaterThan(0)
  for (const slot of docs<SlotDoc>(demo.clinicSlots)) {
    const f = festival(slot.festivalId)
    const v = venue(slot.venueId)
    expect([slot._id, f.startDate <= slot.date && slot.date <= f.endDate]).toEqual([slot._id, true])
    expect([slot._id, v.startDate <= slot.date && slot.date <= v.endDate]).toEqual([slot._id, true])
  }
  for (const selection of docs<Selection>(demo.selections)) {
    const f = festival(selection.festivalId)
    for (const instant of Object.values(selection.windows)) {
      const day = chinaDate(new Date(instant))
      expect([selection._id, instant, f.startDate <= day && day <= f.endDate]).toEqual([selection._id, instant, true])
    }
  }
  for (const f of festivals) expect(phaseOf(f, now)).toBe('running')
  for (const e of docs<FestivalEvent>(demo.events)) {
    const f = festival(e.festivalId)
    const day = chinaDate(new Date(e.startAt))
    expect([e._id, f.startDate <= day && day <= f.endDate]).toEqual([e._id, true])
  }
})

test('seeded as of the replay day, the edition is the 2022 record (with the content strands published)', () => {
  const demo = demoCollections(new Date(`${DEMO_REPLAY_DAY}T08:00:00+08:00`))
  expect(demo.festivals).toEqual(withContentStrands(record))
  expect(demo.venues).toEqual(recordVenues)
})
