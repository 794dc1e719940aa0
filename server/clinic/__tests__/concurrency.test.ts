// Sign-up under concurrency, through the real wx-server-sdk against the local service: no oversold
// quota, one sign-up per person however often it is retried, and promotions in waitlist order while
// cancellations and new sign-ups race.
import type { SignupDoc } from '../../shared/clinic-records'
import { present } from '../../__tests__/narrow'
import { byStatus, expectConsistent, personOf, signUpInput, startClinic, type ClinicTest } from './clinic-harness'

let t: ClinicTest
beforeAll(async () => {
  t = await startClinic()
})
afterAll(() => t.close())

const resident = (i: number) => `resident-${i}`
const at = (seconds: number) => new Date(Date.parse('2022-06-25T10:00:00+08:00') + seconds * 1000).toISOString()

test('60 distinct residents at once for 10 places: exactly 10 confirmed, 50 waitlisted, counters equal the records', async () => {
  const slotId = await t.makeSlot({ quota: 10, waitlistLimit: 100 })
  const results = await Promise.all(Array.from({ length: 60 }, (_, i) => t.call(resident(i), 'signUp', signUpInput(slotId, i))))
  expect(results.every((r) => r.ok)).toBe(true)
  const outcomes = byStatus(results.map((r) => ({ status: r.data.outcome })))
  expect(outcomes).toEqual({ confirmed: 10, waitlisted: 50 })
  const docs = await t.signups(slotId)
  expect(byStatus(docs)).toEqual({ confirmed: 10, waitlisted: 50 })
  expect(new Set(docs.map((d) => d.waitKey).filter(Boolean)).size).toBe(50)
  expectConsistent(await t.slotDoc(slotId), docs)
})

test('the same resident retrying 20 times at once ends with exactly one sign-up', async () => {
  const slotId = await t.makeSlot({ quota: 5 })
  const same = signUpInput(slotId, 7)
  const results = await Promise.all(Array.from({ length: 20 }, () => t.call('retrier', 'signUp', same)))
  expect(results.every((r) => r.ok)).toBe(true)
  expect(results.filter((r) => r.data.outcome === 'confirmed')).toHaveLength(1)
  expect(results.filter((r) => r.data.outcome === 'already')).toHaveLength(19)
  expect(new Set(results.map((r) => r.data.signup._id)).size).toBe(1)
  const docs = await t.signups(slotId)
  expect(docs).toHaveLength(1)
  expectConsistent(await t.slotDoc(slotId), docs)
})

test('cancellations racing new sign-ups: never more confirmed than the quota, promotions in waitlist order, history kept', async () => {
  const slotId = await t.makeSlot({ quota: 5, waitlistLimit: 50 })
  const confirmed: string[] = []
  for (let i = 0; i < 5; i += 1) confirmed.push((await t.call(`holder-${i}`, 'signUp', signUpInput(slotId, 100 + i))).data.signup._id)
  const waiting: string[] = []
  for (let i = 0; i < 6; i += 1) {
    const res = await t.call(`waiter-${i}`, 'signUp', signUpInput(slotId, 200 + i), at(60 + i))
    expect(res.data.outcome).toBe('waitlisted')
    waiting.push(res.data.signup._id)
  }

  let sampling = true
  const samples: number[] = []
  const sampler = (async () => {
    while (sampling) {
      const docs = await t.signups(slotId)
      samples.push(docs.filter((d) => d.status === 'confirmed' || d.status === 'checked_in').length)
      const slot = await t.slotDoc(slotId)
      samples.push(slot.confirmed)
    }
  })()
  const cancelled = waiting[5] ?? ''
  const [cancels, newcomers] = await Promise.all([
    Promise.all([
      ...confirmed.slice(0, 3).map((signupId, i) => t.call(`holder-${i}`, 'cancel', { signupId }, at(120))),
      t.call('waiter-5', 'cancel', { signupId: cancelled }, at(120)),
    ]),
    Promise.all([0, 1, 2, 3].map((i) => t.call(`newcomer-${i}`, 'signUp', signUpInput(slotId, 300 + i), at(120)))),
  ])
  sampling = false
  await sampler
  expect([...cancels, ...newcomers].every((r) => r.ok)).toBe(true)
  expect(Math.max(...samples)).toBeLessThanOrEqual(5)

  const docs = await t.signups(slotId)
  const find = (id: string): SignupDoc => present(docs.find((d) => d._id === id), `sign-up ${id}`)
  const events = (id: string) => find(id).history.map((e) => e.event)
  for (const id of waiting.slice(0, 3)) {
    expect(find(id).status).toBe('confirmed')
    expect(events(id)).toEqual(['waitlisted', 'promoted'])
    expect(find(id).checkInToken).toHaveLength(22)
  }
  expect(waiting.slice(3, 5).map((id) => find(id).status)).toEqual(['waitlisted', 'waitlisted'])
  expect(find(cancelled).status).toBe('cancelled')
  for (const id of confirmed.slice(0, 3)) expect(events(id)).toEqual(['signed_up', 'cancelled'])
  for (const r of newcomers) expect(r.data.outcome).toBe('waitlisted')
  expect(byStatus(docs)).toEqual({ confirmed: 5, waitlisted: 6, cancelled: 4 })
  expectConsistent(await t.slotDoc(slotId), docs)

  const notified = docs.filter((d) => d.promotedNotice?.body.includes('已按候补顺序为您转为报名成功'))
  expect(notified.map((d) => d.openid).sort()).toEqual(['waiter-0', 'waiter-1', 'waiter-2'])
})

test('rounds of random cancels and sign-ups keep counters equal to records and within quota', async () => {
  const slotId = await t.makeSlot({ quota: 4, waitlistLimit: 100, perAccountLimit: 3 })
  const live = new Map<string, string>()
  let next = 0
  for (let round = 0; round < 4; round += 1) {
    const calls: Array<Promise<{ ok: boolean }>> = []
    for (let k = 0; k < 8; k += 1) {
      const openid = `r${next}`
      calls.push(t.call(openid, 'signUp', { ...signUpInput(slotId, 400 + next), person: personOf(400 + next) }, at(round * 10)).then((res) => {
        if (res.ok) live.set(res.data.signup._id, openid)
        return res
      }))
      next += 1
    }
    for (const [id, openid] of [...live].slice(0, 3)) {
      live.delete(id)
      calls.push(t.call(openid, 'cancel', { signupId: id }, at(round * 10 + 1)))
    }
    const results = await Promise.all(calls)
    expect(results.every((r) => r.ok)).toBe(true)
    expectConsistent(await t.slotDoc(slotId), await t.signups(slotId))
  }
})
