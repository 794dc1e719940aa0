// Loads the demo festival into an empty database through wx-server-sdk (the same path the functions
// use), dated as of `now` (index.ts). Runs on every local start and does nothing once the festival is
// there, except that a data folder created before the demo had clinic slots (an empty clinicSlots
// collection) gets those demo slots that lie within its stored festival's dates.
import type { DB } from 'wx-server-sdk'
import { getFirst } from '../../server/core/db'
import { demoCollections } from './index'

type Doc = { _id: string } & Record<string, unknown>

async function isEmpty(db: DB.Database, collection: string): Promise<boolean> {
  const counted = (await db.collection(collection).count()) as { total?: number }
  return (counted.total ?? 0) === 0
}

async function seed(db: DB.Database, collection: string, docs: Doc[]): Promise<void> {
  for (const doc of docs) await db.collection(collection).add({ data: doc })
}

/** The demo slots that lie within the dates of the festival they belong to, as stored. */
async function slotsWithinStoredFestival(db: DB.Database, slots: Doc[]): Promise<Doc[]> {
  const kept: Doc[] = []
  for (const slot of slots) {
    const festival = await getFirst<{ startDate: string; endDate: string }>(db.collection('festivals').where({ _id: slot.festivalId }).limit(1))
    const date = String(slot.date)
    if (festival && festival.startDate <= date && date <= festival.endDate) kept.push(slot)
  }
  return kept
}

export async function seedDemoIfEmpty(db: DB.Database, now: Date = new Date()): Promise<boolean> {
  const demo = demoCollections(now)
  if (!(await isEmpty(db, 'festivals'))) {
    if (await isEmpty(db, 'clinicSlots')) await seed(db, 'clinicSlots', await slotsWithinStoredFestival(db, demo.clinicSlots ?? []))
    return false
  }
  for (const [collection, docs] of Object.entries(demo)) await seed(db, collection, docs)
  return true
}
