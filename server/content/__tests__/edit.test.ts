// Organisers' editing through the real wx-server-sdk: a draft is invisible to residents until published;
// a publish is audited (who, when, which fields); staff edit only their own venue's events and offers;
// an offer's places never drop below its claims; a new edition copies venues and strands, unpublished.
import type { Dispatch } from '../../core/router'
import { startHarness, type Harness } from '../../__tests__/harness'

let h: Harness
let content: Dispatch
let festival: Dispatch
const ORGANISER = 'demo-organiser-1'
const STAFF_BANAN = 'demo-staff-banan'

beforeAll(async () => {
  h = await startHarness()
  const { createDispatcher } = await import('../../core/router')
  content = createDispatcher('content', (await import('../handlers')).contentHandlers)
  festival = createDispatcher('festival', (await import('../../festival/handlers')).festivalHandlers)
})
afterAll(() => h.close())

type Answer = { ok: boolean; code?: string; message?: string; data: any } // eslint-disable-line @typescript-eslint/no-explicit-any
const edit = (openid: string, action: string, input: unknown) => content({ action, input }, h.ctx(openid)) as Promise<Answer>
const read = (action: string, input: unknown) => festival({ action, input }, h.ctx('demo-resident-1')) as Promise<Answer>

async function eventDraft(openid: string, patch: Record<string, unknown>, id = 'banan-opening') {
  const view = await edit(openid, 'editable', { kind: 'event', id })
  return edit(openid, 'saveDraft', { kind: 'event', festivalId: 'cq-2022', id, data: { ...view.data.live, ...patch } })
}

test('an edited event stays a draft until published; the publish is audited with what changed', async () => {
  const saved = await eventDraft(ORGANISER, { title: '巴南分会场开幕式（改期）', startAt: '2022-06-25T10:00:00+08:00', endAt: '2022-06-25T10:30:00+08:00' })
  expect(saved.ok).toBe(true)
  expect(saved.data.draft.title).toBe('巴南分会场开幕式（改期）')
  expect((await read('event', { eventId: 'banan-opening' })).data.event.title).toBe('巴南分会场开幕式暨授旗仪式')
  const list = await edit(ORGANISER, 'editList', { festivalId: 'cq-2022', kind: 'event' })
  expect(list.data.find((i: { id: string }) => i.id === 'banan-opening')).toMatchObject({ state: 'changed', draftBy: '组委会 赵老师' })

  const published = await edit(ORGANISER, 'publish', { kind: 'event', id: 'banan-opening' })
  expect(published.data.changes).toEqual([
    { field: 'title', before: '巴南分会场开幕式暨授旗仪式', after: '巴南分会场开幕式（改期）' },
    { field: 'startAt', before: '2022-06-25T09:00:00+08:00', after: '2022-06-25T10:00:00+08:00' },
    { field: 'endAt', before: '2022-06-25T09:30:00+08:00', after: '2022-06-25T10:30:00+08:00' },
  ])
  const seen = (await read('event', { eventId: 'banan-opening' })).data.event
  expect(seen).toMatchObject({ title: '巴南分会场开幕式（改期）', startAt: '2022-06-25T10:00:00+08:00', kind: 'ceremony' })
  const audit = await edit(ORGANISER, 'auditLog', { festivalId: 'cq-2022' })
  expect(audit.data[0]).toMatchObject({ kind: 'event', targetId: 'banan-opening', by: '组委会 赵老师', at: '2022-06-25T10:00:00+08:00' })
  expect(audit.data[0].changes).toHaveLength(3)
  expect((await edit(ORGANISER, 'publish', { kind: 'event', id: 'banan-opening' })).code).toBe('NOT_FOUND')
})

test('a new event is invisible to residents until published', async () => {
  const data = {
    venueId: 'banan', title: '孕妈妈营养课', kind: 'lecture', startAt: '2022-06-28T09:00:00+08:00', place: '巴南区妇幼保健院', description: '', speaker: '李主任',
  }
  const saved = await edit(STAFF_BANAN, 'saveDraft', { kind: 'event', festivalId: 'cq-2022', data })
  expect(saved.ok).toBe(true)
  const id = saved.data.id as string
  const venueEvents = async () => ((await read('venue', { venueId: 'banan' })).data.events as Array<{ _id: string }>).map((e) => e._id)
  expect(await venueEvents()).not.toContain(id)
  expect((await read('event', { eventId: id })).code).toBe('NOT_FOUND')
  expect((await edit(STAFF_BANAN, 'publish', { kind: 'event', id })).ok).toBe(true)
  expect(await venueEvents()).toContain(id)
  expect((await read('event', { eventId: id })).data.event).toMatchObject({ title: '孕妈妈营养课', speaker: '李主任' })
})

test('staff edit only their own venue, and only venues, events and offers', async () => {
  expect((await edit(STAFF_BANAN, 'editable', { kind: 'event', id: 'yongchuan-opening' })).code).toBe('FORBIDDEN')
  const theirs = (await edit(ORGANISER, 'editable', { kind: 'event', id: 'yongchuan-opening' })).data.live
  const overwrite = await edit(STAFF_BANAN, 'saveDraft', { kind: 'event', festivalId: 'cq-2022', id: 'yongchuan-opening', data: { ...theirs, venueId: 'banan' } })
  expect(overwrite.code).toBe('FORBIDDEN')
  const moved = await eventDraft(STAFF_BANAN, { venueId: 'yongchuan' })
  expect(moved.code).toBe('FORBIDDEN')
  expect((await edit(STAFF_BANAN, 'editList', { festivalId: 'cq-2022', kind: 'lecture' })).code).toBe('FORBIDDEN')
  expect((await edit(STAFF_BANAN, 'auditLog', { festivalId: 'cq-2022' })).code).toBe('FORBIDDEN')
  expect((await edit('demo-resident-1', 'editList', { festivalId: 'cq-2022', kind: 'event' })).code).toBe('FORBIDDEN')
  const mine = await edit(STAFF_BANAN, 'editList', { festivalId: 'cq-2022', kind: 'event' })
  expect(mine.data.length).toBeGreaterThan(0)
  expect(mine.data.every((i: { venueId: string }) => i.venueId === 'banan')).toBe(true)
})

test('an offer keeps its claims across a publish and never gets fewer places than claimed', async () => {
  await h.db.collection('offers').doc('offer-banan-two-cancers').update({ data: { claimed: 3, 'h.someone': '2022-06-25T09:00:00+08:00' } })
  const view = await edit(ORGANISER, 'editable', { kind: 'offer', id: 'offer-banan-two-cancers' })
  await edit(ORGANISER, 'saveDraft', { kind: 'offer', festivalId: 'cq-2022', id: 'offer-banan-two-cancers', data: { ...view.data.live, places: 2 } })
  expect(await edit(ORGANISER, 'publish', { kind: 'offer', id: 'offer-banan-two-cancers' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  await edit(ORGANISER, 'saveDraft', { kind: 'offer', festivalId: 'cq-2022', id: 'offer-banan-two-cancers', data: { ...view.data.live, places: 80, title: '两癌筛查 5 折' } })
  expect((await edit(ORGANISER, 'publish', { kind: 'offer', id: 'offer-banan-two-cancers' })).ok).toBe(true)
  const stored = ((await h.db.collection('offers').doc('offer-banan-two-cancers').get()) as unknown as { data: Record<string, unknown> }).data
  expect(stored).toMatchObject({ places: 80, claimed: 3, title: '两癌筛查 5 折', published: true, h: { someone: '2022-06-25T09:00:00+08:00' } })
})

test('invalid fields are refused on save with the field named', async () => {
  const bad = await eventDraft(ORGANISER, { startAt: '2022-06-25 10:00' })
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(bad.message).toContain('开始时间请写成')
})

test('a new edition: an unpublished festival with the venues and strands, shown to residents once published', async () => {
  const made = await edit(ORGANISER, 'newEdition', { fromFestivalId: 'cq-2022', year: 2023, startDate: '2023-04-29', endDate: '2023-12-31' })
  expect(made.data).toMatchObject({ _id: 'cq-2023', name: '中国(重庆)2023妇幼健康公益文化节', published: false })
  expect((await edit(ORGANISER, 'newEdition', { fromFestivalId: 'cq-2022', year: 2023, startDate: '2023-04-29', endDate: '2023-12-31' })).code).toBe('CONFLICT')
  expect((await read('home', {})).data.festival._id).toBe('cq-2022')
  expect((await read('venues', { festivalId: 'cq-2023' })).data).toEqual([])
  const venues = await edit(STAFF_BANAN, 'editList', { festivalId: 'cq-2023', kind: 'venue' })
  expect(venues.data.map((v: { id: string }) => v.id)).toEqual(['banan-2023'])
  const fest = await edit(ORGANISER, 'editable', { kind: 'festival', id: 'cq-2023' })
  expect(fest.data.draft).toMatchObject({ startDate: '2023-04-29', slogan: '爱佑新生，心系妇幼' })
  expect((await edit(ORGANISER, 'publish', { kind: 'festival', id: 'cq-2023' })).ok).toBe(true)
  const home = await read('home', {})
  expect(home.data.festival).toMatchObject({ _id: 'cq-2023', startDate: '2023-04-29' })
  expect(home.data.festival.strands.map((s: { key: string }) => s.key)).toContain('clinic')
  expect(home.data.venues.map((v: { _id: string }) => v._id)).toContain('banan-2023')
  const past = await read('editions', {})
  expect(past.data.map((e: { _id: string }) => e._id)).toEqual(['cq-2023', 'cq-2022'])
})
