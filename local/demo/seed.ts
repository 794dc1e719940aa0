// Loads the demo festival into an empty database through wx-server-sdk (the same path the functions
// use). Runs on every local start and does nothing once the festival is there.
import type { DB } from 'wx-server-sdk'
import { demoCollections } from './index'

export async function seedDemoIfEmpty(db: DB.Database): Promise<boolean> {
  const counted = (await db.collection('festivals').count()) as { total?: number }
  if ((counted.total ?? 0) > 0) return false
  for (const [collection, docs] of Object.entries(demoCollections)) {
    for (const doc of docs) await db.collection(collection).add({ data: doc })
  }
  return true
}
