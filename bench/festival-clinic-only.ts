// `npx tsx bench/festival-clinic-only.ts`: the clinic half of the festival-scale table alone (100,000
// sign-ups, the rush on a 10,000-row slot, the export jobs), on a fresh local app, without the selection
// half's million votes. Builds the functions when missing. Ends with each function's peak JS heap
// (V8 total_heap_size after a call, its instances capped at the declared memorySize).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from '../local/build-if-needed'
import { REPO_ROOT, startLocalApp } from '../local/runtime'
import { declaredMemory } from '../local/platform-limits'
import { festivalClinicRows } from './festival-clinic'
import { formatRows } from './festival-limits'

async function main(): Promise<void> {
  buildIfNeeded(REPO_ROOT, (line) => console.log(line))
  const app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-clinic-')), port: 0 })
  try {
    const rows = await festivalClinicRows(app)
    for (const line of formatRows(rows)) console.log(line)
    for (const fn of app.functions.functions.keys()) {
      console.log(`${fn}: peak JS heap ${app.functions.peakHeapMb(fn)} MB of memorySize ${declaredMemory(join(REPO_ROOT, 'cloudfunctions'), fn)} MB`)
    }
    if (rows.some((r) => r.outcome.startsWith('FAILS'))) process.exitCode = 1
  } finally {
    await app.close()
  }
}

void main()
