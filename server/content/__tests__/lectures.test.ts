// The lecture library and the think-tank through the router and the real wx-server-sdk against the
// local service loaded with the demo festival: lists by topic and search with 已看 marks, a lecture
// page, one view per person per China day (also when the same person's views race), resume position,
// the expert directory (photos only with consent) and an expert's page.
import type { Harness } from '../../__tests__/harness'
import type { Lecture } from '../../../src/contract/content'
import { docById } from '../../__tests__/narrow'
import type { Caller } from '../../__tests__/typed-caller'
import { startContent } from './content-harness'

let h: Harness
let call: Caller<'content'>

beforeAll(async () => {
  ({ h, call } = await startContent())
})
afterAll(() => h.close())

const views = async (lectureId: string) => (await docById<Lecture>(h.db, 'lectures', lectureId)).views

test('lectures: newest first, by topic, by search words across title, speaker and keywords; two database requests', async () => {
  h.resetStats()
  const all = await call('reader-1', 'lectures', {})
  expect(h.stats().total).toBe(2)
  expect(all.ok).toBe(true)
  const times = all.data.items.map((l) => l.publishedAt)
  expect([...times].sort().reverse()).toEqual(times)
  expect(all.data.nextCursor).toBeNull()

  const child = await call('reader-1', 'lectures', { topic: 'child' })
  expect(child.data.items.map((l) => l._id).sort()).toEqual(['lecture-child-growth', 'lecture-child-vision'])
  const search = await call('reader-1', 'lectures', { q: '两癌' })
  expect(search.data.items.map((l) => l._id)).toEqual(['lecture-two-cancers'])
  const bySpeaker = await call('reader-1', 'lectures', { q: '赵红' })
  expect(bySpeaker.data.items).toHaveLength(2)
  const literal = await call('reader-1', 'lectures', { q: '.*' })
  expect(literal.data.items).toHaveLength(0)
})

test('lectures: an unknown topic and an over-long search are refused in Chinese', async () => {
  const topic = await call('reader-1', 'lectures', { topic: 'teens' })
  expect(topic).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(topic.message).toContain('孕期')
  const long = await call('reader-1', 'lectures', { q: '长'.repeat(31) })
  expect(long.message).toContain('30')
})

test('lecture: summary, speaker, related lectures of the topic, events, no progress yet', async () => {
  const res = await call('reader-2', 'lecture', { lectureId: 'lecture-two-cancers' })
  expect(res.ok).toBe(true)
  expect(res.data.lecture).toMatchObject({ title: '「两癌」筛查：早发现早治疗', topic: 'women', durationSec: 900, videoUrl: '' })
  expect(res.data.speaker).toMatchObject({ _id: 'expert-zhang', hospital: '涪陵区妇幼保健院', photoUrl: '' })
  expect(res.data.related).toEqual([])
  expect(res.data.events.map((e) => e._id)).toEqual(['fuling-two-cancers-talk'])
  expect(res.data.progress).toBeNull()
  const related = await call('reader-2', 'lecture', { lectureId: 'lecture-menopause' })
  expect(related.data.related.map((l) => l._id)).toEqual(['lecture-thyroid-breast'])
  expect(await call('reader-2', 'lecture', { lectureId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('view: once per person per China day, even when the same person\'s views race; again the next China day', async () => {
  const id = 'lecture-breastfeeding'
  const before = await views(id)
  h.resetStats()
  expect((await call('viewer-a', 'view', { lectureId: id })).data).toEqual({ counted: true })
  expect(h.stats().total).toBe(2)
  const racing = await Promise.all(Array.from({ length: 20 }, () => call('viewer-b', 'view', { lectureId: id })))
  expect(racing.filter((r) => r.data.counted)).toHaveLength(1)
  expect((await call('viewer-a', 'view', { lectureId: id }, '2022-06-25T23:59:00+08:00')).data.counted).toBe(false)
  expect(await views(id)).toBe(before + 2)
  // 00:30 on 26 June in China is still 25 June in UTC: a new China day.
  expect((await call('viewer-a', 'view', { lectureId: id }, '2022-06-25T16:30:00Z')).data.counted).toBe(true)
  expect(await views(id)).toBe(before + 3)
  const shown = await call('viewer-a', 'lecture', { lectureId: id })
  expect(shown.data.lecture.views).toBe(before + 3)
})

test('view: an unknown lecture counts nothing and leaves no record', async () => {
  expect(await call('viewer-a', 'view', { lectureId: 'no-such-lecture' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const left = (await h.db.collection('lectureViews').where({ lectureId: 'no-such-lecture' }).count()) as { total: number }
  expect(left.total).toBe(0)
})

test('progress: resumes where the person stopped; finishing marks 已看 for good, on the list too', async () => {
  const id = 'lecture-child-vision'
  expect((await call('learner', 'progress', { lectureId: id, position: 125.7 })).data).toEqual({ position: 125, watched: false })
  expect((await call('learner', 'lecture', { lectureId: id })).data.progress).toEqual({ position: 125, watched: false })
  await call('learner', 'progress', { lectureId: id, position: 0, finished: true })
  await call('learner', 'progress', { lectureId: id, position: 30 })
  expect((await call('learner', 'lecture', { lectureId: id })).data.progress).toEqual({ position: 30, watched: true })
  const list = await call('learner', 'lectures', { topic: 'child' })
  const marks = Object.fromEntries(list.data.items.map((l: { _id: string; watched: boolean }) => [l._id, l.watched]))
  expect(marks).toEqual({ 'lecture-child-vision': true, 'lecture-child-growth': false })
  expect((await call('someone-else', 'lecture', { lectureId: id })).data.progress).toBeNull()
  expect(await call('learner', 'progress', { lectureId: 'nope', position: 3 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('experts: every published expert with the specialties for the filter; photos only with consent', async () => {
  await h.db.collection('experts').doc('expert-chen').update({ data: { photoFileId: 'cloud://demo/experts/chen.jpg' } })
  const all = await call('reader-1', 'experts', {})
  expect(all.data.items.map((e) => e._id)).toEqual(['expert-chen', 'expert-liu', 'expert-zhang', 'expert-wang', 'expert-zhao'])
  expect(all.data.specialties).toEqual(expect.arrayContaining(['儿童保健', '两癌筛查', '更年期保健']))
  expect(all.data.items[0]?.photoUrl).toBe('')
  const filtered = await call('reader-1', 'experts', { specialty: '儿童保健' })
  expect(filtered.data.items.map((e) => e._id)).toEqual(['expert-liu'])
  expect(filtered.data.specialties).toEqual(all.data.specialties)
})

test('expert: bio, the lectures given and the events taken part in', async () => {
  const res = await call('reader-1', 'expert', { expertId: 'expert-zhao' })
  expect(res.data.expert).toMatchObject({ name: '赵红（演示）', bio: expect.stringContaining('乳甲科') })
  expect(res.data.lectures.map((l) => l._id)).toEqual(['lecture-thyroid-breast', 'lecture-menopause'])
  expect(res.data.events.map((e) => e._id)).toEqual(['wanzhou-thyroid-breast-talk'])
  expect(await call('reader-1', 'expert', { expertId: 'nobody' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('unpublished lectures and experts are invisible to residents', async () => {
  await h.db.collection('lectures').doc('lecture-pregnancy-checkups').update({ data: { published: false } })
  await h.db.collection('experts').doc('expert-wang').update({ data: { published: false } })
  const list = await call('reader-1', 'lectures', { topic: 'pregnancy' })
  expect(list.data.items.map((l) => l._id)).toEqual(['lecture-pregnancy-nutrition'])
  expect(await call('reader-1', 'lecture', { lectureId: 'lecture-pregnancy-checkups' })).toMatchObject({ code: 'NOT_FOUND' })
  expect(await call('reader-1', 'view', { lectureId: 'lecture-pregnancy-checkups' })).toMatchObject({ code: 'NOT_FOUND' })
  expect(await call('reader-1', 'expert', { expertId: 'expert-wang' })).toMatchObject({ code: 'NOT_FOUND' })
  const postpartum = await call('reader-1', 'lecture', { lectureId: 'lecture-postpartum-recovery' })
  expect(postpartum.data.speaker).toBeNull()
})
