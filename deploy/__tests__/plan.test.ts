// The deploy plan against the code: every collection the functions touch is created and closed, every
// query the functions make has an index that serves it (queries read from server/ by the TypeScript
// compiler; filters built at run time are declared in deploy/cloudbase.ts), no index is dead weight,
// every function and timer trigger of cloudfunctions/*/config.json is deployed with a timeout, and no
// collection or storage path is open to clients beyond a resident's own uploads.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ALL_COLLECTIONS } from '../../server/core/collections'
import { dynamicQueries, type QueryShape } from '../cloudbase'
import { buildPlan, formatPlan, functionNames, needsIndex, serves } from '../plan'
import { scanServer, type ScanResult } from '../query-scan'

const root = join(__dirname, '..', '..')
const plan = buildPlan(root)
let scan: ScanResult

beforeAll(() => {
  scan = scanServer(root)
}, 60_000)

const indexesOf = (collection: string) => plan.collections.find((c) => c.name === collection)?.indexes ?? []
const describeShape = (q: QueryShape) => `filter ${[...q.equal, ...(q.operator ?? [])].join('+') || '—'} sort ${(q.sort ?? []).join('+') || '—'}`

test('every collection in server/core/collections.ts and every db.collection(...) call is in the plan', () => {
  const planned = plan.collections.map((c) => c.name)
  const touched = [...new Set([...ALL_COLLECTIONS, ...scan.collections.keys()])]
  expect(touched.filter((name) => !planned.includes(name))).toEqual([])
  expect(planned.filter((name) => !touched.includes(name))).toEqual([])
  expect(scan.collections.size).toBeGreaterThan(10)
})

test('every collection is closed to clients', () => {
  for (const c of plan.collections) expect({ name: c.name, rule: c.rule }).toEqual({ name: c.name, rule: { read: false, write: false } })
})

test('every query read from server/ has an index that serves it', () => {
  expect(scan.queries.length).toBeGreaterThan(50)
  const missing = scan.queries
    .filter((q) => !q.byId && needsIndex(q) && !indexesOf(q.collection).some((i) => serves(i, q)))
    .map((q) => `${q.at} ${q.collection}: ${describeShape(q)}`)
  expect(missing).toEqual([])
})

test('every filter built at run time is declared, and every declared shape is served', () => {
  const declared = (file: string, collection: string) => dynamicQueries.some((d) => d.file === file && d.collection === collection)
  expect(scan.unresolved.filter((u) => !declared(u.file, u.collection)).map((u) => `${u.at} ${u.collection} ${u.text}`)).toEqual([])
  const stale = dynamicQueries.filter((d) => !scan.unresolved.some((u) => u.file === d.file && u.collection === d.collection))
  expect(stale.map((d) => `${d.file} ${d.collection}`)).toEqual([])
  const missing = dynamicQueries.flatMap((d) =>
    d.shapes.filter((s) => needsIndex(s) && !indexesOf(d.collection).some((i) => serves(i, s))).map((s) => `${d.file} ${d.collection}: ${describeShape(s)}`))
  expect(missing).toEqual([])
})

test('every declared index serves some query (no index is written to for nothing)', () => {
  const shapes = [...scan.queries.map((q) => ({ collection: q.collection, shape: q as QueryShape })), ...dynamicQueries.flatMap((d) => d.shapes.map((shape) => ({ collection: d.collection, shape })))]
  const unused = plan.collections.flatMap((c) => c.indexes.filter((i) => !shapes.some((s) => s.collection === c.name && serves(i, s.shape))).map((i) => `${c.name}.${i.name}`))
  expect(unused).toEqual([])
})

test('the index rule rejects an index that does not serve the query (the checks above can fail)', () => {
  const index = { name: 'slotId_createdAt', fields: [{ field: 'slotId', direction: 1 as const }, { field: 'createdAt', direction: 1 as const }] }
  expect(serves(index, { equal: ['slotId'], sort: ['createdAt', '_id'] })).toBe(true)
  expect(serves(index, { equal: ['openid'], sort: ['createdAt'] })).toBe(false)
  expect(serves(index, { equal: ['slotId'], sort: ['waitKey'] })).toBe(false)
  expect(serves(index, { equal: ['status'] })).toBe(false)
})

test('every function in cloudfunctions/ is deployed with its config.json timeout, memory, runtime and timers', () => {
  expect(plan.functions.map((f) => f.name)).toEqual(functionNames(root))
  for (const fn of plan.functions) {
    const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', fn.name, 'config.json'), 'utf8')) as { timeout: number; triggers?: Array<{ name: string; config: string }> }
    expect(fn.timeout).toBe(config.timeout)
    expect(fn.timeout).toBeGreaterThan(3)
    expect(fn.triggers.map((t) => [t.name, t.config])).toEqual((config.triggers ?? []).map((t) => [t.name, t.config]))
  }
  expect(plan.functions.flatMap((f) => f.triggers.map((t) => t.name))).toEqual(expect.arrayContaining(['clinicReminders', 'clinicRepair', 'clinicPurge']))
})

test('storage: nothing is readable by clients, and writes only to a resident\'s own files under uploads/', () => {
  const { rule, clientUploadPrefixes } = plan.storage
  expect(rule.read).toBe(false)
  expect(clientUploadPrefixes).toEqual(['uploads/'])
  expect(typeof rule.write).toBe('string')
  const write = String(rule.write)
  expect(write).toContain('resource.openid == auth.openid')
  const prefix = /\/\^(.+?)\/\.test\(resource\.path\) == true/.exec(write)?.[1]?.replace(/\\\//g, '/')
  expect(prefix).toBe('uploads/')
  const tickets = readFileSync(join(root, 'server', 'selection', 'uploads.ts'), 'utf8')
  expect(tickets).toMatch(/const cloudPath = `uploads\//)
})

test('image verdicts are pushed to the function that applies them', () => {
  expect(plan.messagePush).toEqual([{ msgType: 'event', event: 'wxa_media_check', functionName: 'selection' }])
  expect(readFileSync(join(root, 'server', 'selection', 'index.ts'), 'utf8')).toMatch(/\bpush\b/)
})

test('the printed plan names every function, collection and rule', () => {
  const text = formatPlan(plan, 'env-test')
  for (const fn of plan.functions) expect(text).toContain(`${fn.name}: 超时 ${fn.timeout} s`)
  for (const c of plan.collections) expect(text).toContain(c.name)
  expect(text).toContain('wxa_media_check')
})
