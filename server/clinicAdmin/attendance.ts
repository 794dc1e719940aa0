// Attendance figures per slot and per venue: one read of the slots (the latest 1000 by date, shown
// oldest first) beside the clinic figures kept by the `clinicFigures` timer (server/shared/clinic-figures.ts,
// two requests), never the sign-up records themselves. Every count is the records as they stood at the
// figures' cutoff (answered as `figuresAt`), so a row adds up (confirmed = checked in + not yet/no-show)
// even where the slot's live place counters have moved on since. Staff see only their venue.
import type { Attendance, AttendanceRow } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { ok, type Result } from '../../src/contract/result'
import { allowVenue, requireStaff } from '../core/auth'
import { chinaInstant } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs } from '../core/db'
import { readFigures } from '../shared/clinic-figures'
import type { SlotDoc } from '../shared/clinic-records'

const ZERO = { quota: 0, confirmed: 0, waitlisted: 0, checkedIn: 0, cancelled: 0, noShow: 0 }

export async function attendance(input: Api['clinicAdmin']['attendance']['parsed'], ctx: Ctx): Promise<Result<Attendance>> {
  const auth = await requireStaff(ctx, input.venueId)
  if (!auth.ok) return auth
  const venueId = auth.member.role === 'staff' ? auth.member.venueId : input.venueId
  if (venueId) {
    const allowed = allowVenue(auth.member, venueId)
    if (!allowed.ok) return allowed
  }
  const filter = venueId ? { venueId } : {}
  const [slots, figures] = await Promise.all([
    getDocs<SlotDoc>(ctx.db.collection(COLLECTIONS.clinicSlots).where(filter).field({ h: false, t: false }).orderBy('date', 'desc').limit(1000)),
    readFigures(ctx.db, venueId ? [venueId] : null),
  ])
  const now = ctx.now().getTime()
  const rows: AttendanceRow[] = slots.reverse().map((slot) => {
    const c = figures.slots.get(slot._id)?.n ?? {}
    const waiting = c.confirmed ?? 0
    const over = chinaInstant(slot.date, slot.endTime).getTime() < now
    return {
      slotId: slot._id, title: slot.title, venueId: slot.venueId, venueName: slot.venueName, date: slot.date, startTime: slot.startTime,
      quota: slot.quota, confirmed: waiting + (c.checked_in ?? 0), waitlisted: c.waitlisted ?? 0, checkedIn: c.checked_in ?? 0,
      cancelled: c.cancelled ?? 0, noShow: over ? waiting : 0,
    }
  })
  const venues = new Map<string, Attendance['venues'][number]>()
  for (const row of rows) {
    const v = venues.get(row.venueId) ?? { ...ZERO, venueId: row.venueId, venueName: row.venueName }
    for (const key of Object.keys(ZERO) as Array<keyof typeof ZERO>) v[key] += row[key]
    venues.set(row.venueId, v)
  }
  return ok({ slots: rows, venues: [...venues.values()], figuresAt: figures.at })
}
