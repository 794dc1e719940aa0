// A function's declared memorySize bounds its instance as CloudBase bounds it: a call that allocates
// past it ends with FUNCTIONS_MEMORY_LIMIT_EXCEEDED (-504002, HTTP 502 at the gateway), the instance is
// replaced by a fresh one on the next call (a cold start), and other functions' instances are untouched.
// The functions here are test-only bundles that hold the JS arrays they are told to allocate.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadFunctions, heapLimits, type FunctionRuntime } from '../gateway/functions'
import { declaredMemory } from '../platform-limits'
import { refusal } from './fixtures/refusal'

const functionsDir = mkdtempSync(join(tmpdir(), 'memory-fns-'))
const hungry = `
const held = []
let calls = 0
exports.invoke = async ({ mb }) => {
  calls += 1
  for (let i = 0; i < mb; i += 1) held.push(new Array(128 * 1024).fill(i + 0.5))
  return { ok: true, data: { calls, held: held.length } }
}
`
for (const [name, memorySize] of [['hungry', 128], ['neighbour', 128]] as const) {
  mkdirSync(join(functionsDir, name))
  writeFileSync(join(functionsDir, name, 'config.json'), JSON.stringify({ timeout: 20, memorySize }))
  writeFileSync(join(functionsDir, name, 'index.js'), hungry)
}

let runtime: FunctionRuntime

beforeAll(() => {
  runtime = loadFunctions(functionsDir)
})
afterAll(async () => {
  await runtime?.close()
})

function fn(name: string) {
  const loaded = runtime.functions.get(name)
  if (!loaded) throw new Error(`the test bundle ${name} was not loaded`)
  return loaded
}

test('the heap given to an instance never exceeds the declared memorySize', () => {
  for (const mb of [128, 256, 512, 1024, 2048]) {
    const limits = heapLimits(mb)
    expect(limits.maxOldGenerationSizeMb + limits.maxYoungGenerationSizeMb).toBeLessThanOrEqual(mb)
    expect(limits.maxOldGenerationSizeMb).toBeGreaterThan(mb / 2)
  }
  expect(declaredMemory(functionsDir, 'hungry')).toBe(128)
})

test('a call past memorySize fails with FUNCTIONS_MEMORY_LIMIT_EXCEEDED, the next call cold-starts, other functions are unaffected', async () => {
  expect(await fn('neighbour').invoke({ mb: 40 }, { openid: 'u' })).toEqual({ ok: true, data: { calls: 1, held: 40 } })
  expect(await fn('hungry').invoke({ mb: 40 }, { openid: 'u' })).toEqual({ ok: true, data: { calls: 1, held: 40 } })
  expect(runtime.peakHeapMb('hungry')).toBeGreaterThanOrEqual(40)

  const err = await refusal(fn('hungry').invoke({ mb: 200 }, { openid: 'u' }))
  expect(err.errCode).toBe(-504002)
  expect(err.httpStatus).toBe(502)
  expect(err.errMsg).toContain('FUNCTIONS_MEMORY_LIMIT_EXCEEDED')
  expect(err.errMsg).toContain('128 MB')

  expect(await fn('hungry').invoke({ mb: 1 }, { openid: 'u' })).toEqual({ ok: true, data: { calls: 1, held: 1 } })
  expect(runtime.coldStarts('hungry')).toBe(2)
  expect(await fn('neighbour').invoke({ mb: 1 }, { openid: 'u' })).toEqual({ ok: true, data: { calls: 2, held: 41 } })
  expect(runtime.coldStarts('neighbour')).toBe(1)
})
