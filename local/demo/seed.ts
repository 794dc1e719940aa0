// Loads the demo festival into an empty database through wx-server-sdk (the same path the functions
// use). Runs on every local start and does nothing once the festival is there, except that demo clinic
// slots are added to a data folder created before they existed (an empty clinicSlots collection).
import type { DB } from 'wx-server-sdk'
import { demoCollections } from './index'

async function isEmpty(db: DB.Database, collection: string): Promise<boolean> {
  const counted = (await db.collection(collection).count()) as { total?: number }
  return (counted.total ?? 0) === 0
}

async function seed(db: DB.Database, collection: string): Promise<void> {
  for (const doc of demoCollections[collection] ?? []) await db.collection(collection).add({ data: doc })
}

export async function seedDemoIfEmpty(db: DB.Database): Promise<boolean> {
  if (!(await isEmpty(db, 'festivals'))) {
    if (await isEmpty(db, 'clinicSlots')) await seed(db, 'clinicSlots')
    return false
  }
  for (const collection of Object.keys(demoCollections)) await seed(db, collection)
  return true
}
