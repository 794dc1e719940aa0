// Local sessions outlive a restart (a visitor still sees their sign-ups), expire after 30 idle days,
// and stay bounded however many cookieless requests arrive; the file holds no usable cookie.
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalApp } from '../../runtime'
import { SESSION_COOKIE, SESSION_IDLE_MS, SessionStore, sessionCookie } from '../sessions'
import { demoIdentities } from '../../demo/identities'
import type { ActionName, InputOf, OutputOf } from '../../../src/contract/api'
import type { FunctionName } from '../../../src/contract/schemas'
import type { CallResult } from '../../../bench/gateway-client'
import { present } from '../../../server/__tests__/narrow'

const request = (cookie?: string) => ({ headers: cookie ? { cookie } : {} }) as IncomingMessage
const cookieOf = (id: string) => `${SESSION_COOKIE}=${id}`
const organiser = demoIdentities.find((i) => i.role === 'organiser')!

describe('SessionStore', () => {
  test('a restart keeps each browser its openid and demo identity; the file holds only hashes of the cookies', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sessions-')), 'sessions.jsonl')
    const first = new SessionStore({ file })
    const visitor = first.resolve(request()).session
    const signedIn = first.resolve(request()).session
    first.signIn(signedIn, organiser)
    first.close()
    expect(readFileSync(file, 'utf8')).not.toContain(visitor.id)

    const again = new SessionStore({ file })
    expect(again.resolve(request(cookieOf(visitor.id)))).toMatchObject({ created: false, session: { openid: visitor.openid } })
    expect(again.resolve(request(cookieOf(signedIn.id))).session).toMatchObject({ openid: organiser.openid, identity: { key: organiser.key } })
    again.close()
  })

  test('a session expires after 30 idle days, and use slides its expiry (the cookie says the same)', () => {
    let now = Date.UTC(2025, 0, 1)
    const file = join(mkdtempSync(join(tmpdir(), 'sessions-')), 'sessions.jsonl')
    const store = new SessionStore({ file, now: () => now })
    const used = store.resolve(request()).session
    const idle = store.resolve(request()).session
    store.resolve(request(cookieOf(idle.id)))
    expect(sessionCookie(used)).toContain(`Max-Age=${SESSION_IDLE_MS / 1000}`)
    for (let day = 0; day < 40; day += 5) {
      now += 5 * 24 * 3600 * 1000
      expect(store.resolve(request(cookieOf(used.id))).session.openid).toBe(used.openid)
    }
    const expired = store.resolve(request(cookieOf(idle.id)))
    expect(expired.created).toBe(true)
    expect(expired.session.openid).not.toBe(idle.openid)
    store.close()
    now += SESSION_IDLE_MS + 1000
    const reopened = new SessionStore({ file, now: () => now })
    expect(reopened.size).toBe(0)
    reopened.close()
  })

  test('cookieless floods are bounded and evict one another, never the sessions whose cookie came back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sessions-'))
    const file = join(dir, 'sessions.jsonl')
    const store = new SessionStore({ file, maxSessions: 50, maxUnconfirmed: 100 })
    const real = Array.from({ length: 50 }, () => store.resolve(request()).session)
    for (const s of real) store.resolve(request(cookieOf(s.id)))
    for (let i = 0; i < 5000; i += 1) store.resolve(request())
    expect(store.size).toBe(150)
    for (const s of real) expect(store.resolve(request(cookieOf(s.id))).created).toBe(false)
    store.close()
    const lines = readFileSync(file, 'utf8').trim().split('\n').length
    expect(lines).toBeLessThan(2 * 150 + 1100)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  test('a request that needs no session gets none', () => {
    const store = new SessionStore()
    expect(store.peek(request())).toBeNull()
    expect(store.peek(request(cookieOf('made-up')))).toBeNull()
    expect(store.size).toBe(0)
  })

  test('a torn last line is dropped, a damaged middle line is skipped and the file kept aside, with notices', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sessions-'))
    const file = join(dir, 'sessions.jsonl')
    const first = new SessionStore({ file })
    const kept = first.resolve(request()).session
    first.close()
    const good = readFileSync(file, 'utf8')
    writeFileSync(file, `{"t":"s","h":"broken\n${good}{"t":"s","h":"torn`)
    const notices: string[] = []
    const again = new SessionStore({ file, warn: (m) => notices.push(m) })
    expect(again.resolve(request(cookieOf(kept.id))).session.openid).toBe(kept.openid)
    again.close()
    expect(notices.join('\n')).toMatch(/line 1 is damaged[\s\S]*torn last line|torn last line[\s\S]*line 1 is damaged/)
    expect(readdirSync(dir).some((f) => f.startsWith('sessions.jsonl.damaged-'))).toBe(true)
  })

  test('malformed cookies are ignored, never thrown', () => {
    const store = new SessionStore()
    for (const cookie of ['fest_sid=%E0%A4%A', 'fest_sid', '=x', 'fest_sid=%', `fest_sid=${'x'.repeat(5000)}`, '__proto__=1; fest_sid=%ZZ']) {
      expect(store.resolve(request(cookie)).created).toBe(true)
    }
  })
})

test('after a restart a visitor still sees their sign-ups in 我的报名', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sessions-app-'))
  const staticDir = mkdtempSync(join(tmpdir(), 'static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')
  const call = async <F extends FunctionName, A extends ActionName<F>>(url: string, cookie: string, fn: F, action: A, input: InputOf<F, A>) => {
    const res = await fetch(`${url}/api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, input }) })
    return { body: (await res.json()) as CallResult<OutputOf<F, A>>, setCookie: res.headers.get('set-cookie') }
  }
  let app = await startLocalApp({ dataDir, staticDir })
  let signupId = ''
  const first = await call(app.url, '', 'clinic', 'mySignups', {})
  const cookie = (first.setCookie ?? '').split(';')[0] as string
  expect(cookie).toMatch(/^fest_sid=/)
  try {
    const slots = await call(app.url, cookie, 'clinic', 'slots', {})
    const slot = present(slots.body.data.items[0], 'a demo slot')
    const signed = await call(app.url, cookie, 'clinic', 'signUp', {
      slotId: slot._id, person: { relation: 'self', name: '王芳', phone: '13900000077', category: 'woman' }, services: slot.services.slice(0, 1), agreePrivacy: true, joinWaitlist: true,
    })
    expect(signed.body).toMatchObject({ ok: true })
    signupId = signed.body.data.signup._id
  } finally {
    await app.close()
  }
  app = await startLocalApp({ dataDir, staticDir })
  try {
    const mine = await call(app.url, cookie, 'clinic', 'mySignups', {})
    expect(mine.body.data.map((s) => s._id)).toContain(signupId)
  } finally {
    await app.close()
  }
}, 60_000)
