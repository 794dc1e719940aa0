// What every handler receives besides its input: who is calling (from the platform, never from the
// request body), the database, and a clock. Built by the transport adapters, never by handlers.
import type { DB } from 'wx-server-sdk'
import { cloud } from './cloud'

export interface Identity {
  /** The caller's openid: cloud.getWXContext().OPENID in WeChat, the gateway session locally. */
  openid: string
}

export interface Ctx extends Identity {
  db: DB.Database
  now: () => Date
  /** Set only when the platform's timer trigger invoked the function (no user, openid ''). */
  trigger?: 'timer'
}

export function createContext(identity: Identity, clock: () => Date = () => new Date()): Ctx {
  return { openid: identity.openid, db: cloud.database(), now: clock }
}
