// Local stand-in for WeChat's identity: each browser gets a session cookie bound to an openid. A new
// browser is an anonymous resident (a fresh visitor openid), as a new WeChat user would be; the local
// sign-in screen can bind the session to a demo identity instead. The openid never comes from the body.
//
// Sessions outlive restarts: every change is appended, before the answer, as one JSON line to
// `sessions.jsonl` (keyed by a SHA-256 of the cookie, so the file holds no usable cookie), replayed on
// start and compacted (tmp + fsync + rename) when it holds over twice the live sessions. They expire
// after 30 days without a request (the cookie's Max-Age slides with use), and are bounded: a session
// whose cookie never came back ("unconfirmed", e.g. a cookieless script) is capped separately and
// evicted first, so a flood of cookieless requests cannot push out real visitors.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage } from 'node:http'
import { demoIdentities, type DemoIdentity } from '../demo/identities'
import { parseCookies } from './http-util'

export const SESSION_COOKIE = 'fest_sid'
export const SESSION_IDLE_MS = 30 * 24 * 3600 * 1000
/** How stale a persisted last-seen time may get before a request rewrites it (and refreshes the cookie). */
const TOUCH_EVERY_MS = 3600 * 1000

export interface Session {
  id: string
  openid: string
  /** Set when signed in as a demo identity from the local sign-in screen. */
  identity?: DemoIdentity
}

interface Entry {
  session: Session
  hash: string
  seen: number
  savedSeen: number
  confirmed: boolean
}

interface Line { t: 's' | 'd'; h: string; o?: string; k?: string; s?: number; c?: 1 }

export interface SessionStoreOptions {
  /** Where sessions persist; in memory only when absent. */
  file?: string
  idleMs?: number
  /** Sessions whose cookie came back at least once. */
  maxSessions?: number
  /** Sessions created for a cookieless request and never seen again. */
  maxUnconfirmed?: number
  now?: () => number
  /** Notices about the file (damaged lines); console.warn by default. */
  warn?: (message: string) => void
}

const hashOf = (id: string): string => createHash('sha256').update(id).digest('base64url')
const visitorOpenid = (): string => `local-visitor-${randomBytes(8).toString('hex')}`

export class SessionStore {
  private readonly confirmed = new Map<string, Entry>()
  private readonly unconfirmed = new Map<string, Entry>()
  private readonly idleMs: number
  private readonly maxSessions: number
  private readonly maxUnconfirmed: number
  private readonly now: () => number
  private fd: number | null = null
  private lines = 0

  constructor(private readonly options: SessionStoreOptions = {}) {
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS
    this.maxSessions = options.maxSessions ?? 50_000
    this.maxUnconfirmed = options.maxUnconfirmed ?? 5_000
    this.now = options.now ?? Date.now
    if (options.file) this.load(options.file)
  }

  get size(): number {
    return this.confirmed.size + this.unconfirmed.size
  }

  /** The request's live session, if its cookie names one; never creates one. */
  peek(req: IncomingMessage): Session | null {
    return this.lookup(req)?.session ?? null
  }

  /**
   * The request's session, creating a visitor session when there is none. `setCookie` says the answer
   * must (re)send the cookie: a new session, or one whose expiry slides forward.
   */
  resolve(req: IncomingMessage): { session: Session; setCookie: boolean; created: boolean } {
    const found = this.lookup(req)
    if (found) {
      const refresh = found.seen - found.savedSeen >= TOUCH_EVERY_MS || !found.confirmed
      if (!found.confirmed) {
        this.unconfirmed.delete(found.hash)
        found.confirmed = true
        this.confirmed.set(found.hash, found)
      }
      if (refresh) this.save(found)
      return { session: found.session, setCookie: refresh, created: false }
    }
    const session: Session = { id: randomBytes(18).toString('base64url'), openid: visitorOpenid() }
    const now = this.now()
    const entry: Entry = { session, hash: hashOf(session.id), seen: now, savedSeen: now, confirmed: false }
    this.unconfirmed.set(entry.hash, entry)
    this.save(entry)
    this.evict()
    return { session, setCookie: true, created: true }
  }

  signIn(session: Session, identity: DemoIdentity): void {
    session.identity = identity
    session.openid = identity.openid
    this.saveSession(session)
  }

  signOut(session: Session): void {
    delete session.identity
    session.openid = visitorOpenid()
    this.saveSession(session)
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
  }

  private lookup(req: IncomingMessage): Entry | null {
    const sid = parseCookies(req.headers.cookie)[SESSION_COOKIE]
    if (!sid || sid.length > 64) return null
    const hash = hashOf(sid)
    const entry = this.confirmed.get(hash) ?? this.unconfirmed.get(hash)
    if (!entry) return null
    entry.session.id = sid
    const now = this.now()
    if (now - entry.seen > this.idleMs) {
      this.remove(entry)
      return null
    }
    entry.seen = now
    if (entry.confirmed) {
      this.confirmed.delete(hash)
      this.confirmed.set(hash, entry)
    }
    return entry
  }

  /** Drops expired sessions from the front of each map (least recently seen first), then the oldest over the caps. */
  private evict(): void {
    const now = this.now()
    for (const [map, cap] of [[this.unconfirmed, this.maxUnconfirmed], [this.confirmed, this.maxSessions]] as const) {
      for (const entry of map.values()) {
        if (map.size <= cap && now - entry.seen <= this.idleMs) break
        this.remove(entry)
      }
    }
    if (this.fd !== null && this.lines > 2 * this.size + 1000) this.compact()
  }

  private remove(entry: Entry): void {
    this.confirmed.delete(entry.hash)
    this.unconfirmed.delete(entry.hash)
    this.append({ t: 'd', h: entry.hash })
  }

  private saveSession(session: Session): void {
    const entry = this.confirmed.get(hashOf(session.id)) ?? this.unconfirmed.get(hashOf(session.id))
    if (entry) this.save(entry)
  }

  private save(entry: Entry): void {
    entry.savedSeen = entry.seen
    this.append(this.lineOf(entry))
  }

  private lineOf(entry: Entry): Line {
    const { openid, identity } = entry.session
    return { t: 's', h: entry.hash, o: openid, ...(identity ? { k: identity.key } : {}), s: entry.seen, ...(entry.confirmed ? { c: 1 as const } : {}) }
  }

  private append(line: Line): void {
    if (this.fd === null) return
    fs.writeSync(this.fd, `${JSON.stringify(line)}\n`)
    this.lines += 1
  }

  private load(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
    const rows = text.split('\n')
    const last = rows.length - 1
    let damaged = 0
    const entries = new Map<string, Entry>()
    rows.forEach((row, i) => {
      if (row === '') return
      let line: Line
      try {
        line = JSON.parse(row) as Line
        if (typeof line.h !== 'string' || (line.t === 's' && (typeof line.o !== 'string' || typeof line.s !== 'number'))) throw new Error('shape')
      } catch {
        if (i === last) {
          this.warn(`${file}: dropped a torn last line (written when the app stopped mid-write)`)
        } else {
          damaged += 1
          this.warn(`${file}: line ${i + 1} is damaged and was skipped; that browser will start as a new visitor`)
        }
        return
      }
      if (line.t === 'd') entries.delete(line.h)
      else entries.set(line.h, this.entryOf(line))
    })
    if (damaged > 0) {
      const aside = `${file}.damaged-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`
      fs.copyFileSync(file, aside)
      this.warn(`${file}: the damaged file was kept as ${aside}`)
    }
    const now = this.now()
    const live = [...entries.values()].filter((e) => now - e.seen <= this.idleMs).sort((a, b) => a.seen - b.seen)
    for (const entry of live) (entry.confirmed ? this.confirmed : this.unconfirmed).set(entry.hash, entry)
    this.fd = null
    this.writeSnapshot(file)
  }

  private entryOf(line: Line): Entry {
    const identity = line.k ? demoIdentities.find((i) => i.key === line.k) : undefined
    const openid = line.k && !identity ? visitorOpenid() : line.o ?? visitorOpenid()
    const seen = line.s ?? 0
    // The cookie itself is not stored, only its hash: `id` is filled in when the cookie comes back.
    return { session: { id: '', openid, ...(identity ? { identity } : {}) }, hash: line.h, seen, savedSeen: seen, confirmed: line.c === 1 }
  }

  private compact(): void {
    if (!this.options.file) return
    this.close()
    this.writeSnapshot(this.options.file)
  }

  /** Rewrites the file with one line per live session (tmp + fsync + rename), then appends to it. */
  private writeSnapshot(file: string): void {
    const all = [...this.unconfirmed.values(), ...this.confirmed.values()]
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
    const fd = fs.openSync(tmp, 'w', 0o600)
    try {
      fs.writeSync(fd, all.map((e) => `${JSON.stringify(this.lineOf(e))}\n`).join(''))
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, file)
    this.fd = fs.openSync(file, 'a', 0o600)
    this.lines = all.length
  }

  private warn(message: string): void {
    ;(this.options.warn ?? console.warn)(`[sessions] ${message}`)
  }
}

export function sessionCookie(session: Session, idleMs = SESSION_IDLE_MS): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/; Max-Age=${Math.floor(idleMs / 1000)}; HttpOnly; SameSite=Lax`
}
