// The gateway holds each call to CloudBase's limits through the loaded functions: a function slower
// than its declared timeout answers 504 with CloudBase's -504003 (as wx.cloud.callFunction fails), not a
// Result, a body over 100 KB is refused before the function runs, and a bundle that fails to load
// answers -504002 (HTTP 502) without taking the other functions with it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadFunctions } from '../functions'
import { createGateway } from '../server'
import { SessionStore } from '../sessions'

const functionsDir = mkdtempSync(join(tmpdir(), 'limited-fns-'))
mkdirSync(join(functionsDir, 'slow'))
writeFileSync(join(functionsDir, 'slow', 'config.json'), JSON.stringify({ timeout: 1 }))
writeFileSync(join(functionsDir, 'slow', 'index.js'), `exports.invoke = (event) =>
  new Promise((resolve) => setTimeout(() => resolve({ ok: true, data: event.input }), event.input.ms))`)
mkdirSync(join(functionsDir, 'broken'))
writeFileSync(join(functionsDir, 'broken', 'index.js'), `throw new Error('bundle broke at load')`)
const runtime = loadFunctions(functionsDir)
const server = createGateway({
  staticDir: mkdtempSync(join(tmpdir(), 'static-')),
  functions: runtime.functions,
  sessions: new SessionStore(),
  demoSignIn: false,
})

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)))
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await runtime.close()
})

async function call(input: unknown, fn = 'slow') {
  const { port } = server.address() as AddressInfo
  const res = await fetch(`http://127.0.0.1:${port}/api/fn/${fn}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'x', input }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

test('within the declared timeout the Result comes back; past it, CloudBase\'s timeout error', async () => {
  expect(await call({ ms: 10 })).toEqual({ status: 200, body: { ok: true, data: { ms: 10 } } })
  expect(await call({ ms: 1500 })).toEqual({ status: 504, body: { errCode: -504003, errMsg: expect.stringContaining('timed out after 1 seconds') } })
})

test('a body over 100 KB is refused in Chinese before the function runs', async () => {
  const res = await call({ ms: 0, text: 'a'.repeat(100 * 1024) })
  expect(res.status).toBe(413)
  expect(res.body).toMatchObject({ ok: false, message: expect.stringContaining('100 KB') })
})

test('a function whose bundle fails to load answers CloudBase\'s execution failure, and the others still answer', async () => {
  expect(await call({ ms: 0 }, 'broken')).toEqual({ status: 502, body: { errCode: -504002, errMsg: expect.stringContaining('bundle broke at load') } })
  expect((await call({ ms: 0 })).status).toBe(200)
  await expect(runtime.warm()).rejects.toMatchObject({ errCode: -504002 })
})
