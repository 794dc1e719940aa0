// Shared reads of the `content` function: who the caller is as a viewer (a hash, so openids never sit
// in view and progress records), temp URLs of stored files, and festival events by id.
import { createHash } from 'node:crypto'
import type { DB } from 'wx-server-sdk'
import type { EventRef } from '../../src/contract/content'
import { COLLECTIONS } from '../core/collections'
import { getDocs } from '../core/db'

/** 16 hex characters naming one WeChat account in view, progress and claim ids. */
export function viewerKey(openid: string): string {
  return createHash('sha256').update(`viewer\n${openid}`, 'utf8').digest('hex').slice(0, 16)
}

const EVENT_REF_FIELDS = { _id: true, title: true, kind: true, startAt: true, place: true, venueId: true }

/** The events with these ids, in time order (one request; none for an empty list). */
export async function eventsByIds(db: DB.Database, ids: string[]): Promise<EventRef[]> {
  if (ids.length === 0) return []
  const _ = db.command
  return getDocs<EventRef>(
    db.collection(COLLECTIONS.events).where({ _id: _.in(ids) }).field(EVENT_REF_FIELDS).orderBy('startAt', 'asc').limit(ids.length),
  )
}

