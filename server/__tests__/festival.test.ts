// The festival browsing actions, run through the router and the real wx-server-sdk against the local
// service loaded with the demo festival.
import { createDispatcher, type Dispatch } from '../core/router'
import { startHarness, type Harness } from './harness'
import { present } from './narrow'
import type { Caller } from './typed-caller'

const VISITOR = 'visitor-1'
let h: Harness
let call: Caller<'festival'>
let dispatch: Dispatch

beforeAll(async () => {
  h = await startHarness()
  const { festivalHandlers } = await import('../festival/handlers')
  call = h.caller('festival', festivalHandlers)
  dispatch = createDispatcher('festival', festivalHandlers)
})
afterAll(() => h.close())

test('home: the published festival with its strands and sub-venues in order, in two database requests', async () => {
  h.resetStats()
  const res = await call(VISITOR, 'home', {})
  expect(h.stats().total).toBe(2)
  expect(res.ok).toBe(true)
  expect(res.data.festival).toMatchObject({ _id: 'cq-2022', slogan: '爱佑新生，心系妇幼', phase: 'running' })
  expect(res.data.festival).not.toHaveProperty('published')
  expect(present(res.data.festival, 'the festival').strands.map((s) => s.key)).toEqual(
    expect.arrayContaining(['clinic', 'photo', 'video', 'cases', 'lectures']),
  )
  expect(res.data.venues.map((v) => v._id)).toEqual(['banan', 'yongchuan', 'fuling', 'wanzhou'])
  expect(res.data.venues[0]).toMatchObject({ name: '巴南分会场', host: '巴南区妇幼保健院', place: '巴南区人民广场' })
  expect(res.data.venues[0]).not.toHaveProperty('intro')
})

test.each([
  ['2022-04-28T15:59:59Z', 'upcoming'],
  ['2022-04-28T16:00:00Z', 'running'],
  ['2022-12-31T15:59:59Z', 'running'],
  ['2022-12-31T16:00:00Z', 'ended'],
])('phase follows China dates: at %s the festival is %s', async (now, phase) => {
  const res = await call(VISITOR, 'home', {}, now)
  expect(res.data.festival?.phase).toBe(phase)
})

test('venue: 巴南分会场 with its programme sorted by time, opening at 9:00 on 25 June 2022', async () => {
  h.resetStats()
  const res = await call(VISITOR, 'venue', { venueId: 'banan' })
  expect(h.stats().total).toBe(2)
  expect(res.ok).toBe(true)
  expect(res.data.venue).toMatchObject({ _id: 'banan', theme: '关注全孕周期，关爱妇幼健康' })
  const events = res.data.events
  expect(events.find((e) => e._id === 'banan-opening')).toMatchObject({ startAt: '2022-06-25T09:00:00+08:00', kind: 'ceremony' })
  expect(events.find((e) => e.kind === 'promotion')).toMatchObject({ startAt: '2022-06-25T00:00:00+08:00' })
  const times = events.map((e) => new Date(e.startAt).getTime())
  expect([...times].sort((a, b) => a - b)).toEqual(times)
  expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['reading', 'donation', 'clinic', 'lecture', 'exhibition', 'promotion']))
})

test('event: one event with its venue; clinics name their services', async () => {
  const res = await call(VISITOR, 'event', { eventId: 'banan-clinic' })
  expect(res.ok).toBe(true)
  expect(res.data.event.kind).toBe('clinic')
  expect(res.data.event.services?.length).toBeGreaterThan(0)
  expect(res.data.venue).toMatchObject({ _id: 'banan', name: '巴南分会场' })
})

test('unknown venue or event: NOT_FOUND with a Chinese message saying where to go', async () => {
  const venue = await call(VISITOR, 'venue', { venueId: 'no-such-venue' })
  expect(venue).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(venue.message).toMatch(/分会场/)
  const event = await call(VISITOR, 'event', { eventId: 'nope' })
  expect(event).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('bad input is refused before any database request, with field issues in Chinese', async () => {
  h.resetStats()
  const res = await call(VISITOR, 'venue', { venueId: '../../etc' })
  expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(res.issues?.[0]).toMatchObject({ path: 'venueId', message: '编号格式不正确' })
  expect(await call.raw(VISITOR, 'venue', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await call.raw(VISITOR, 'home', { extra: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(h.stats().total).toBe(0)
})

test('unknown action and malformed envelope', async () => {
  expect(await call.raw(VISITOR, 'drop', {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(await call.raw(VISITOR, '__proto__', {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(await dispatch('home', h.ctx('x'))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await dispatch(null, h.ctx('x'))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('venues: the current festival\'s sub-venues, or an empty list for an unknown festival', async () => {
  const res = await call(VISITOR, 'venues', {})
  expect(res.data).toHaveLength(4)
  expect((await call(VISITOR, 'venues', { festivalId: 'cq-1999' })).data).toEqual([])
})

test('places: address, coordinates and phone of the venues asked for, in the order asked, in one database request', async () => {
  h.resetStats()
  const res = await call(VISITOR, 'places', { venueIds: ['yongchuan', 'banan', 'banan', 'no-such-venue'] })
  expect(h.stats().total).toBe(1)
  expect(res.ok).toBe(true)
  expect(res.data.map((p) => p._id)).toEqual(['yongchuan', 'banan'])
  expect(res.data[1]).toMatchObject({ name: '巴南分会场', place: '巴南区人民广场', latitude: 29.389, longitude: 106.527 })
  expect(res.data[1]).not.toHaveProperty('intro')
  expect(await call(VISITOR, 'places', { venueIds: [] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})
