// The door list of one slot: every confirmed, checked-in and waitlisted sign-up (masked as the list
// shows them), read page by page, in name order (Chinese collation) — places first, then the waitlist.
import { ok, type ClinicSlotDetail, type Result, type SignupListEntry } from '@/contract'
import { call } from '@/services/client'

export interface DoorList {
  slot: ClinicSlotDetail
  places: SignupListEntry[]
  waitlist: SignupListEntry[]
}

const MAX_PAGES = 40

async function allOf(slotId: string, status: 'confirmed' | 'checked_in' | 'waitlisted'): Promise<Result<SignupListEntry[]>> {
  const out: SignupListEntry[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await call('clinicAdmin', 'signupList', { slotId, status, page })
    if (!res.ok) return res
    out.push(...res.data.items)
    if (!res.data.hasMore) break
  }
  return ok(out)
}

const byName = (a: SignupListEntry, b: SignupListEntry) => a.maskedName.localeCompare(b.maskedName, 'zh-Hans-CN') || a.number.localeCompare(b.number)

export async function loadDoorList(slotId: string): Promise<Result<DoorList>> {
  const slot = await call('clinic', 'slot', { slotId })
  if (!slot.ok) return slot
  const [confirmed, checkedIn, waitlisted] = await Promise.all([allOf(slotId, 'confirmed'), allOf(slotId, 'checked_in'), allOf(slotId, 'waitlisted')])
  if (!confirmed.ok) return confirmed
  if (!checkedIn.ok) return checkedIn
  if (!waitlisted.ok) return waitlisted
  return ok({ slot: slot.data, places: [...confirmed.data, ...checkedIn.data].sort(byName), waitlist: [...waitlisted.data].sort(byName) })
}
