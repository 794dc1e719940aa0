// Shared set-up for the clinic tests: the handler harness (real wx-server-sdk against a fresh local
// service with the demo festival and staff), a typed caller of `clinic`, a slot factory that goes
// through createSlot as the demo organiser, and generators of distinct valid persons.
import type { InputOf } from '../../../src/contract/api'
import type { SignupDoc, SlotDoc } from '../../shared/clinic-records'
import { docById, docsWhere } from '../../__tests__/narrow'
import { startHarness, type Harness } from '../../__tests__/harness'
import type { Caller } from '../../__tests__/typed-caller'

/** The tests' default clock: 25 June 2022, 10:00 China time (the festival's opening day). */
export const NOW = '2022-06-25T10:00:00+08:00'
export const ORGANISER = 'demo-organiser-1'
export const STAFF_BANAN = 'demo-staff-banan'
export const STAFF_YONGCHUAN = 'demo-staff-yongchuan'

export interface ClinicTest {
  h: Harness
  call: Caller<'clinic'>
  makeSlot(overrides?: Partial<CreateSlotInput>): Promise<string>
  slotDoc(slotId: string): Promise<SlotDoc>
  signups(slotId: string): Promise<SignupDoc[]>
  close(): Promise<void>
}

const GIVEN = '安宁春丹芳华佳洁静丽敏娜琳梅秀雅婷玉珍英'

/** A distinct valid name for i < 400 (汉字 only, as the form allows). */
export function nameOf(i: number): string {
  return `王${GIVEN[i % 20]}${GIVEN[Math.floor(i / 20) % 20]}`
}

type SignUpInput = InputOf<'clinic', 'signUp'>
type CreateSlotInput = InputOf<'clinic', 'createSlot'>

export function personOf(i: number, extra: Partial<SignUpInput['person']> = {}): SignUpInput['person'] {
  return { relation: 'self', name: nameOf(i), phone: `139${String(i).padStart(8, '0')}`, category: 'woman', ...extra }
}

export function signUpInput(slotId: string, i: number, extra: Partial<SignUpInput> = {}): SignUpInput {
  return { slotId, person: personOf(i), services: ['两癌筛查'], agreePrivacy: true, joinWaitlist: true, ...extra }
}

export async function startClinic(): Promise<ClinicTest> {
  const h = await startHarness()
  const { clinicHandlers } = await import('../handlers')
  const call = h.caller('clinic', clinicHandlers, NOW)
  return {
    h,
    call,
    async makeSlot(overrides = {}) {
      const res = await call(ORGANISER, 'createSlot', {
        venueId: 'banan', title: '测试义诊', date: '2022-06-26', startTime: '09:00', endTime: '11:30', place: '巴南区人民广场',
        services: ['两癌筛查', '孕产保健咨询', '儿童保健'], audience: ['pregnant', 'child', 'woman', 'other'], quota: 10,
        signupOpensAt: '2022-06-24 09:00', signupClosesAt: '2022-06-26 08:00', cancelCutoffAt: '2022-06-25 20:00',
        ...overrides,
      })
      if (!res.ok) throw new Error(`createSlot failed: ${JSON.stringify(res)}`)
      return res.data._id
    },
    slotDoc: (slotId) => docById<SlotDoc>(h.db, 'clinicSlots', slotId),
    signups: (slotId) => docsWhere<SignupDoc>(h.db, 'clinicSignups', { slotId }),
    close: () => h.close(),
  }
}

/** Counts of sign-up records by status. */
export function byStatus(docs: Array<{ status: string }>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const d of docs) counts[d.status] = (counts[d.status] ?? 0) + 1
  return counts
}

/** The slot's counters and holds agree with its sign-up records. */
export function expectConsistent(slot: SlotDoc, docs: SignupDoc[]): void {
  const counts = byStatus(docs)
  const taken = (counts.confirmed ?? 0) + (counts.checked_in ?? 0)
  expect(slot.confirmed).toBe(taken)
  expect(slot.waitlisted).toBe(counts.waitlisted ?? 0)
  expect(slot.confirmed).toBeLessThanOrEqual(slot.quota)
  const held = Object.values(slot.h).flat().sort()
  const active = docs.filter((d) => d.status !== 'cancelled').map((d) => d.personKey).sort()
  expect(held).toEqual(active)
}
