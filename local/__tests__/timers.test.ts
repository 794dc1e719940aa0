// Timer triggers under the local runtime: every timer in the functions' config.json is scheduled on
// its cron in China time, and a run reaches the action through the bundle's real `main` — shown by the
// clinic's hold repair freeing a place that a crashed sign-up left held.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { accountKey, personKey } from '../../server/shared/clinic-identity'
import { readSlot, takePlace } from '../../server/clinic/slot-store'
import { getDocs, getFirst } from '../../server/core/db'
import { REPO_ROOT, startLocalApp, type LocalApp } from '../runtime'
import { readTimerTriggers, type TimerRun } from '../timers'

let app: LocalApp
const runs: TimerRun[] = []

beforeAll(async () => {
  app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'timers-')), staticDir: mkdtempSync(join(tmpdir(), 'static-')), onTimerRun: (run) => runs.push(run) })
})
afterAll(async () => {
  await app?.close()
})

test('every timer trigger of the built functions is scheduled for its next run in China time', () => {
  const declared = readTimerTriggers(join(REPO_ROOT, 'cloudfunctions')).map((t) => `${t.fn}/${t.name}`).sort()
  expect(declared).toEqual(expect.arrayContaining(['clinic/clinicReminders', 'clinic/clinicRepair', 'clinicAdmin/clinicPurge']))
  const next = new Map(app.timers?.next().map(({ trigger, at }) => [trigger.name, at]))
  expect([...next.keys()].sort()).toEqual(declared.map((d) => d.split('/')[1]).sort())
  const china = (d: Date | null | undefined) => new Date((d?.getTime() ?? 0) + 8 * 3600_000)
  const repair = china(next.get('clinicRepair'))
  expect(repair.getUTCMinutes() % 10).toBe(0)
  expect(repair.getUTCSeconds()).toBe(0)
  const purge = china(next.get('clinicPurge'))
  expect([3, 4, 5]).toContain(purge.getUTCHours())
  expect([purge.getUTCMinutes() % 10, purge.getUTCSeconds()]).toEqual([0, 0])
  expect(next.get('clinicReminders')?.getTime()).toBeGreaterThan(Date.now())
})

test('a run calls the function as WeChat does: the hold repair frees a place left by a crashed sign-up', async () => {
  const slots = await getDocs<{ _id: string; date: string; quota: number; confirmed: number }>(app.db.collection('clinicSlots').where({ waitlisted: 0 }).limit(100))
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const target = slots.find((s) => s.date >= today && s.confirmed < s.quota)
  if (!target) throw new Error('the demo has no open slot from today on')
  const account = accountKey('timer-crash')
  const slot = await readSlot(app.db, target._id, account)
  if (!slot) throw new Error('slot not readable')
  expect(await takePlace(app.db, slot, account, personKey('timer-crash', { name: '断线', phone: '13800000000' }), Date.now() - 5 * 60_000)).toBe(true)

  const run = await app.timers?.runNow('clinicRepair')
  expect(run?.error).toBeUndefined()
  expect(run?.result).toMatchObject({ ok: true, data: { repaired: 1 } })
  expect(runs).toContain(run)
  const after = await getFirst<{ confirmed: number }>(app.db.collection('clinicSlots').where({ _id: target._id }))
  expect(after?.confirmed).toBe(target.confirmed)
})
