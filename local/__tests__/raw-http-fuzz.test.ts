// Fuzzes the raw HTTP layer of the gateway and of the local CloudBase service, in a separate process
// (so a crash is a dead process, not a test-runner error): request lines, targets (malformed
// %-escapes, `//`, absolute forms, invalid UTF-8), headers (cookies, lengths, ranges, signatures, huge
// ones), chunked and truncated bodies, generated with fast-check over plain TCP. Afterwards each
// server must still answer a normal request and the process must have logged nothing on stderr.
import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import fc from 'fast-check'
import { REPO_ROOT } from '../runtime'

let child: ChildProcess
let stderr = ''
let gateway: URL
let service: URL

beforeAll(async () => {
  child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'fixtures', 'serve-app.ts')], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const started = await new Promise<{ url: string; service: string }>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve(JSON.parse(line) as { url: string; service: string })
    })
    child.on('exit', (code) => reject(new Error(`the app exited (${code}) before listening: ${stderr}`)))
  })
  gateway = new URL(started.url)
  service = new URL(started.service)
}, 30_000)

afterAll(async () => {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
})

/**
 * Writes `bytes` on a fresh connection and keeps it open (a half-close would let the server drop the
 * request before handling it) until the server closes it, goes quiet 20 ms after answering, or 150 ms
 * pass (a server still waiting for a promised body then sees the client vanish).
 */
function send(target: URL, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(target.port), target.hostname)
    let answer = ''
    let idle: NodeJS.Timeout | undefined
    const done = () => {
      clearTimeout(timer)
      clearTimeout(idle)
      socket.destroy()
      resolve(answer)
    }
    const timer = setTimeout(done, 150)
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1')
      clearTimeout(idle)
      idle = setTimeout(done, 20)
    })
    socket.on('error', done)
    socket.on('close', done)
    socket.write(bytes)
  })
}

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a))
const text = fc.string({ unit: 'binary', maxLength: 40 })
const escapes = fc.array(fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C0%AF', '%00', '%2F..%2F', '%u0041', '..', '//', '?', '#', ';', '=', '%ff%fe'),
  fc.string({ maxLength: 6 }),
), { maxLength: 8 }).map((parts) => parts.join(''))

const method = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE'), fc.string({ maxLength: 12 }))
const prefix = fc.constantFrom('/', '//', '/api/fn/', '/api/fn/account', '/api/local/sign-in', '/api/local/session', '/api/local/identities', '/api/upload',
  '/files/', '/files/6c6f-local-env-1250000000/', '/upload/', '/admin', '*', 'http://x', 'http://[::1', '/index.html', '/%')
const target = fc.oneof(
  fc.tuple(prefix, escapes).map(([p, e]) => Buffer.from(p + e, 'latin1')),
  fc.tuple(prefix, bytes(0, 30)).map(([p, b]) => Buffer.concat([Buffer.from(p), b])),
  fc.constantFrom('//', '/?%', '/files/a/%E0%A4%A?t=1&sign=x', 'http://', '/\u00ff\u00fe').map((t) => Buffer.from(t, 'latin1')),
)
const cookie = fc.oneof(
  escapes.map((e) => `fest_sid=${e}`),
  fc.array(fc.tuple(escapes, escapes).map(([k, v]) => `${k}=${v}`), { maxLength: 6 }).map((kv) => kv.join('; ')),
  fc.constantFrom('fest_sid=%E0%A4%A', 'fest_sid', '=', '__proto__=%', 'fest_sid=a; fest_sid=%'),
)
const headerValue = fc.oneof(escapes, text, fc.constantFrom('-1', '0', '1e3', '99999999999999999999', 'NaN', 'bytes=0-', 'bytes=-5', 'bytes=9-1', 'chunked',
  'multipart/form-data; boundary=x', 'multipart/form-data', 'application/json', 'TC3-HMAC-SHA256 Credential=x/2020-01-01/tcb/tc3_request, SignedHeaders=host, Signature=00'))
const header = fc.oneof(
  cookie.map((c) => `Cookie: ${c}`),
  fc.tuple(fc.constantFrom('Content-Length', 'Transfer-Encoding', 'Content-Type', 'Range', 'Authorization', 'X-Timestamp', 'Host', 'Expect', 'Connection'), headerValue)
    .map(([n, v]) => `${n}: ${v}`),
  fc.tuple(text, text).map(([n, v]) => `${n}: ${v}`),
  fc.integer({ min: 8_000, max: 40_000 }).map((n) => `X-Big: ${'a'.repeat(n)}`),
)
const chunked = fc.array(fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`),
  fc.constantFrom('zz\r\nabc\r\n', 'ffffffffffff\r\n', '5\r\nab\r\n', '0\r\n\r\n', '-1\r\n', '3;ext=1\r\nabc\r\n', '\r\n'),
), { maxLength: 5 }).map((parts) => ({ raw: Buffer.from(parts.join(''), 'latin1'), header: 'Transfer-Encoding: chunked' }))
const body = fc.oneof(
  bytes(0, 64).map((b) => ({ raw: b, header: `Content-Length: ${b.length}` })),
  bytes(0, 64).map((b) => ({ raw: b, header: `Content-Length: ${b.length + 10}` })),
  fc.constantFrom('{"action":"whoami","input":{}}', '{"action":', '[]', 'null', '{"__proto__":{"x":1}}', '\u0000\u00ff')
    .map((s) => ({ raw: Buffer.from(s, 'latin1'), header: `Content-Length: ${Buffer.byteLength(s, 'latin1')}` })),
  chunked,
  fc.constant({ raw: Buffer.alloc(0), header: '' }),
)
const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', 'HTTP/9', '')

const chaotic = fc.tuple(method, target, version, fc.array(header, { maxLength: 6 }), body, fc.boolean()).map(([m, t, v, hs, b, bare]) => {
  const lines = [...(bare ? [] : ['Host: localhost']), ...hs, ...(b.header ? [b.header] : [])]
  return Buffer.concat([Buffer.from(`${m} `, 'latin1'), t, Buffer.from(` ${v}\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n`, 'latin1'), b.raw])
})
/** Well-formed HTTP with hostile parts (cookies, targets, headers), so requests reach the handlers' code. */
const plausible = fc.tuple(
  fc.constantFrom('GET', 'POST', 'HEAD'), prefix, escapes, cookie, fc.array(header, { maxLength: 3 }),
  fc.constantFrom('{"action":"whoami","input":{}}', '{"key":"organiser"}', '{"action":"database.getDocument"}', '{', ''),
).map(([m, p, e, c, hs, json]) => {
  const lines = ['Host: localhost', `Cookie: ${c}`, ...hs.filter((h) => !/^(content-length|transfer-encoding):/i.test(h)), 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(json)}`]
  return Buffer.from(`${m} ${p}${e} HTTP/1.1\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n${json}`, 'latin1')
})
const request = fc.oneof(chaotic, plausible)

const alive = () => expect(child.exitCode).toBeNull()

test.each([
  ['gateway', () => gateway],
  ['service', () => service],
])('malformed raw requests to the %s neither crash it nor log an error, and it still answers', async (_name, where) => {
  const known = ['GET / HTTP/1.1\r\nHost: x\r\nCookie: fest_sid=%E0%A4%A\r\n\r\n', 'POST /api/fn/account HTTP/1.1\r\nHost: x\r\nCookie: fest_sid=%\r\nContent-Length: 2\r\n\r\n{}',
    'GET // HTTP/1.1\r\nHost: x\r\n\r\n', 'GET /files/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=9-1\r\n\r\n', 'GET /index.html HTTP/1.1\r\nHost: x\r\nRange: bytes=-5\r\n\r\n']
  for (const raw of known) expect(await send(where(), Buffer.from(raw))).toMatch(/^HTTP\/1\.1 \d{3} /)
  // 30 batches of 10 requests sent at once: 300 cases in a few seconds.
  await fc.assert(fc.asyncProperty(fc.array(request, { minLength: 10, maxLength: 10 }), async (batch) => {
    await Promise.all(batch.map((raw) => send(where(), raw)))
    alive()
  }), { numRuns: 30, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 100000) })
  alive()
  expect(stderr).toBe('')
}, 30_000)

test('after the fuzzing both still answer normal requests', async () => {
  const who = await fetch(new URL('/api/fn/account', gateway), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"whoami","input":{}}' })
  expect(((await who.json()) as { data: { role: string } }).data.role).toBe('resident')
  const admin = await fetch(service, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"database.getDocument"}' })
  expect(((await admin.json()) as { code: string }).code).toBe('SIGN_PARAM_INVALID')
  alive()
  expect(stderr).toBe('')
})
