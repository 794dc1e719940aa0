// Organisers' editing through the real wx-server-sdk: a draft is invisible to residents until published;
// a publish is audited (who, when, which fields); staff edit only their own venue's events and offers;
// an offer's places never drop below its claims; a new edition copies venues and strands, unpublished.
import type { Offer } from '../../../src/contract/content'
import { startHarness, type Harness } from '../../__tests__/harness'
import { docById, present } from '../../__tests__/narrow'
import type { Caller } from '../../__tests__/typed-caller'

let h: Harness
let edit: Caller<'content'>
let festival: Caller<'festival'>
const ORGANISER = 'demo-organiser-1'
const STAFF_BANAN = 'demo-staff-banan'

beforeAll(async () => {
  h = await startHarness()
  edit = h.caller('content', (await import('../handlers')).contentHandlers)
  festival = h.caller('festival', (await import('../../festival/handlers')).festivalHandlers)
})
afterAll(() => h.close())

const RESIDENT = 'demo-resident-1'

async function eventDraft(openid: string, patch: Record<string, unknown>, id = 'banan-opening') {
  const view = await edit(openid, 'editable', { kind: 'event', id })
  return edit(openid, 'saveDraft', { kind: 'event', festivalId: 'cq-2022', id, data: { ...view.data.live, ...patch } })
}

test('an edited event stays a draft until published; the publish is audited with what changed', async () => {
  const saved = await eventDraft(ORGANISER, { title: '巴南分会场开幕式（改期）', startAt: '2022-06-25T10:00:00+08:00', endAt: '2022-06-25T10:30:00+08:00' })
  expect(saved.ok).toBe(true)
  expect(saved.data.draft).toMatchObject({ title: '巴南分会场开幕式（改期）' })
  expect((await festival(RESIDENT, 'event', { eventId: 'banan-opening' })).data.event.title).toBe('巴南分会场开幕式暨授旗仪式')
  const list = await edit(ORGANISER, 'editList', { festivalId: 'cq-2022', kind: 'event' })
  expect(list.data.find((i: { id: string }) => i.id === 'banan-opening')).toMatchObject({ state: 'changed', draftBy: '组委会 赵老师' })

  const published = await edit(ORGANISER, 'publish', { kind: 'event', id: 'banan-opening' })
  expect(published.data.changes).toEqual([
    { field: 'title', before: '巴南分会场开幕式暨授旗仪式', after: '巴南分会场开幕式（改期）' },
    { field: 'startAt', before: '2022-06-25T09:00:00+08:00', after: '2022-06-25T10:00:00+08:00' },
    { field: 'endAt', before: '2022-06-25T09:30:00+08:00', after: '2022-06-25T10:30:00+08:00' },
  ])
  const seen = (await festival(RESIDENT, 'event', { eventId: 'banan-opening' })).data.event
  expect(seen).toMatchObject({ title: '巴南分会场开幕式（改期）', startAt: '2022-06-25T10:00:00+08:00', kind: 'ceremony' })
  const audit = await edit(ORGANISER, 'auditLog', { festivalId: 'cq-2022' })
  expect(audit.data[0]).toMatchObject({ kind: 'event', targetId: 'banan-opening', by: '组委会 赵老师', at: '2022-06-25T10:00:00+08:00' })
  expect(audit.data[0]?.changes).toHaveLength(3)
  expect((await edit(ORGANISER, 'publish', { kind: 'event', id: 'banan-opening' })).code).toBe('NOT_FOUND')
})

test('a new event is invisible to residents until published', async () => {
  const data = {
    venueId: 'banan', title: '孕妈妈营养课', kind: 'lecture', startAt: '2022-06-28T09:00:00+08:00', place: '巴南区妇幼保健院', description: '', speaker: '李主任',
  }
  const saved = await edit(STAFF_BANAN, 'saveDraft', { kind: 'event', festivalId: 'cq-2022', data })
  expect(saved.ok).toBe(true)
  const id = saved.data.id
  const venueEvents = async () => (await festival(RESIDENT, 'venue', { venueId: 'banan' })).data.events.map((e) => e._id)
  expect(await venueEvents()).not.toContain(id)
  expect((await festival(RESIDENT, 'event', { eventId: id })).code).toBe('NOT_FOUND')
  expect((await edit(STAFF_BANAN, 'publish', { kind: 'event', id })).ok).toBe(true)
  expect(await venueEvents()).toContain(id)
  expect((await festival(RESIDENT, 'event', { eventId: id })).data.event).toMatchObject({ title: '孕妈妈营养课', speaker: '李主任' })
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
  expect(mine.data.every((i) => i.venueId === 'banan')).toBe(true)
})

test('an offer keeps its claims across a publish and never gets fewer places than claimed', async () => {
  await h.db.collection('offers').doc('offer-banan-two-cancers').update({ data: { claimed: 3, 'h.someone': '2022-06-25T09:00:00+08:00' } })
  const view = await edit(ORGANISER, 'editable', { kind: 'offer', id: 'offer-banan-two-cancers' })
  await edit(ORGANISER, 'saveDraft', { kind: 'offer', festivalId: 'cq-2022', id: 'offer-banan-two-cancers', data: { ...view.data.live, places: 2 } })
  expect(await edit(ORGANISER, 'publish', { kind: 'offer', id: 'offer-banan-two-cancers' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  await edit(ORGANISER, 'saveDraft', { kind: 'offer', festivalId: 'cq-2022', id: 'offer-banan-two-cancers', data: { ...view.data.live, places: 80, title: '两癌筛查 5 折' } })
  expect((await edit(ORGANISER, 'publish', { kind: 'offer', id: 'offer-banan-two-cancers' })).ok).toBe(true)
  const stored = await docById<Offer>(h.db, 'offers', 'offer-banan-two-cancers')
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
  expect((await festival(RESIDENT, 'home', {})).data.festival?._id).toBe('cq-2022')
  expect((await festival(RESIDENT, 'venues', { festivalId: 'cq-2023' })).data).toEqual([])
  const venues = await edit(STAFF_BANAN, 'editList', { festivalId: 'cq-2023', kind: 'venue' })
  expect(venues.data.map((v) => v.id)).toEqual(['banan-2023'])
  const fest = await edit(ORGANISER, 'editable', { kind: 'festival', id: 'cq-2023' })
  expect(fest.data.draft).toMatchObject({ startDate: '2023-04-29', slogan: '爱佑新生，心系妇幼' })
  expect((await edit(ORGANISER, 'publish', { kind: 'festival', id: 'cq-2023' })).ok).toBe(true)
  const home = await festival(RESIDENT, 'home', {})
  expect(home.data.festival).toMatchObject({ _id: 'cq-2023', startDate: '2023-04-29' })
  expect(present(home.data.festival, 'the published festival').strands.map((s) => s.key)).toContain('clinic')
  expect(home.data.venues.map((v) => v._id)).toContain('banan-2023')
  const past = await festival(RESIDENT, 'editions', {})
  expect(past.data.map((e) => e._id)).toEqual(['cq-2023', 'cq-2022'])
})
