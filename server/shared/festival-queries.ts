// Database reads for browsing the festival. Each function is one database request.
import type { DB } from 'wx-server-sdk'
import type { Festival, FestivalEvent, Venue } from '../../src/contract/model'
import { COLLECTIONS } from '../core/collections'
import { getDocs, getFirst } from '../core/db'

/** Events per venue are few (a programme, not a feed); CloudBase's server-side page maximum is 1000. */
const MAX_EVENTS_PER_VENUE = 1000
const MAX_VENUES = 100

const VENUE_SUMMARY_FIELDS = {
  _id: true, name: true, host: true, district: true, place: true, startDate: true, endDate: true, theme: true,
}

export function currentFestival(db: DB.Database): Promise<Festival | null> {
  return getFirst<Festival>(
    db.collection(COLLECTIONS.festivals).where({ published: true }).orderBy('startDate', 'desc').limit(1),
  )
}

export function festivalVenues(db: DB.Database, festivalId: string): Promise<Venue[]> {
  return getDocs<Venue>(
    db.collection(COLLECTIONS.venues)
      .where({ festivalId })
      .orderBy('order', 'asc')
      .field(VENUE_SUMMARY_FIELDS)
      .limit(MAX_VENUES),
  )
}

export function venueById(db: DB.Database, venueId: string): Promise<Venue | null> {
  return getFirst<Venue>(db.collection(COLLECTIONS.venues).where({ _id: venueId }).limit(1))
}

export function venueEvents(db: DB.Database, venueId: string): Promise<FestivalEvent[]> {
  return getDocs<FestivalEvent>(
    db.collection(COLLECTIONS.events).where({ venueId }).orderBy('startAt', 'asc').limit(MAX_EVENTS_PER_VENUE),
  )
}

export function eventById(db: DB.Database, eventId: string): Promise<FestivalEvent | null> {
  return getFirst<FestivalEvent>(db.collection(COLLECTIONS.events).where({ _id: eventId }).limit(1))
}
