// Test harness for handlers: a fresh local CloudBase-compatible service in a temp dir, wx-server-sdk
// pointed at it, the demo festival loaded with its 2022 dates (seeded as of DEMO_REPLAY_DAY, so its
// slots and selection windows sit around 15 October 2022), and a context factory with a chosen caller
// and clock, and typed callers of any function's handlers through that context.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import type { FunctionName } from '../../src/contract/schemas'
import type { Ctx } from '../core/context'
import { ALL_COLLECTIONS } from '../core/collections'
import { createDispatcher, type Handlers } from '../core/router'
import { createCaller, type Caller } from './typed-caller'

/** The harness's default clock: 25 June 2022, 10:00 China time. */
export const HARNESS_NOW = '2022-06-25T10:00:00+08:00'

export interface Harness {
  db: DB.Database
  ctx(openid: string, now?: string): Ctx
  /** A caller of `fn`'s handlers typed from its contract, at `now` (default HARNESS_NOW) unless a call names a time. */
  caller<F extends FunctionName>(fn: F, handlers: Handlers<F>, now?: string): Caller<F>
  stats(): { total: number; byAction: Record<string, number> }
  resetStats(): void
  /** Answers `cloud.openapi.<name>` calls (e.g. subscribeMessage.send) through the service's hook. */
  registerOpenApi(name: string, handler: (data: Record<string, unknown>) => unknown): void
  /** Accepts every subscribe message from now on; answers the list they are recorded in, in send order. */
  acceptSubscribeMessages(): Array<Record<string, unknown>>
  close(): Promise<void>
}

/** Runs `run` as WeChat runs a function for a signed-in user (`cloud.getWXContext().OPENID` is `openid`). */
export async function asWeChatUser<T>(openid: string, run: () => Promise<T>): Promise<T> {
  Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: openid })
  try {
    return await run()
  } finally {
    delete process.env.WX_CONTEXT_KEYS
    delete process.env.WX_OPENID
  }
}

export async function startHarness({ seed = true } = {}): Promise<Harness> {
  const { startCloudbaseService, sdkEnv } = await import('../../local/cloudbase')
  const service = await startCloudbaseService({ dataDir: mkdtempSync(join(tmpdir(), 'handlers-')), port: 0 })
  Object.assign(process.env, sdkEnv(service))
  await service.ensureCollections(ALL_COLLECTIONS)
  const { cloud } = await import('../core/cloud')
  const db = cloud.database()
  if (seed) {
    const { seedDemoIfEmpty } = await import('../../local/demo/seed')
    const { DEMO_REPLAY_DAY } = await import('../../local/demo')
    await seedDemoIfEmpty(db, new Date(`${DEMO_REPLAY_DAY}T08:00:00+08:00`))
  }
  const ctx = (openid: string, now = HARNESS_NOW): Ctx => ({ openid, db, now: () => new Date(now) })
  return {
    db,
    ctx,
    caller: (fn, handlers, now = HARNESS_NOW) => createCaller(createDispatcher(fn, handlers), ctx, now),
    stats: () => service.stats(),
    resetStats: () => service.resetStats(),
    registerOpenApi: (name, handler) => service.registerOpenApi(name, handler),
    acceptSubscribeMessages() {
      const sent: Array<Record<string, unknown>> = []
      service.registerOpenApi('subscribeMessage.send', (data) => {
        sent.push(data)
        return { errcode: 0, errmsg: 'ok' }
      })
      return sent
    },
    close: () => service.close(),
  }
}
