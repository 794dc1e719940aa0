// Publishing from maintained counts: once the recount timer has looked at the ballots, publishing costs
// the same database requests for 20 and for 400 voters (it reads no ledger it has seen), and a counter a
// crash left short since the timer's last run is still brought to its ballots.
import type { Ledger } from '../ballots'
import { ledgerScan } from '../ledger-scan'
import { present } from '../../__tests__/narrow'
import { ORGANISER, findDoc, makeSelection, startSelectionHarness, type SelectionHarness } from './harness'

let h: SelectionHarness
beforeAll(async () => {
  h = await startSelectionHarness()
  ledgerScan.chunk = 10
})
afterAll(() => h.close())

const VOTED = Date.parse('2022-07-09T12:00:00+08:00')

async function seed(selectionId: string, voters: number): Promise<string[]> {
  const works = [`${selectionId}-a`, `${selectionId}-b`]
  const ledgers: Ledger[] = Array.from({ length: voters }, (_x, v) => ({
    _id: `${selectionId}_v${v}`, selectionId, voter: `v${v}`, firstDay: '2022-07-09', days: {},
    votes: [{ k: `k${v}`, w: present(works[v % 2]), t: VOTED + v * 1000, d: '2022-07-09' }], t: VOTED + v * 1000,
  }))
  await h.db.collection('selectionBallots').add({ data: ledgers })
  await h.db.collection('selectionWorks').add({ data: works.map((_id, i) => ({ _id, selectionId, status: 'published', number: i + 1, title: `作品 ${i + 1}`, votes: Math.ceil((voters - i) / 2), voided: 0 })) })
  return works
}

test('publishing reads the maintained counts, not every ledger', async () => {
  const cost: number[] = []
  for (const voters of [20, 400]) {
    const selection = await makeSelection(h)
    await seed(selection._id, voters)
    expect((await h.timer('', 'recountVotes', {}, '2022-07-10T00:10:00+08:00')).ok).toBe(true)
    h.resetStats()
    const published = await h.call(ORGANISER, 'publishResults', { selectionId: selection._id }, '2022-07-11T09:00:00+08:00')
    expect(published).toMatchObject({ ok: true, data: { works: 2, recounted: 0 } })
    cost.push(h.stats().total)
  }
  expect(cost[0]).toBe(cost[1])
})

test('a vote claimed but not counted after the timer ran is counted at publishing', async () => {
  const selection = await makeSelection(h)
  const a = present((await seed(selection._id, 30))[0])
  expect((await h.timer('', 'recountVotes', {}, '2022-07-09T23:00:00+08:00')).ok).toBe(true)
  await h.db.collection('selectionBallots').add({ data: { _id: `${selection._id}_late`, selectionId: selection._id, voter: 'late', firstDay: '2022-07-09', days: {}, votes: [{ k: 'late', w: a, t: Date.parse('2022-07-09T23:59:00+08:00'), d: '2022-07-09' }], t: Date.parse('2022-07-09T23:59:00+08:00') } })
  expect(await h.call(ORGANISER, 'publishResults', { selectionId: selection._id }, '2022-07-10T00:01:00+08:00')).toMatchObject({ ok: false, message: expect.stringContaining('票数还在核对') })
  const published = await h.call(ORGANISER, 'publishResults', { selectionId: selection._id }, '2022-07-10T00:05:00+08:00')
  expect(published).toMatchObject({ ok: true, data: { recounted: 1 } })
  expect(await findDoc<{ votes: number }>(h, 'selectionWorks', a)).toMatchObject({ votes: 16 })
})
