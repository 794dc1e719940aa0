// The festival-scale selection rows alone (`npx tsx bench/festival-selection.ts`): the same table as
// `npm run bench` prints, without the other sections or the clinic rows — for checking the selection's
// long actions against their limits in a few minutes.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from '../local/build-if-needed'
import { REPO_ROOT, startLocalApp } from '../local/runtime'
import { festivalScaleFigures } from './festival-scale'

async function main(): Promise<void> {
  buildIfNeeded(REPO_ROOT, (line) => console.log(line))
  process.env.BENCH_SKIP_FESTIVAL_CLINIC = '1'
  const app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-festival-')), port: 0 })
  try {
    for (const line of await festivalScaleFigures(app)) console.log(line)
  } finally {
    await app.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
