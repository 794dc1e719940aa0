// The local runtime keeps its data across restarts and loads the demo festival only once.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalApp } from '../runtime'

test('demo data is loaded on first start only, and data persists across a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-'))
  const staticDir = mkdtempSync(join(tmpdir(), 'static-'))
  const first = await startLocalApp({ dataDir, staticDir })
  expect(first.seeded).toBe(true)
  await first.db.collection('venues').doc('banan').update({ data: { intro: '重启后仍在' } })
  await first.close()

  const second = await startLocalApp({ dataDir, staticDir })
  try {
    expect(second.seeded).toBe(false)
    const res = await fetch(`${second.url}/api/fn/festival`, { method: 'POST', body: '{"action":"venue","input":{"venueId":"banan"}}' })
    const body = (await res.json()) as { ok: boolean; data: { venue: { intro: string } } }
    expect(body.data.venue.intro).toBe('重启后仍在')
    const counted = (await second.db.collection('venues').count()) as { total: number }
    expect(counted.total).toBe(4)
  } finally {
    await second.close()
  }
})
