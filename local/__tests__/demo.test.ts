// The demo data is coherent whatever day it is seeded: every clinic slot lies within its festival's
// dates and its sub-venue's, every selection window within the festival, the edition is running on the
// seeding day, and seeded as of DEMO_REPLAY_DAY it is exactly the 2022 record.
import { withContentStrands } from '../demo/content-2022'
import { demoCollections, DEMO_REPLAY_DAY, festivals as record, venues as recordVenues } from '../demo'
import { chinaDate, phaseOf } from '../../server/core/china-time'

type Doc = Record<string, any>

const SEEDING_DAYS = ['2026-01-01T00:10:00+08:00', '2026-04-28T12:00:00+08:00', '2026-12-31T23:50:00+08:00', new Date().toISOString(), `${DEMO_REPLAY_DAY}T08:00:00+08:00`]

test.each(SEEDING_DAYS)('seeded at %s: slots within their festival and sub-venue, windows within the festival, the edition running', (at) => {
  const now = new Date(at)
  const demo = demoCollections(now)
  const festival = (id: string) => (demo.festivals as Doc[]).find((f) => f._id === id) as Doc
  const venue = (id: string) => (demo.venues as Doc[]).find((v) => v._id === id) as Doc
  expect(demo.clinicSlots?.length).toBeGreaterThan(0)
  for (const slot of demo.clinicSlots as Doc[]) {
    const f = festival(slot.festivalId)
    const v = venue(slot.venueId)
    expect([slot._id, f.startDate <= slot.date && slot.date <= f.endDate]).toEqual([slot._id, true])
    expect([slot._id, v.startDate <= slot.date && slot.date <= v.endDate]).toEqual([slot._id, true])
  }
  for (const selection of demo.selections as Doc[]) {
    const f = festival(selection.festivalId)
    for (const instant of Object.values(selection.windows) as string[]) {
      const day = chinaDate(new Date(instant))
      expect([selection._id, instant, f.startDate <= day && day <= f.endDate]).toEqual([selection._id, instant, true])
    }
  }
  for (const f of demo.festivals as Doc[]) expect(phaseOf(f as { startDate: string; endDate: string }, now)).toBe('running')
  for (const e of demo.events as Doc[]) {
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
