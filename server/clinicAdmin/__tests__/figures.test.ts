// The clinic figures timer through the real SDK: after random sign-ups, cancellations (with promotions)
// and check-ins interleaved with timer runs, every slot's and venue's figures equal a full recount of the
// records; a sign-up stamped just before a run but landing after it (in flight) is counted by the next
// run; two runs never hold the figures at once; the trigger is declared and dispatched. A catch-up over
// many slots is worked a budget at a time across runs, survives a run cut off between chunks, and a
// change made during it is counted by a later run.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { STAFF_BANAN, STAFF_YONGCHUAN, byStatus, signUpInput } from '../../clinic/__tests__/clinic-harness'
import { toChinaIso } from '../../core/china-time'
import { getDocs } from '../../core/db'
import type { SignupDoc } from '../../shared/clinic-records'
import type { DB } from 'wx-server-sdk'
import type { Ctx } from '../../core/context'
import { readFigures, type FiguresState, type SlotFigures, type VenueFigures } from '../../shared/clinic-figures'
import { advanceFigures, figuresTimer } from '../figures'
import { startAdmin, type AdminTest } from './admin-harness'
import { seededRandom } from '../../__tests__/seeded-random'

let t: AdminTest
beforeAll(async () => {
  t = await startAdmin()
})
afterAll(() => t.close())
const defaults = { ...figuresTimer }
afterEach(() => {
  Object.assign(figuresTimer, defaults)
})

const at = (ms: number) => toChinaIso(new Date(ms))
const MINUTE = 60_000


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
  const rand = seededRandom(20220625)
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

/** Slots (in _id order) with `perSlot` bulk sign-ups each, last changed at `changedAt`, and the figures' cutoff put just before it. */
async function changedSlots(n: number, perSlot: number, changedAt: number, overrides: Parameters<AdminTest['makeSlot']>[0] = {}): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i += 1) ids.push(await t.makeSlot({ title: `补算场次 ${i + 1}`, ...overrides }))
  for (const id of ids) await t.bulkSignups(id, perSlot, 'banan', at(changedAt))
  const state: Omit<FiguresState, '_id'> = { kind: 'state', upTo: changedAt - MINUTE, leaseBy: '', leaseUntil: 0 }
  await t.h.db.collection('clinicFigures').doc('state').set({ data: state })
  return ids.sort()
}

const stateDoc = async () => (await getDocs<FiguresState>(t.h.db.collection('clinicFigures').where({ _id: 'state' }).limit(1)))[0]

test('a catch-up over many slots takes several runs, each stopping at its budget, and ends equal to a full recount', async () => {
  const changedAt = Date.parse('2022-07-05T09:00:00+08:00')
  const slotIds = await changedSlots(7, 6, changedAt)
  const cutoff = at(changedAt - MINUTE)
  figuresTimer.slotsPerPass = 2
  figuresTimer.budgetMs = 0
  const runs: Array<{ slots: number; catchUp: unknown; upTo: string | null }> = []
  let now = Date.parse('2022-07-05T10:00:00+08:00')
  for (let more = true; more && runs.length < 10; now += 5 * MINUTE) {
    const res = await t.figures(at(now))
    expect(res).toMatchObject({ ok: true, data: { busy: false } })
    runs.push({ slots: res.data.slots, catchUp: res.data.catchUp, upTo: res.data.upTo })
    expect((await readFigures(t.h.db, ['banan'])).catchUp).toEqual(res.data.catchUp)
    more = res.data.catchUp !== null
  }
  // One chunk of 2 slots a run (the budget is spent by the first); the cutoff stays until every slot is recounted.
  expect(runs).toEqual([
    { slots: 2, catchUp: { done: 2, total: 7 }, upTo: cutoff },
    { slots: 2, catchUp: { done: 4, total: 7 }, upTo: cutoff },
    { slots: 2, catchUp: { done: 6, total: 7 }, upTo: cutoff },
    { slots: 1, catchUp: null, upTo: '2022-07-05T09:58:00+08:00' },
  ])
  await expectRecount(slotIds)
  expect(await getDocs(t.h.db.collection('clinicFigures').where({ _id: 'pending' }).limit(1))).toEqual([])

  // With room in the budget, one run works every chunk of the same catch-up.
  const again = await changedSlots(5, 3, Date.parse('2022-07-05T11:00:00+08:00'))
  figuresTimer.budgetMs = 60_000
  const one = await t.figures('2022-07-05T12:00:00+08:00')
  expect(one).toMatchObject({ ok: true, data: { slots: 5, catchUp: null, upTo: '2022-07-05T11:58:00+08:00' } })
  await expectRecount(again)
})

/** The database as a run sees it, failing the clinicFigures update number `failAt` (counted from 1) as a crash would. */
function crashingAt(db: DB.Database, failAt: number): DB.Database {
  let updates = 0
  const query = (q: object): object => new Proxy(q, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (prop === 'update' && (updates += 1) === failAt) return Promise.reject(new Error('simulated crash'))
        const out = (value as (...a: unknown[]) => unknown).apply(target, args)
        return prop === 'where' && typeof out === 'object' && out !== null ? query(out) : out
      }
    },
  })
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown
      if (prop !== 'collection' || typeof value !== 'function') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      return (name: string) => {
        const collection = (value as (n: string) => object).call(target, name)
        return name === 'clinicFigures' ? query(collection) : collection
      }
    },
  })
}

test('a run cut off between chunks loses nothing and counts nothing twice: the next run redoes the unsaved chunk', async () => {
  const changedAt = Date.parse('2022-07-06T09:00:00+08:00')
  const slotIds = await changedSlots(6, 5, changedAt)
  figuresTimer.slotsPerPass = 2
  figuresTimer.budgetMs = 60_000
  const now = Date.parse('2022-07-06T10:00:00+08:00')
  // Updates: the claim, chunk 1's cursor (the catch-up saved), then chunk 2's cursor fails (its figures are written).
  const ctx: Ctx = { ...t.h.ctx('', at(now)), trigger: 'timer', db: crashingAt(t.h.db, 3) }
  await expect(advanceFigures(ctx)).rejects.toThrow('simulated crash')
  expect((await stateDoc())?.catchUp).toMatchObject({ after: slotIds[1], done: 2, total: 6 })
  // Its lease still holds the figures; once it has expired, the next run continues from the saved cursor.
  expect(await t.figures(at(now + MINUTE))).toMatchObject({ ok: true, data: { busy: true, slots: 0, catchUp: { done: 2, total: 6 } } })
  const resumed = await t.figures(at(now + figuresTimer.leaseMs + MINUTE))
  expect(resumed).toMatchObject({ ok: true, data: { busy: false, slots: 4, catchUp: null, upTo: '2022-07-06T09:58:00+08:00' } })
  await expectRecount(slotIds)
})

test('a sign-up changed during a catch-up is counted by a later run', async () => {
  const changedAt = Date.parse('2022-07-07T09:00:00+08:00')
  const slotIds = await changedSlots(3, 4, changedAt, { date: '2022-07-08', signupClosesAt: '2022-07-08 08:00', cancelCutoffAt: '2022-07-07 20:00' })
  const [first, , last] = slotIds as [string, string, string]
  figuresTimer.slotsPerPass = 1
  figuresTimer.budgetMs = 0
  let now = Date.parse('2022-07-07T10:00:00+08:00')
  expect(await t.figures(at(now))).toMatchObject({ ok: true, data: { slots: 1, catchUp: { done: 1, total: 3 } } })
  // During the catch-up: a sign-up on the slot it has recounted, and one on the slot it has not reached yet.
  expect(await t.call('during-1', 'signUp', signUpInput(first, 1), at(now + MINUTE))).toMatchObject({ ok: true })
  expect(await t.call('during-2', 'signUp', signUpInput(last, 2), at(now + MINUTE))).toMatchObject({ ok: true })
  now += 5 * MINUTE
  expect(await t.figures(at(now))).toMatchObject({ ok: true, data: { slots: 1, catchUp: { done: 2, total: 3 } } })
  now += 5 * MINUTE
  expect(await t.figures(at(now))).toMatchObject({ ok: true, data: { slots: 1, catchUp: null, upTo: '2022-07-07T09:58:00+08:00' } })
  const figureOf = async (slotId: string) => (await getDocs<SlotFigures>(t.h.db.collection('clinicFigures').where({ _id: `s_${slotId}` }).limit(1)))[0]
  expect(Object.values((await figureOf(first))?.n ?? {}).reduce((a, b) => a + b, 0)).toBe(4)
  // The next catch-up (from the last one's cutoff) recounts both slots.
  now += 5 * MINUTE
  figuresTimer.budgetMs = 60_000
  expect(await t.figures(at(now))).toMatchObject({ ok: true, data: { slots: 2, catchUp: null, upTo: at(now - 2 * MINUTE) } })
  expect(Object.values((await figureOf(first))?.n ?? {}).reduce((a, b) => a + b, 0)).toBe(5)
  await expectRecount(slotIds)
})

test('the clinicFigures timer is declared every 5 minutes and dispatched to the fold', async () => {
  const config = JSON.parse(readFileSync(join(__dirname, '../../../cloudfunctions/clinicAdmin/config.json'), 'utf8')) as { triggers: unknown[] }
  expect(config.triggers).toContainEqual({ name: 'clinicFigures', type: 'timer', config: '0 */5 * * * * *' })
  const { main } = await import('../index')
  expect(await main({ Type: 'Timer', TriggerName: 'clinicFigures', Time: new Date().toISOString() })).toMatchObject({ ok: true, data: { busy: false } })
})
