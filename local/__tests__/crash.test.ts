// kill -9 of the local runtime under sign-up + vote load, then an immediate restart on the same data dir
// (bench/crash-drill.ts): no acknowledged write is lost, the restart succeeds, and after the repairs the
// counters equal the records — slot counters vs sign-ups after `clinicRepair`; work vote counts vs valid
// ballots after `selectionRecount` where the selection function declares that trigger.
import { drillRound } from '../../bench/crash-drill'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dataDir = mkdtempSync(join(tmpdir(), 'crash-test-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

test('kill -9 mid-load: acknowledged writes survive, the restart succeeds, repairs bring counters back to the records', async () => {
  const result = await drillRound({ dataDir, round: 1, quota: 300, waitlist: 100, concurrency: 16, loadMs: 2000 })
  expect(result.acknowledged.signups).toBeGreaterThan(0)
  expect(result.acknowledged.votes).toBeGreaterThan(0)
  expect(result.lostSignups).toEqual([])
  expect(result.lostVotes).toEqual([])
  expect(result.restartMs).toBeLessThan(15_000)
  expect(result.repairs.clinicRepair).toMatchObject({ ok: true })
  expect(result.after.clinic).toBe(0)
  if (result.selectionRecountDeclared) {
    expect(result.repairs.selectionRecount).toMatchObject({ ok: true })
    expect(result.after.selection).toBe(0)
  }
}, 60_000)
