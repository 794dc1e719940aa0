// Test harness for the selection function: a fresh local CloudBase-compatible service with the demo
// festival (staff roles included) and the content-security stand-in, whose image verdicts are delivered
// to the function's own `push` entry — the path WeChat's message push takes. Calls go through the typed
// router and the real wx-server-sdk, with a chosen caller and clock.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import type { InputOf } from '../../../src/contract/api'
import type { Selection } from '../../../src/contract/selection'
import type { ContentSecurityStandIn } from '../../../local/content-security'
import type { WxacodeStandIn } from '../../../local/wxacode'
import type { Dispatch } from '../../core/router'
import { docById, docsWhere } from '../../__tests__/narrow'
import { createCaller, type Caller } from '../../__tests__/typed-caller'

export const NOW = '2022-06-25T10:00:00+08:00'
export const ORGANISER = 'demo-organiser-1'
export const EXPERT = 'demo-expert-1'

export interface SelectionHarness {
  db: DB.Database
  cs: ContentSecurityStandIn
  /** The mini-program code stand-in; its codes point at http://h5.local. */
  wxacode: WxacodeStandIn
  call: Caller<'selection'>
  /** A caller through another database handle (one that fails on cue, to simulate a crash). */
  callWith(db: DB.Database): Caller<'selection'>
  /** Calls as a timer trigger makes them (ctx.trigger 'timer'; WeChat passes no user, so openid ''). */
  timer: Caller<'selection'>
  /** Uploads as the app does: a ticket from `uploadTicket`, then the bytes to the ticket's path. */
  upload(openid: string, bytes: Buffer, ext?: InputOf<'selection', 'uploadTicket'>['ext'], now?: string): Promise<string>
  stats(): { total: number; byAction: Record<string, number> }
  resetStats(): void
  close(): Promise<void>
}

export async function startSelectionHarness(): Promise<SelectionHarness> {
  const { startCloudbaseService, sdkEnv } = await import('../../../local/cloudbase')
  const service = await startCloudbaseService({ dataDir: mkdtempSync(join(tmpdir(), 'selection-')), port: 0 })
  Object.assign(process.env, sdkEnv(service))
  const { ALL_COLLECTIONS } = await import('../../core/collections')
  await service.ensureCollections(ALL_COLLECTIONS)
  const { cloud } = await import('../../core/cloud')
  const db = cloud.database()
  const { seedDemoIfEmpty } = await import('../../../local/demo/seed')
  await seedDemoIfEmpty(db)
  const { push } = await import('../index')
  const { installContentSecurity } = await import('../../../local/content-security')
  const cs = installContentSecurity(service, (event) => push(event), { verdictDelayMs: 60_000 })
  const { installWxacode } = await import('../../../local/wxacode')
  const wxacode = installWxacode(service, () => 'http://h5.local')
  const { createDispatcher } = await import('../../core/router')
  const { selectionHandlers } = await import('../handlers')
  const dispatch: Dispatch = createDispatcher('selection', selectionHandlers)
  const callWith = (other: DB.Database) => createCaller<'selection'>(dispatch, (openid, now) => ({ openid, db: other, now: () => new Date(now) }), NOW)
  const call = callWith(db)
  const timer = createCaller<'selection'>(dispatch, (openid, now) => ({ openid, db, now: () => new Date(now), trigger: 'timer' }), NOW)
  return {
    db,
    cs,
    wxacode,
    call,
    callWith,
    timer,
    upload: async (openid, bytes, ext = 'png', now = NOW) => {
      const ticket = await call(openid, 'uploadTicket', { ext, size: bytes.length }, now)
      if (!ticket.ok) throw new Error(`upload ticket refused: ${ticket.message}`)
      const res = await cloud.uploadFile({ cloudPath: ticket.data.cloudPath, fileContent: bytes })
      return res.fileID
    },
    stats: () => service.stats(),
    resetStats: () => service.resetStats(),
    close: async () => {
      await cs.close()
      await service.close()
    },
  }
}

/** Bytes the stand-in treats as an image; `marker` may be RISKY-IMAGE or REVIEW-IMAGE. */
export const png = (marker = '') => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`local test image ${marker}`)])

let selections = 0

/** A selection of the test festival; windows: submissions June, voting 10 June – 10 July 2022 (China time). */
export async function makeSelection(h: SelectionHarness, overrides: Partial<Selection> = {}): Promise<Selection> {
  selections += 1
  const selection: Selection = {
    _id: `test-${selections}-${Math.random().toString(36).slice(2, 8)}`,
    festivalId: 'cq-2022',
    kind: 'photo',
    title: '测试评选',
    intro: '测试',
    order: 100 + selections,
    windows: {
      submitFrom: '2022-06-01T00:00:00+08:00', submitUntil: '2022-07-01T00:00:00+08:00',
      voteFrom: '2022-06-10T00:00:00+08:00', voteUntil: '2022-07-10T00:00:00+08:00',
    },
    limits: { perDay: 3, perWorkPerDay: 2 },
    worksPerPerson: 3,
    weights: { vote: 100, expert: 0 },
    categories: [],
    noticeDays: 7,
    lastNumber: 0,
    published: true,
    ...overrides,
  }
  await h.db.collection('selections').add({ data: selection })
  return selection
}

type PhotoInput = Extract<InputOf<'selection', 'submit'>, { kind: 'photo' }>

export async function submitPhoto(h: SelectionHarness, author: string, selectionId: string, extra: Partial<PhotoInput> = {}) {
  const image = await h.upload(author, png())
  return h.call(author, 'submit', { kind: 'photo', selectionId, title: '一家人的周末', story: '周末去公园', images: [image], showsChild: false, ...extra })
}

/** Submits and approves a photo work; answers its id. */
export async function publishedPhoto(h: SelectionHarness, author: string, selectionId: string, title = '一家人的周末'): Promise<string> {
  const submitted = await submitPhoto(h, author, selectionId, { title })
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.message}`)
  const approved = await h.call(ORGANISER, 'review', { workId: submitted.data._id, decision: 'approve' })
  if (!approved.ok) throw new Error(`approve failed: ${approved.message}`)
  return submitted.data._id
}

/** Documents of a collection matching `where` (up to 1000), read through the SDK. */
export function findDocs<T>(h: SelectionHarness, collection: string, where: Record<string, unknown>): Promise<T[]> {
  return docsWhere<T>(h.db, collection, where)
}

export function findDoc<T>(h: SelectionHarness, collection: string, id: string): Promise<T> {
  return docById<T>(h.db, collection, id)
}

/** A database handle whose updates of `collection` fail after `k` succeeded: the process dying part-way. */
export function crashingAfter(db: DB.Database, k: number, collection = 'selectionBallots'): DB.Database {
  let left = k
  const query = (q: object): object => new Proxy(q, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      if (prop === 'update') {
        return (...args: unknown[]) => {
          if (left <= 0) return Promise.reject(new Error('simulated crash'))
          left -= 1
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      }
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args)
        return typeof out === 'object' && out !== null && (prop === 'where' || prop === 'doc') ? query(out) : out
      }
    },
  })
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (prop !== 'collection' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value
      return (name: string) => {
        const handle = (value as (n: string) => object).call(target, name)
        return name === collection ? query(handle) : handle
      }
    },
  }) as DB.Database
}
