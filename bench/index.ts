// `npm run bench`: prints the project's figures. Builds what it measures when missing. Later issues add
// their load benchmarks here. Sections can be left out with BENCH_SKIP_SELECTION=1, BENCH_SKIP_PROFILE=1,
// BENCH_SKIP_FESTIVAL=1, BENCH_SKIP_FESTIVAL_CLINIC=1.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from '../local/build-if-needed'
import { REPO_ROOT, startLocalApp } from '../local/runtime'
import { clinicFigures } from './clinic'
import { clinicAdminFigures } from './clinic-admin'
import { contentFigures } from './content'
import { selectionFigures } from './selection'
import { festivalScaleFigures } from './festival-scale'
import { profileFigures } from './vote-profile'
import { browsingCalls, countRequests } from './db-requests'
import { cloudbaseReadFigures } from './cloudbase-aggregate'
import { ledgerScanFigure } from './cloudbase-ledger-scan'
import { functionSizes, weappSizes } from './sizes'
import { crashFigures } from './crash'
import { weappFigures } from './weapp'
import { spawnSync } from 'node:child_process'

function print(rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
}

async function main(): Promise<void> {
  buildIfNeeded(REPO_ROOT, (line) => console.log(line))
  if (!existsSync(join(REPO_ROOT, 'dist', 'app.json'))) {
    spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  console.log('\n== sizes ==')
  print([...weappSizes(join(REPO_ROOT, 'dist')), ...functionSizes(join(REPO_ROOT, 'cloudfunctions'))])
  console.log('\n== local CloudBase service: reads over 20,000 documents and a 1,000,000-vote ledger scan (service side, no HTTP/SDK) ==')
  print([...(await cloudbaseReadFigures()), ...(await ledgerScanFigure())])
  console.log('\n== weapp build run headlessly (weapp tier): setData per first screen and flow step, launch time ==')
  print(await weappFigures())
  const app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-')), port: 0 })
  try {
    console.log('\n== database requests per action (full local stack) ==')
    print(await countRequests(app, browsingCalls))
    console.log('\n== clinic sign-up: database requests and a 2,000-resident rush (full local stack) ==')
    print(await clinicFigures(app))
    console.log('\n== lectures and discount-week offers: database requests and a 1,000-resident claim rush (full local stack) ==')
    print(await contentFigures(app))
    console.log('\n== clinic staff tools: list pages and the export of 10,000 sign-ups (full local stack) ==')
    print(await clinicAdminFigures(app))
    console.log('\n== selections: requests per vote and page, vote storm vs bare http, 10,000 works / 1,000,000 votes ==')
    if (process.env.BENCH_SKIP_SELECTION !== '1') print(await selectionFigures(app))
    console.log('\n== where a vote\'s time goes locally: a short storm under the CPU profiler, by area (bench/vote-profile.ts) ==')
    if (process.env.BENCH_SKIP_PROFILE !== '1') print(await profileFigures(app))
  } finally {
    await app.close()
  }
  if (process.env.BENCH_SKIP_FESTIVAL === '1') return
  const big = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-festival-')), port: 0 })
  try {
    console.log('\n== festival scale under CloudBase\'s per-call limits (declared timeout, 3 s default): 1,000,000 votes / 10,000 works, 100,000 sign-ups ==')
    for (const line of await festivalScaleFigures(big)) console.log(line)
  } finally {
    await big.close()
  }
  console.log('\n== crash drill: kill -9 under sign-up + vote load, immediate restart (runtime in a child process) ==')
  print(await crashFigures())
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
