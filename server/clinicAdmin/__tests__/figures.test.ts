// The clinic figures timer through the real SDK: after random sign-ups, cancellations (with promotions)
// and check-ins interleaved with timer runs, every slot's and venue's figures equal a full recount of the
// records; a sign-up stamped just before a run but landing after it (in flight) is counted by the next
// run; two runs never hold the figures at once; the trigger is declared and dispatched.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { STAFF_BANAN, STAFF_YONGCHUAN, byStatus, signUpInput } from '../../clinic/__tests__/clinic-harness'
import { toChinaIso } from '../../core/china-time'
import { getDocs } from '../../core/db'
import type { SignupDoc } from '../../shared/clinic-records'
import type { SlotFigures, VenueFigures } from '../../shared/clinic-figures'
import { startAdmin, type AdminTest } from './admin-harness'

let t: AdminTest
beforeAll(async () => {
  t = await startAdmin()
})
afterAll(() => t.close())

const at = (ms: number) => toChinaIso(new Date(ms))
const MINUTE = 60_000

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

async function allSignups(slotIds: string[]): Promise<SignupDoc[]> {
  const _ = t.h.db.command
  return getDocs<SignupDoc>(t.h.db.collection('clinicSignups').where({ slotId: _.in(slotIds) }).limit(1000))
}

/** The stored figures of these slots and of their venues equal a recount of every record. */
async function expectRecount(slotIds: string[]): Promise<void> {
  const docs = await allSignups(slotIds)
  const figures = await getDocs<SlotFigures | VenueFigures>(t.h.db.collection('clinicFigures').where({ kind: t.h.db.command.in(['slot', 'venue']) }).limit(1000))
  const days = (list: SignupDoc[]) => {
    const out: Record<string, number> = {}
    for (const d of list) out[d.createdAt.slice(0, 10)] = (out[d.createdAt.slice(0, 10)] ?? 0) + 1
    return out
  }
  for (const slotId of slotIds) {
    const mine = docs.filter((d) => d.slotId === slotId)
    const fig = figures.find((f) => f.kind === 'slot' && f.slotId === slotId)
    expect({ slotId, n: fig?.n ?? {}, days: fig?.days ?? {} }).toEqual({ slotId, n: byStatus(mine), days: days(mine) })
  }
  for (const venueId of new Set(docs.map((d) => d.venueId))) {
    const mine = await getDocs<SignupDoc>(t.h.db.collection('clinicSignups').where({ venueId }).limit(1000))
    const fig = figures.find((f) => f.kind === 'venue' && f.venueId === venueId)
    expect({ venueId, n: fig?.n, days: fig?.days }).toEqual({ venueId, n: byStatus(mine), days: days(mine) })
  }
}

test('after random sign-ups, cancellations and check-ins interleaved with timer runs, the figures equal a full recount', async () => {
  const rand = random(20220625)
  const slots = [
    { id: await t.makeSlot({ title: '随机一', quota: 3, waitlistLimit: 5 }), staff: STAFF_BANAN },
    { id: await t.makeSlot({ title: '随机二', quota: 4, waitlistLimit: 5 }), staff: STAFF_BANAN },
    { id: await t.makeSlot({ venueId: 'yongchuan', place: '永川区妇幼保健院', title: '随机三', quota: 2, waitlistLimit: 5 }), staff: STAFF_YONGCHUAN },
  ]
  const slotIds = slots.map((s) => s.id)
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T
  const signupOf = new Map<string, { openid: string; slot: (typeof slots)[number] }>()
  let clock = Date.parse('2022-06-24T10:00:00+08:00')
  let runs = 0
  let checks = 0
  const run = async () => {
    const res = await t.figures(at(clock))
    expect(res).toMatchObject({ ok: true, data: { busy: false } })
    runs += 1
  }
  const settleAndCheck = async () => {
    clock += 3 * MINUTE
    await run()
    await expectRecount(slotIds)
    checks += 1
  }
  // Sign-ups and cancellations over two days (the cancel cutoff is 25 June 20:00), then check-ins on the day.
  for (let step = 0; step < 120; step += 1) {
    clock += Math.floor(rand() * 20 * MINUTE)
    if (clock > Date.parse('2022-06-25T19:30:00+08:00')) break
    const ids = [...signupOf.keys()]
    if (ids.length > 0 && rand() < 0.3) {
      const id = pick(ids)
      const who = signupOf.get(id)
      if (who) await t.call(who.openid, 'cancel', { signupId: id }, at(clock))
    } else {
      const slot = pick(slots)
      const i = Math.floor(rand() * 14)
      const res = await t.call(`rand-${i}`, 'signUp', signUpInput(slot.id, i), at(clock))
      if (res.ok) signupOf.set(res.data.signup._id, { openid: `rand-${i}`, slot })
    }
    if (rand() < 0.25) await run()
    if (step % 30 === 29) await settleAndCheck()
  }
  await settleAndCheck()
  clock = Date.parse('2022-06-26T09:00:00+08:00')
  for (const [id, who] of signupOf) {
    if (rand() < 0.5) continue
    clock += Math.floor(rand() * 4 * MINUTE)
    await t.call(who.slot.staff, 'checkIn', { signupId: id }, at(clock))
    if (rand() < 0.3) await run()
  }
  await settleAndCheck()
  const statuses = byStatus(await allSignups(slotIds))
  expect(Object.keys(statuses).sort()).toEqual(['cancelled', 'checked_in', 'confirmed', 'waitlisted'])
  expect(runs).toBeGreaterThan(checks)
})

test('a sign-up stamped before a run but written after it (in flight) is counted by the next run', async () => {
  const slotId = await t.makeSlot({ title: '在途报名', date: '2022-07-02', signupClosesAt: '2022-07-02 08:00', cancelCutoffAt: '2022-07-01 20:00' })
  const run = Date.parse('2022-07-01T10:00:00+08:00')
  expect(await t.figures(at(run))).toMatchObject({ ok: true, data: { upTo: '2022-07-01T09:58:00+08:00' } })
  // Stamped 30 s before the run, its write landing after the run had read.
  expect(await t.call('in-flight', 'signUp', signUpInput(slotId, 1), at(run - 30_000))).toMatchObject({ ok: true })
  expect(await t.figures(at(run + 5 * MINUTE))).toMatchObject({ ok: true, data: { upTo: '2022-07-01T10:03:00+08:00', slots: 1 } })
  await expectRecount([slotId])
  const res = await t.admin(STAFF_BANAN, 'attendance', {}, at(run + 5 * MINUTE))
  expect(res.data.slots.find((s) => s.slotId === slotId)).toMatchObject({ confirmed: 1 })
})

test('a run while another holds the figures does nothing; a run with nothing new writes nothing', async () => {
  const now = Date.parse('2022-07-01T11:00:00+08:00')
  await t.h.db.collection('clinicFigures').doc('state').update({ data: { leaseBy: 'other-run', leaseUntil: now + MINUTE } })
  expect(await t.figures(at(now))).toMatchObject({ ok: true, data: { busy: true, slots: 0 } })
  expect(await t.figures(at(now + 2 * MINUTE))).toMatchObject({ ok: true, data: { busy: false } })
  const quiet = await t.dbRequests(() => t.figures(at(now + 2 * MINUTE)))
  expect(quiet.result).toMatchObject({ ok: true, data: { busy: false, slots: 0 } })
  expect(quiet.requests).toBe(1)
  expect(await t.admin('resident-1', 'refreshFigures', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('the clinicFigures timer is declared every 5 minutes and dispatched to the fold', async () => {
  const config = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/clinicAdmin/config.json'), 'utf8')) as { triggers: unknown[] }
  expect(config.triggers).toContainEqual({ name: 'clinicFigures', type: 'timer', config: '0 */5 * * * * *' })
  const { main } = await import('../index')
  expect(await main({ Type: 'Timer', TriggerName: 'clinicFigures', Time: new Date().toISOString() })).toMatchObject({ ok: true, data: { busy: false } })
})
