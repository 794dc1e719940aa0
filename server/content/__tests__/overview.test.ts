// 数据概览 through the real wx-server-sdk: sign-ups per day and venue, attendance and no-shows of a past
// slot, claimed and redeemed offers, votes per China day (from the vote watch's hourly documents), lecture
// views — each from a counter, one aggregate or the clinic figures kept by clinicAdmin's timer (run here
// before reading), so the number of database requests does not grow with the records; staff see only
// their venue; residents nothing.
import { ORGANISER, STAFF_BANAN, signUpInput, startClinic, type ClinicTest } from '../../clinic/__tests__/clinic-harness'
import type { InputOf } from '../../../src/contract/api'
import type { Overview, OverviewChartKey } from '../../../src/contract/overview'
import { present } from '../../__tests__/narrow'
import type { Answer, Caller } from '../../__tests__/typed-caller'
import type { HourDoc } from '../../selection/watch-buckets'
import { advanceFigures } from '../../clinicAdmin/figures'

let t: ClinicTest
let content: Caller<'content'>
const LATER = '2022-06-27T10:00:00+08:00'
const ask = (openid: string, input: InputOf<'content', 'overview'>) => content(openid, 'overview', input, LATER)
/** The clinic figures timer's run at `now`. */
const fold = (now: string) => advanceFigures({ ...t.h.ctx('', now), trigger: 'timer' })
const chart = (answer: Answer<Overview>, key: OverviewChartKey) => present(answer.data.charts.find((c) => c.key === key), `chart ${key}`)

beforeAll(async () => {
  t = await startClinic()
  content = t.h.caller('content', (await import('../handlers')).contentHandlers)
  const slotId = await t.makeSlot({ title: '测试义诊' })
  const ids: string[] = []
  for (let i = 0; i < 3; i += 1) ids.push((await t.call(`mum-${i}`, 'signUp', signUpInput(slotId, i))).data.signup._id)
  await t.call(STAFF_BANAN, 'checkIn', { signupId: present(ids[0]) }, '2022-06-26T09:10:00+08:00')
  await fold(LATER)
})
afterAll(() => t.close())

test('sign-ups per day and venue, attendance and no-shows of a past slot, offers and lecture views', async () => {
  const all = await ask(ORGANISER, { festivalId: 'cq-2022' })
  expect(all.ok).toBe(true)
  expect(all.data.figuresAt).toBe('2022-06-27T09:58:00+08:00')
  expect(chart(all, 'signupsPerDay').rows).toEqual([{ label: '06-25', values: [3] }])
  expect(chart(all, 'signupsPerVenue').rows.find((r) => r.label === '巴南分会场')).toMatchObject({ values: [3] })
  expect(chart(all, 'attendancePerSlot').rows).toContainEqual({ label: '06-26 09:00 测试义诊', values: [1, 2] })
  expect(chart(all, 'offers').series).toEqual(['领取', '核销'])
  expect(chart(all, 'lectureViews').rows.length).toBeGreaterThan(0)
})

test('the requests do not grow with the records', async () => {
  t.h.resetStats()
  await ask(ORGANISER, { festivalId: 'cq-2022' })
  const before = t.h.stats().total
  const slotId = await t.makeSlot({ title: '再一场', quota: 50, date: '2022-06-28', signupClosesAt: '2022-06-28 08:00', cancelCutoffAt: '2022-06-27 20:00' })
  for (let i = 10; i < 40; i += 1) expect(await t.call(`more-${i}`, 'signUp', signUpInput(slotId, i), '2022-06-27T10:01:00+08:00')).toMatchObject({ ok: true })
  const stale = await ask(ORGANISER, { festivalId: 'cq-2022' })
  expect(chart(stale, 'signupsPerDay').rows).toEqual([{ label: '06-25', values: [3] }])
  await fold('2022-06-27T10:05:00+08:00')
  t.h.resetStats()
  const again = await content(ORGANISER, 'overview', { festivalId: 'cq-2022' }, '2022-06-27T10:05:00+08:00')
  expect(t.h.stats().total).toBe(before)
  expect(again.data.figuresAt).toBe('2022-06-27T10:03:00+08:00')
  expect(chart(again, 'signupsPerDay').rows).toEqual([{ label: '06-25', values: [3] }, { label: '06-27', values: [30] }])
  expect(before).toBeLessThanOrEqual(12)
})

const HOUR = 3_600_000
const hourDoc = (selectionId: string, chinaHour: string, c: Record<string, number[]>): HourDoc => {
  const h = Date.parse(`${chinaHour}:00:00+08:00`)
  return { _id: `${selectionId}_h${h}`, selectionId, h, upTo: h + HOUR, dv: 0, c }
}

test('votes per China day are summed from the vote watch\'s hourly documents of the festival\'s selections', async () => {
  const watch = t.h.db.collection('selectionWatch')
  const docs: HourDoc[] = [
    // 1 July 23:00 China time is 15:00 UTC: still 1 July. Cells are [minute, votes, new-account votes, ...].
    hourDoc('cq-2022-photo', '2022-07-01T23', { 'work-a': [0, 3, 1, 59, 2, 0], 'work-b': [10, 4, 4] }),
    hourDoc('cq-2022-video', '2022-07-01T09', { 'work-c': [5, 1, 0] }),
    // 2 July 00:00 China time is 1 July 16:00 UTC: 2 July.
    hourDoc('cq-2022-photo', '2022-07-02T00', { 'work-a': [30, 7, 2] }),
    // The timer's empty marker of an hour not written yet, and a selection of another festival.
    hourDoc('cq-2022-photo', '2022-07-02T01', {}),
    hourDoc('other-festival-sel', '2022-07-01T10', { 'work-z': [0, 100, 0] }),
  ]
  for (const doc of docs) await watch.add({ data: doc })
  await watch.add({ data: { _id: 'cq-2022-photo_state', selectionId: 'cq-2022-photo', upTo: Date.parse('2022-07-02T02:00:00+08:00') } })
  t.h.resetStats()
  const all = await ask(ORGANISER, { festivalId: 'cq-2022' })
  expect(chart(all, 'votesPerDay')).toEqual({ key: 'votesPerDay', title: '每日有效投票', series: ['投票'], rows: [
    { label: '07-01', values: [10] },
    { label: '07-02', values: [7] },
  ] })
  const reads = t.h.stats().total
  const more: HourDoc[] = []
  for (let i = 0; i < 48; i += 1) more.push({ ...hourDoc('cq-2022-video', '2022-07-03T00', { 'work-c': [i % 60, 2, 0] }), _id: `cq-2022-video_extra${i}`, h: Date.parse('2022-07-03T00:00:00+08:00') + i * HOUR })
  for (const doc of more) await watch.add({ data: doc })
  t.h.resetStats()
  const again = await ask(ORGANISER, { festivalId: 'cq-2022' })
  expect(t.h.stats().total).toBe(reads)
  expect(chart(again, 'votesPerDay').rows.slice(2)).toEqual([{ label: '07-03', values: [48] }, { label: '07-04', values: [48] }])
})

test('staff see their own venue only; residents are refused', async () => {
  const mine = await ask(STAFF_BANAN, { festivalId: 'cq-2022', venueId: 'yongchuan' })
  expect(mine.data.venueId).toBe('banan')
  expect(chart(mine, 'signupsPerVenue').rows.map((r) => r.label)).toEqual(['巴南分会场'])
  expect(chart(mine, 'worksByStatus').note).toBe('作品、投票和讲座属于整个文化节，不按分会场统计')
  expect(chart(mine, 'votesPerDay')).toMatchObject({ rows: [], note: '作品、投票和讲座属于整个文化节，不按分会场统计' })
  expect((await ask('demo-resident-1', { festivalId: 'cq-2022' })).code).toBe('FORBIDDEN')
})
