// Final score with weights (formula and working), publishing results after voting with exact recounts and
// a public-notice period, and the gallery / ranking pages: orders, search, cursors, and one database query
// plus one temp-URL batch per page.
import { DEFAULT_CASE_CATEGORIES } from '../../../src/contract/selection'
import { formulaText, scoreGroup } from '../final-score'
import { ledgerScan } from '../ledger-scan'
import { present } from '../../__tests__/narrow'
import { EXPERT, ORGANISER, makeSelection, png, publishedPhoto, startSelectionHarness, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
  ledgerScan.chunk = 3
})
afterAll(() => h.close())

test('final score = 30% × votes normalised to the group\'s best + 70% × mean expert score, with its working', () => {
  const scored = scoreGroup([
    { workId: 'a', number: 1, votes: 1024, expertMean: 80, expertCount: 3 },
    { workId: 'b', number: 2, votes: 812, expertMean: 86.5, expertCount: 2 },
    { workId: 'c', number: 3, votes: 0, expertMean: 90, expertCount: 1 },
    { workId: 'd', number: 4, votes: 0, expertMean: 90, expertCount: 1 },
  ], { vote: 30, expert: 70 })
  expect(scored.map((s) => [s.workId, s.rank, s.voteScore, s.expertScore, s.finalScore])).toEqual([
    ['a', 1, 100, 80, 86],
    ['b', 2, 79.3, 86.5, 84.34],
    ['c', 3, 0, 90, 63],
    ['d', 3, 0, 90, 63],
  ])
  expect(scored[1]?.working).toBe('812 ÷ 1024 × 100 = 79.30；79.30 × 30% + 86.50 × 70% = 84.34')
  expect(formulaText({ vote: 30, expert: 70 })).toBe('最终得分 = 网络投票得分 × 30% + 专家评分平均分 × 70%；网络投票得分 = 票数 ÷ 同组最高票数 × 100（典型案例按类别分组）')
  const photos = scoreGroup([{ workId: 'p', number: 1, votes: 7, expertMean: null, expertCount: 0 }], { vote: 100, expert: 0 })
  expect(photos[0]).toMatchObject({ expertScore: null, finalScore: 100, working: '7 ÷ 7 × 100 = 100.00；最终得分 100.00' })
  const noVotes = scoreGroup([{ workId: 'q', number: 1, votes: 0, expertMean: 75, expertCount: 2 }], { vote: 30, expert: 70 })
  expect(noVotes[0]?.working).toBe('本组暂无有效投票，网络投票得分记 0.00；0.00 × 30% + 75.00 × 70% = 52.50')
})

test('typical cases: publish after voting with expert scores, per category, notice period, exact recount', async () => {
  const selection = await makeSelection(h, { kind: 'cases', categories: DEFAULT_CASE_CATEGORIES, weights: { vote: 50, expert: 50 }, limits: { perDay: 5, perWorkPerDay: 1 } })
  const ids: string[] = []
  for (const [category, title, institution] of [['development', '孕产保健专科建设', '永川区妇幼保健院'], ['development', '两癌筛查进社区', '涪陵区妇幼保健院'], ['doctor', '妇幼好医生', '巴南区妇幼保健院']] as const) {
    const applicant = `applicant-${ids.length}`
    const res = await h.call(applicant, 'submit', { kind: 'cases', selectionId: selection._id, category, title, story: '申报材料：做法、成效与群众评价，共计二十字以上的说明文字。', images: [await h.upload(applicant, png())], applicant: { institution, ...(category === 'doctor' ? { person: '张医生' } : {}) } })
    expect(res.ok).toBe(true)
    await h.call(ORGANISER, 'review', { workId: res.data._id, decision: 'approve' })
    ids.push(res.data._id)
  }
  const [dev1, dev2, doc] = ids as [string, string, string]
  for (let v = 0; v < 4; v += 1) await h.call(`citizen-${v}`, 'vote', { selectionId: selection._id, workId: dev1, requestId: `citizen-${v}-dev1` })
  for (let v = 0; v < 2; v += 1) await h.call(`citizen-${v}`, 'vote', { selectionId: selection._id, workId: dev2, requestId: `citizen-${v}-dev2` })
  await h.call('citizen-0', 'vote', { selectionId: selection._id, workId: doc, requestId: 'citizen-0-doc' })
  expect(await h.call(ORGANISER, 'setWeights', { selectionId: selection._id, vote: 30, expert: 60 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((await h.call(ORGANISER, 'setWeights', { selectionId: selection._id, vote: 30, expert: 70 })).ok).toBe(true)
  await h.call(ORGANISER, 'assignExpert', { selectionId: selection._id, openid: EXPERT, categories: ['development', 'doctor'] })
  for (const [workId, score] of [[dev1, 70], [dev2, 95]] as const) expect((await h.call(EXPERT, 'scoreCase', { workId, score })).ok).toBe(true)

  const after = '2022-07-12T09:00:00+08:00'
  expect(await h.call('citizen-0', 'results', { selectionId: selection._id, category: 'development' }, after)).toMatchObject({ ok: false, message: expect.stringContaining('尚未公布') })
  expect(await h.call(ORGANISER, 'publishResults', { selectionId: selection._id })).toMatchObject({ ok: false, message: expect.stringContaining('才结束') })
  expect(await h.call(ORGANISER, 'publishResults', { selectionId: selection._id }, after)).toMatchObject({ ok: false, message: expect.stringContaining('没有专家评分') })
  await h.call(EXPERT, 'scoreCase', { workId: doc, score: 60 })
  await h.db.collection('selectionWorks').doc(dev2).update({ data: { votes: 999 } })

  const published = await h.call(ORGANISER, 'publishResults', { selectionId: selection._id, noticeDays: 7 }, after)
  expect(published).toMatchObject({ ok: true, data: { works: 3, recounted: 1, noticeUntil: '2022-07-20T00:00:00+08:00' } })
  const dev = await h.call('citizen-1', 'results', { selectionId: selection._id, category: 'development' }, after)
  expect(dev.data).toMatchObject({ phase: 'notice', weights: { vote: 30, expert: 70 }, formula: expect.stringContaining('× 30% + 专家评分平均分 × 70%') })
  expect(dev.data.items.map((e) => [e.workId, e.rank, e.votes, e.voteScore, e.expertScore, e.finalScore])).toEqual([
    [dev2, 1, 2, 50, 95, 81.5],
    [dev1, 2, 4, 100, 70, 79],
  ])
  expect(dev.data.items[0]?.working).toBe('2 ÷ 4 × 100 = 50.00；50.00 × 30% + 95.00 × 70% = 81.50')
  const doctors = await h.call('citizen-1', 'results', { selectionId: selection._id, category: 'doctor' }, '2022-07-20T00:00:00+08:00')
  expect(doctors.data).toMatchObject({ phase: 'announced', items: [{ workId: doc, rank: 1, finalScore: 72, applicant: { person: '张医生' } }] })
  expect(await h.call(ORGANISER, 'setWeights', { selectionId: selection._id, vote: 50, expert: 50 }, after)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await h.call(EXPERT, 'scoreCase', { workId: doc, score: 99 }, after)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await h.call('citizen-9', 'vote', { selectionId: selection._id, workId: doc, requestId: 'too-late-vote' }, after)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('gallery and ranking: orders, search, cursors; one query and one temp-URL batch per page', async () => {
  const selection = await makeSelection(h, { limits: { perDay: 10, perWorkPerDay: 1 } })
  const ids: string[] = []
  for (let i = 1; i <= 7; i += 1) ids.push(await publishedPhoto(h, `gallery-author-${i}`, selection._id, i === 5 ? '海边的幸福时光' : `亲子照 ${i}`))
  const votesFor = [0, 3, 1, 3, 0, 2, 0]
  for (const [i, workId] of ids.entries()) {
    for (let v = 0; v < (votesFor[i] ?? 0); v += 1) await h.call(`fan-${v}`, 'vote', { selectionId: selection._id, workId, requestId: `fan-${v}-work-${i}` })
  }
  h.resetStats()
  const first = await h.call('visitor', 'gallery', { selectionId: selection._id, order: 'votes', pageSize: 3 })
  expect(h.stats()).toEqual({ total: 2, byAction: { 'database.getDocument': 1, 'storage.batchGetDownloadUrl': 1 } })
  expect(first.data.items.map((w) => [w.number, w.votes])).toEqual([[2, 3], [4, 3], [6, 2]])
  expect(first.data.items[0]?.coverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
  const second = await h.call('visitor', 'gallery', { selectionId: selection._id, order: 'votes', pageSize: 3, cursor: present(first.data.nextCursor, 'the next page') })
  expect(second.data.items.map((w) => w.number)).toEqual([3, 1, 5])
  const third = await h.call('visitor', 'gallery', { selectionId: selection._id, order: 'votes', pageSize: 3, cursor: present(second.data.nextCursor, 'the next page') })
  expect(third.data).toMatchObject({ items: [{ number: 7 }], nextCursor: null })
  const latest = await h.call('visitor', 'gallery', { selectionId: selection._id, pageSize: 4 })
  expect(latest.data.items.map((w) => w.number)).toEqual([7, 6, 5, 4])
  expect((await h.call('visitor', 'gallery', { selectionId: selection._id, q: '海边' })).data.items.map((w) => w.number)).toEqual([5])
  expect((await h.call('visitor', 'gallery', { selectionId: selection._id, q: '6' })).data.items.map((w) => w.title)).toEqual(['亲子照 6'])
  expect(await h.call('visitor', 'gallery', { selectionId: selection._id, cursor: 'v:1:2' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

  h.resetStats()
  const r1 = await h.call('visitor', 'ranking', { selectionId: selection._id, pageSize: 1 })
  const r2 = await h.call('visitor', 'ranking', { selectionId: selection._id, pageSize: 3, cursor: present(r1.data.nextCursor, 'the next page') })
  expect(h.stats().byAction).toEqual({ 'database.getDocument': 2, 'storage.batchGetDownloadUrl': 2 })
  expect([...r1.data.items, ...r2.data.items].map((e) => [e.number, e.rank])).toEqual([[2, 1], [4, 1], [6, 3], [3, 4]])
  const byNumber = await h.call('visitor', 'work', { selectionId: selection._id, number: 2 })
  expect(byNumber.data.work).toMatchObject({ _id: ids[1], votes: 3, mine: false, imageUrls: [expect.stringContaining('/files/')] })
  expect(byNumber.data.voting).toMatchObject({ open: true, remainingToday: 10, remainingForWork: 1 })
  const cases = await makeSelection(h, { kind: 'cases', categories: DEFAULT_CASE_CATEGORIES })
  expect(await h.call('visitor', 'ranking', { selectionId: cases._id })).toMatchObject({ ok: false, message: expect.stringContaining('类别') })
  const listed = await h.call('visitor', 'selections', {})
  expect(listed.data.map((s) => s._id)).toEqual(expect.arrayContaining(['cq-2022-photo', 'cq-2022-video', 'cq-2022-cases', selection._id]))
  expect(listed.data.find((s) => s._id === selection._id)).toMatchObject({ phase: 'voting', canSubmit: true, canVote: true })
  expect(listed.data[0]).not.toHaveProperty('lastNumber')
})
