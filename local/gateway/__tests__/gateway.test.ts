// The gateway end to end over HTTP with the built function bundles: bad requests get typed Chinese
// errors and never crash it; identity comes only from the session, never mixed under concurrency.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalApp, type LocalApp } from '../../runtime'
import type { CallResult } from '../../../bench/gateway-client'

let app: LocalApp
const staticDir = mkdtempSync(join(tmpdir(), 'static-'))
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>妇幼健康公益文化节</title>')

beforeAll(async () => {
  app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'gateway-')), staticDir })
})
afterAll(() => app.close())

async function post(path: string, body: string, cookie?: string) {
  const res = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
  })
  return { status: res.status, body: (await res.json()) as CallResult, cookie: res.headers.get('set-cookie')?.split(';')[0] }
}

const chinese = /[\u4e00-\u9fa5]/

test('a function call answers with the Result shape', async () => {
  const res = await post('/api/fn/festival', JSON.stringify({ action: 'home', input: {} }))
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({ ok: true, data: { festival: { name: expect.stringContaining('妇幼健康公益文化节') } } })
})

test.each([
  ['unknown function', '/api/fn/nope', '{"action":"home"}', 404, 'UNKNOWN_FUNCTION'],
  ['unknown action', '/api/fn/festival', '{"action":"dropAll"}', 200, 'UNKNOWN_ACTION'],
  ['malformed JSON', '/api/fn/festival', '{"action":', 400, 'INVALID_INPUT'],
  ['not an envelope', '/api/fn/festival', '[1,2,3]', 200, 'INVALID_INPUT'],
  ['wrong input type', '/api/fn/festival', '{"action":"venue","input":{"venueId":42}}', 200, 'INVALID_INPUT'],
  ['oversized body', '/api/fn/festival', JSON.stringify({ action: 'home', input: { pad: 'x'.repeat(200_000) } }), 413, 'PAYLOAD_TOO_LARGE'],
  ['unknown api path', '/api/nothing', '{}', 404, 'UNKNOWN_FUNCTION'],
  ['bad escape in name', '/api/fn/%E0%A4%A', '{}', 404, 'UNKNOWN_FUNCTION'],
])('%s → %s', async (_label, path, body, status, code) => {
  const res = await post(path, body)
  expect(res.status).toBe(status)
  expect(res.body).toMatchObject({ ok: false, code })
  expect(res.body.message).toMatch(chinese)
})

test('GET on a function is refused with a typed error', async () => {
  const res = await fetch(`${app.url}/api/fn/festival`)
  expect(await res.json()).toMatchObject({ code: 'INVALID_INPUT' })
})

test('the h5 app is served, and unknown paths fall back to it', async () => {
  for (const path of ['/', '/some/deep/link']) {
    const res = await fetch(app.url + path)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('妇幼健康公益文化节')
  }
})

test('identity comes from the session, not from the request body', async () => {
  const res = await post('/api/fn/account', JSON.stringify({ action: 'whoami', input: {}, openid: 'demo-organiser-1', OPENID: 'demo-organiser-1' }))
  expect(res.body).toMatchObject({ data: { role: 'resident' } })
})

test('concurrent calls from differently signed-in browsers never mix identities', async () => {
  const keys = ['organiser', 'expert', 'staff-banan', 'resident-wang']
  const expected: Record<string, string> = { organiser: 'organiser', expert: 'expert', 'staff-banan': 'staff', 'resident-wang': 'resident' }
  const identities = (await (await fetch(`${app.url}/api/local/identities`)).json()) as CallResult<Array<{ key: string }>>
  expect(identities.data.map((i) => i.key)).toEqual(expect.arrayContaining(keys))
  const cookies: Record<string, string> = {}
  for (const key of keys) {
    const res = await post('/api/local/sign-in', JSON.stringify({ key }))
    expect(res.body.ok).toBe(true)
    cookies[key] = res.cookie as string
  }
  const calls = Array.from({ length: 80 }, (_, i) => keys[i % keys.length] as string)
  const results = await Promise.all(calls.map((key) => post('/api/fn/account', '{"action":"whoami","input":{}}', cookies[key])))
  results.forEach((res, i) => expect(res.body).toMatchObject({ data: { role: expected[calls[i] as string] } }))
})

test('local sign-in refuses an unknown identity and signs out to a fresh visitor', async () => {
  expect((await post('/api/local/sign-in', '{"key":"root"}')).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const signIn = await post('/api/local/sign-in', '{"key":"organiser"}')
  const cookie = signIn.cookie as string
  expect((await post('/api/fn/account', '{"action":"whoami"}', cookie)).body).toMatchObject({ data: { role: 'organiser' } })
  await post('/api/local/sign-out', '', cookie)
  expect((await post('/api/fn/account', '{"action":"whoami"}', cookie)).body).toMatchObject({ data: { role: 'resident' } })
})
