// The demo sign-in makes anyone an organiser, so it is on only for an app reachable from this machine
// alone: off when the app listens beyond loopback (unless LOCAL_DEMO_SIGNIN=1), sessions signed in
// earlier lose their demo identity then, and `npm start` says which applies.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoSignInSetting } from '../gateway/local-auth'
import { REPO_ROOT, startLocalApp } from '../runtime'

const chinese = /[\u4e00-\u9fa5]/
const staticDir = mkdtempSync(join(tmpdir(), 'static-'))
writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')

test.each([
  ['127.0.0.1', undefined, true],
  ['localhost', undefined, true],
  ['::1', undefined, true],
  ['0.0.0.0', undefined, false],
  ['192.168.1.20', undefined, false],
  ['::', undefined, false],
  ['0.0.0.0', '1', true],
  ['127.0.0.1', '0', false],
])('host %s with LOCAL_DEMO_SIGNIN=%s → demo sign-in %s', (host, flag, enabled) => {
  const setting = demoSignInSetting(host, flag)
  expect(setting.enabled).toBe(enabled)
  expect(setting.reason).toMatch(chinese)
})

async function post(url: string, path: string, body: unknown, cookie = '') {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) })
  return { body: (await res.json()) as { ok: boolean; code?: string; message?: string; data?: unknown }, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] || cookie }
}

test('an app exposed beyond loopback refuses the demo sign-in, drops earlier demo identities, and keeps its service on loopback', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-signin-'))
  let app = await startLocalApp({ dataDir, staticDir, seedDemo: false })
  const signedIn = await post(app.url, '/api/local/sign-in', { key: 'organiser' })
  expect(signedIn.body).toMatchObject({ ok: true })
  await app.close()

  app = await startLocalApp({ dataDir, staticDir, seedDemo: false, host: '0.0.0.0' })
  try {
    expect(app.demoSignIn).toBe(false)
    expect(new URL(app.cloudbase.url).hostname).toBe('127.0.0.1')
    const local = `http://127.0.0.1:${app.port}`
    const refused = await post(local, '/api/local/sign-in', { key: 'organiser' })
    expect(refused.body).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(refused.body.message).toContain('LOCAL_DEMO_SIGNIN=1')
    expect((await (await fetch(`${local}/api/local/identities`)).json()) as object).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const who = await post(local, '/api/fn/account', { action: 'whoami', input: {} }, signedIn.cookie)
    expect(who.body).toMatchObject({ ok: true, data: { role: 'resident' } })
  } finally {
    await app.close()
  }
}, 60_000)

/** Runs `npm start`'s entry with `env` until it prints the demo sign-in line; answers that line. */
function startLine(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(REPO_ROOT, 'local', 'start.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', SKIP_BUILD: '1', STATIC_DIR: staticDir, LOCAL_TIMERS: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'start-')), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith('本地演示登录'))
      if (line && out.includes('按 Ctrl+C 停止')) {
        child.kill('SIGTERM')
        resolve(line)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing the demo sign-in line:\n${out}\n${err}`)))
  })
}

test('npm start says whether the demo sign-in is on', async () => {
  expect(await startLine({ HOST: '127.0.0.1' })).toContain('已开启')
  const exposed = await startLine({ HOST: '0.0.0.0' })
  expect(exposed).toContain('已关闭')
  expect(exposed).toContain('LOCAL_DEMO_SIGNIN=1')
}, 60_000)
