// Lost-hold repair through the real wx-server-sdk: a crash between taking a place and writing the
// sign-up is simulated by taking the place with slot-store alone. Within the grace nothing happens;
// after it the timer (or the resident's own retry) frees the place, the first waiter is promoted, each
// repair is audited, a live sign-up is never released, and counters always equal the records.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { freeLostHold } from '../hold-repair'
import { accountKey, personKey, signupIdOf } from '../../shared/clinic-identity'
import { repairHolds } from '../repair-run'
import { transition } from '../signup-store'
import { joinWaitlist, readSlot, takePlace } from '../slot-store'
import type { AuditDoc } from '../../shared/clinic-audit'
import type { SlotDoc } from '../../shared/clinic-records'
import { docsWhere, okData, present } from '../../__tests__/narrow'
import { expectConsistent, NOW, ORGANISER, personOf, signUpInput, startClinic, type ClinicTest } from './clinic-harness'

let t: ClinicTest
beforeAll(async () => {
  t = await startClinic()
})
afterAll(() => t.close())

const T0 = Date.parse(NOW)
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString()
const timer = (seconds: number) => repairHolds({ ...t.h.ctx('', at(seconds)), trigger: 'timer' })
const keys = (openid: string, i: number) => ({ account: accountKey(openid), person: personKey(openid, personOf(i)) })

/** Takes a place (or a waitlist place when full) as signUp would, then "crashes": no sign-up written. */
async function crash(slotId: string, openid: string, i: number, seconds = 0): Promise<string> {
  const { account, person } = keys(openid, i)
  const slot = await readSlot(t.h.db, slotId, account)
  if (!slot) throw new Error('no slot')
  const full = slot.confirmed >= slot.quota || slot.waitlisted > 0
  const took = full ? await joinWaitlist(t.h.db, slot, account, person, T0 + seconds * 1000) : await takePlace(t.h.db, slot, account, person, T0 + seconds * 1000)
  expect(took).toBe(true)
  return person
}

const held = (slot: SlotDoc) => Object.values(slot.h).flat()
const audits = (target: string) => docsWhere<AuditDoc>(t.h.db, 'clinicAudit', { action: 'repair', target })
const counters = (slot: SlotDoc) => ({ confirmed: slot.confirmed, waitlisted: slot.waitlisted })

test('a place held with no sign-up is kept within the grace, then freed by the timer and given to the first waiter', async () => {
  const slotId = await t.makeSlot({ quota: 2, waitlistLimit: 10 })
  expect((await t.call('rep-a', 'signUp', signUpInput(slotId, 1))).data.outcome).toBe('confirmed')
  const lost = await crash(slotId, 'rep-b', 2)
  const first = await t.call('rep-c', 'signUp', signUpInput(slotId, 3), at(10))
  await t.call('rep-d', 'signUp', signUpInput(slotId, 4), at(20))
  expect(first.data.outcome).toBe('waitlisted')
  const before = await t.slotDoc(slotId)
  expect(counters(before)).toEqual({ confirmed: 2, waitlisted: 2 })

  expect(await timer(110)).toMatchObject({ ok: true, data: { repaired: 0 } })
  expect(held(await t.slotDoc(slotId))).toContain(lost)

  expect(await timer(130)).toMatchObject({ ok: true, data: { repaired: 1 } })
  const slot = await t.slotDoc(slotId)
  expect(held(slot)).not.toContain(lost)
  expect(counters(slot)).toEqual({ confirmed: 2, waitlisted: 1 })
  const docs = await t.signups(slotId)
  const promoted = present(docs.find((d) => d._id === first.data.signup._id), 'the promoted sign-up')
  expect(promoted.status).toBe('confirmed')
  expect(promoted.history.map((e) => e.event)).toEqual(['waitlisted', 'promoted'])
  const notices = await t.call('rep-c', 'myNotices', {})
  expect(notices.data).toEqual([expect.objectContaining({ kind: 'promoted' })])
  expectConsistent(slot, docs)
  const [record] = await audits(signupIdOf(slotId, lost))
  expect(record).toMatchObject({ actor: { openid: '', name: '定时任务' }, rows: 1, detail: expect.stringContaining('已转给候补第一位') })
  expect(await timer(140)).toMatchObject({ ok: true, data: { repaired: 0 } })
})

test('the resident retrying after the grace signs up normally; within it they are told it is being processed', async () => {
  const slotId = await t.makeSlot({ quota: 3 })
  const lost = await crash(slotId, 'rep-retry', 5)
  const early = await t.call('rep-retry', 'signUp', signUpInput(slotId, 5), at(60))
  expect(early).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('正在处理中') })
  const late = await t.call('rep-retry', 'signUp', signUpInput(slotId, 5), at(180))
  expect(late.ok).toBe(true)
  expect(late.data.outcome).toBe('confirmed')
  expect(late.data.signup._id).toBe(signupIdOf(slotId, lost))
  const slot = await t.slotDoc(slotId)
  expect(counters(slot)).toEqual({ confirmed: 1, waitlisted: 0 })
  expectConsistent(slot, await t.signups(slotId))
  expect((await audits(signupIdOf(slotId, lost)))[0]).toMatchObject({ actor: { openid: 'rep-retry', name: '本人重新报名' } })
})

test('a lost waitlist place is freed, so the next cancellation promotes the real waiter', async () => {
  const slotId = await t.makeSlot({ quota: 1, waitlistLimit: 5 })
  const holder = await t.call('rep-w1', 'signUp', signUpInput(slotId, 6))
  await crash(slotId, 'rep-w2', 7)
  const waiter = await t.call('rep-w3', 'signUp', signUpInput(slotId, 8), at(5))
  expect(waiter.data.outcome).toBe('waitlisted')
  expect(await timer(200)).toMatchObject({ ok: true, data: { repaired: 1 } })
  expect(counters(await t.slotDoc(slotId))).toEqual({ confirmed: 1, waitlisted: 1 })
  expect((await t.call('rep-w1', 'cancel', { signupId: holder.data.signup._id }, at(210))).ok).toBe(true)
  const docs = await t.signups(slotId)
  expect(docs.find((d) => d._id === waiter.data.signup._id)).toMatchObject({ status: 'confirmed' })
  expectConsistent(await t.slotDoc(slotId), docs)
})

test('a cancellation that crashed before giving the place back: freed a grace after it, counted as the sign-up stood', async () => {
  const slotId = await t.makeSlot({ quota: 1, waitlistLimit: 5 })
  const holder = await t.call('cc-a', 'signUp', signUpInput(slotId, 10))
  const waiter = await t.call('cc-b', 'signUp', signUpInput(slotId, 11), at(5))
  expect((await t.call('cc-a', 'cancel', { signupId: holder.data.signup._id }, at(10))).ok).toBe(true)
  const cancelledAt = '2022-06-25T10:01:00+08:00'
  const id = waiter.data.signup._id
  expect(await transition(t.h.db, { _id: id, status: 'confirmed' }, 'cancelled', { event: 'cancelled', at: cancelledAt }, { cancelledAt })).toBe(true)
  expect(await timer(170)).toMatchObject({ ok: true, data: { repaired: 0 } })
  expect(await timer(190)).toMatchObject({ ok: true, data: { repaired: 1 } })
  const slot = await t.slotDoc(slotId)
  expect(counters(slot)).toEqual({ confirmed: 0, waitlisted: 0 })
  expectConsistent(slot, await t.signups(slotId))
})

test('a re-sign-up that crashed before reviving the cancelled sign-up: the retry after the grace signs up again', async () => {
  const slotId = await t.makeSlot({ quota: 2 })
  const first = await t.call('rs-a', 'signUp', signUpInput(slotId, 12))
  expect((await t.call('rs-a', 'cancel', { signupId: first.data.signup._id }, at(10))).ok).toBe(true)
  await crash(slotId, 'rs-a', 12, 20)
  expect(await t.call('rs-a', 'signUp', signUpInput(slotId, 12), at(100))).toMatchObject({ ok: false, message: expect.stringContaining('正在处理中') })
  const again = await t.call('rs-a', 'signUp', signUpInput(slotId, 12), at(150))
  expect(again.data).toMatchObject({ outcome: 'confirmed', signup: { _id: first.data.signup._id, status: 'confirmed' } })
  const slot = await t.slotDoc(slotId)
  expect(counters(slot)).toEqual({ confirmed: 1, waitlisted: 0 })
  expectConsistent(slot, await t.signups(slotId))
})

test('live sign-ups are never released, however old; a sign-up not written within its window gives the place back', async () => {
  const slotId = await t.makeSlot({ quota: 2, waitlistLimit: 5 })
  for (let i = 0; i < 3; i += 1) expect((await t.call(`live-${i}`, 'signUp', signUpInput(slotId, 20 + i), at(i))).ok).toBe(true)
  const run = okData(await timer(86_000))
  expect(run).toMatchObject({ repaired: 0 })
  expect(run.checked).toBeGreaterThanOrEqual(3)
  expect(counters(await t.slotDoc(slotId))).toEqual({ confirmed: 2, waitlisted: 1 })

  let calls = 0
  const slowCtx = { ...t.h.ctx('live-slow', NOW), now: () => new Date(calls++ === 0 ? T0 : T0 + 3 * 60_000) }
  const { signUp } = await import('../sign-up')
  const slow = await signUp(signUpInput(slotId, 30, { joinWaitlist: true }), slowCtx)
  expect(slow).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已为您退回名额') })
  const docs = await t.signups(slotId)
  expect(docs).toHaveLength(3)
  expectConsistent(await t.slotDoc(slotId), docs)
})

test('a stale repair decision cannot free the same person\'s hold taken again since (the release is pinned to its stamp)', async () => {
  const slotId = await t.makeSlot({ quota: 2 })
  const { account, person } = keys('rep-again', 9)
  await crash(slotId, 'rep-again', 9)
  expect(await timer(150)).toMatchObject({ ok: true, data: { repaired: 1 } })
  expect((await t.call('rep-again', 'signUp', signUpInput(slotId, 9), at(160))).data.outcome).toBe('confirmed')
  const slot = present(await readSlot(t.h.db, slotId, account), 'the slot')
  const stale = { slotId, account, person, kind: 'confirmed' as const, pin: T0 }
  expect(await freeLostHold(t.h.ctx('', at(400)), slot, stale, 'timer')).toBe(false)
  expect(held(await t.slotDoc(slotId))).toEqual([person])
  expectConsistent(await t.slotDoc(slotId), await t.signups(slotId))
})

test('holds from before stamps: freed only with no sign-up and the slot unchanged for the grace', async () => {
  const slotId = await t.makeSlot({ quota: 3 })
  await t.call('old-a', 'signUp', signUpInput(slotId, 40))
  const { account, person } = keys('old-b', 41)
  const _ = t.h.db.command
  await t.h.db.collection('clinicSlots').doc(slotId).update({ data: { confirmed: _.inc(1), [`h.${account}`]: _.push(person) } })
  await t.h.db.collection('clinicSlots').doc(slotId).update({ data: { t: _.remove() } })
  expect(await timer(60)).toMatchObject({ ok: true, data: { repaired: 0 } })
  expect(await timer(180)).toMatchObject({ ok: true, data: { repaired: 1 } })
  const slot = await t.slotDoc(slotId)
  expect(held(slot)).toHaveLength(1)
  expectConsistent(slot, await t.signups(slotId))
})

test('repairs racing sign-ups, retries and cancellations keep counters equal to the records', async () => {
  const slotId = await t.makeSlot({ quota: 4, waitlistLimit: 30 })
  for (let i = 0; i < 3; i += 1) await crash(slotId, `race-lost-${i}`, 50 + i)
  const mine = await t.call('race-h', 'signUp', signUpInput(slotId, 60))
  await Promise.all([
    timer(300), timer(300),
    t.call('race-lost-0', 'signUp', signUpInput(slotId, 50), at(300)),
    t.call('race-h', 'cancel', { signupId: mine.data.signup._id }, at(300)),
    ...Array.from({ length: 8 }, (_, i) => t.call(`race-new-${i}`, 'signUp', signUpInput(slotId, 70 + i), at(300))),
  ])
  const docs = await t.signups(slotId)
  expectConsistent(await t.slotDoc(slotId), docs)
  expect(await timer(900)).toMatchObject({ ok: true, data: { repaired: 0 } })
})

test('the clinicRepair timer of config.json reaches the repair; residents cannot run it, organisers can', async () => {
  const config: { triggers: unknown[] } = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/clinic/config.json'), 'utf8'))
  expect(config.triggers).toContainEqual(expect.objectContaining({ name: 'clinicRepair', type: 'timer', config: '0 */10 * * * * *' }))
  const { main } = await import('../index')
  expect(await main({ Type: 'Timer', TriggerName: 'clinicRepair', Time: new Date().toISOString() })).toMatchObject({ ok: true })
  expect(await t.call('rep-a', 'repairHolds', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await t.call(ORGANISER, 'repairHolds', {})).toMatchObject({ ok: true, data: { repaired: 0 } })
})
