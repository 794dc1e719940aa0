// How to reach venues: address, coordinates and phone of a few venues, in one database request.
import type { DB } from 'wx-server-sdk'
import type { VenuePlace } from '../../src/contract/model'
import { COLLECTIONS } from '../core/collections'
import { getDocs } from '../core/db'

const PLACE_FIELDS = { _id: true, name: true, host: true, address: true, place: true, latitude: true, longitude: true, phone: true }

export function venuePlaces(db: DB.Database, venueIds: string[]): Promise<VenuePlace[]> {
  return getDocs<VenuePlace>(
    db.collection(COLLECTIONS.venues).where({ _id: db.command.in(venueIds) }).field(PLACE_FIELDS).limit(venueIds.length),
  )
}
