// A call past its function's declared timeout is stopped as CloudBase stops it: the caller gets
// -504003, the handler's instance ends, so a database write it would have made after the deadline never
// lands, and the next call runs in a fresh instance (a cold start: module state is lost). The same holds
// for a timer trigger's run of `main`. The function here is a test-only bundle that writes through the
// real wx-server-sdk before and after a wait it is told.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import { getDocs } from '../../server/core/db'
import { sdkEnv, startCloudbaseService, type CloudbaseService } from '../cloudbase'
import { loadFunctions, type FunctionRuntime } from '../gateway/functions'
import { PlatformLimitError } from '../platform-limits'
import { refusal } from './fixtures/refusal'
import { fireTimer } from '../timers'

const functionsDir = mkdtempSync(join(tmpdir(), 'stopped-fns-'))
mkdirSync(join(functionsDir, 'slow'))
writeFileSync(join(functionsDir, 'slow', 'config.json'), JSON.stringify({ timeout: 1 }))
writeFileSync(join(functionsDir, 'slow', 'index.js'), `
const cloud = require(${JSON.stringify(require.resolve('wx-server-sdk'))})
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()
let calls = 0
async function run({ tag, ms }) {
  calls += 1
  await db.collection('drill').add({ data: { tag, step: 'before' } })
  await new Promise((resolve) => setTimeout(resolve, ms))
  await db.collection('drill').add({ data: { tag, step: 'after' } })
  return { ok: true, data: { calls } }
}
exports.invoke = (event) => run(event.input)
exports.main = (event) => run({ tag: event.TriggerName, ms: 1500 })
`)

let service: CloudbaseService
let runtime: FunctionRuntime
let db: DB.Database

beforeAll(async () => {
  service = await startCloudbaseService({ dataDir: mkdtempSync(join(tmpdir(), 'stopped-db-')), port: 0 })
  Object.assign(process.env, sdkEnv(service))
  await service.ensureCollections(['drill'])
  const { cloud } = await import('../../server/core/cloud')
  db = cloud.database()
  runtime = loadFunctions(functionsDir)
})
afterAll(async () => {
  await runtime?.close()
  await service?.close()
})

const steps = async (tag: string) => (await getDocs<{ step: string }>(db.collection('drill').where({ tag }))).map((d) => d.step).sort()

/** Waits until `at` (epoch ms): proving that a write never lands needs the time it would have landed by. */
const until = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())))

test('a timed-out call answers -504003, its later write never lands, and the next call cold-starts a fresh instance', async () => {
  const slow = runtime.functions.get('slow')
  if (!slow) throw new Error('the test bundle was not loaded')
  expect(await slow.invoke({ input: { tag: 'warm', ms: 0 } }, { openid: 'u' })).toEqual({ ok: true, data: { calls: 1 } })
  expect(runtime.coldStarts('slow')).toBe(1)

  const started = Date.now()
  const err = await refusal(slow.invoke({ input: { tag: 'late', ms: 1500 } }, { openid: 'u' }))
  expect(err.errCode).toBe(-504003)
  expect(err.errMsg).toContain('timed out after 1 seconds')
  await until(started + 1500 + 1000)
  expect(await steps('late')).toEqual(['before'])

  expect(await slow.invoke({ input: { tag: 'next', ms: 0 } }, { openid: 'u' })).toEqual({ ok: true, data: { calls: 1 } })
  expect(runtime.coldStarts('slow')).toBe(2)
  expect(await steps('next')).toEqual(['after', 'before'])
})

test('a call within its own limit that shares the instance a timed-out call ends fails with it (-504002), not silently', async () => {
  const slow = runtime.functions.get('slow')
  if (!slow) throw new Error('the test bundle was not loaded')
  const late = refusal(slow.invoke({ input: { tag: 'late-2', ms: 1500 } }, { openid: 'u' }))
  await until(Date.now() + 700)
  const neighbour = refusal(slow.invoke({ input: { tag: 'neighbour', ms: 600 } }, { openid: 'v' }))
  expect((await late).errCode).toBe(-504003)
  const ended = await neighbour
  expect(ended.errCode).toBe(-504002)
  expect(ended.httpStatus).toBe(502)
})

test('a timer trigger\'s run past the timeout is stopped the same way', async () => {
  const started = Date.now()
  const run = await fireTimer(runtime, { fn: 'slow', name: 'nightly', cron: '0 0 3 * * * *' })
  expect(run.error).toBeInstanceOf(PlatformLimitError)
  expect((run.error as PlatformLimitError).errCode).toBe(-504003)
  await until(started + 1500 + 1000)
  expect(await steps('nightly')).toEqual(['before'])
})
