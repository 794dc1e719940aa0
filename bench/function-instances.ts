// What running each function in its own instance (a worker thread, as the local runtime does so that a
// timed-out call can be stopped as CloudBase stops it) costs per call: the vote storm (selection-storm.ts)
// and the 2,000-resident sign-up rush (clinic.ts) through the full local stack, per isolation mode.
// Both modes in turn (ROUNDS=n rounds, 2 by default), with the process's CPU time (all threads) per
// request beside the wall-clock figures, which other load on the machine disturbs more.
// `npx tsx bench/function-instances.ts`.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalApp, type LocalAppOptions } from '../local/runtime'
import { clinicFigures } from './clinic'
import { createBenchSelection, organiserBrowser, publishWorks, settleVerdicts } from './selection-setup'
import { summarise, voteStorm } from './selection-storm'

const STORM_USERS = 500

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since)
  return (user + system) / 1000
}

export async function instanceFigures(isolation: LocalAppOptions['isolation']): Promise<Array<[string, string]>> {
  const app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-instances-')), port: 0, isolation })
  try {
    const organiser = await organiserBrowser(app)
    const selection = await createBenchSelection(app, 'bench-instances', { perDay: 3, perWorkPerDay: 1 })
    const works = await publishWorks(app, organiser, selection._id, 3)
    await settleVerdicts(app, selection._id)
    const stormCpu = process.cpuUsage()
    const storm = await voteStorm(app.url, selection._id, works, STORM_USERS)
    const stormCpuMs = cpuMs(stormCpu)
    const s = summarise(storm)
    const rush = (await clinicFigures(app)).filter(([k]) => k.startsWith('rush: throughput') || k.startsWith('rush: latency') || k.startsWith('rush: exactly'))
    return [
      ['vote storm: requests/s', `${s.requestsPerSecond.toFixed(0)} (${storm.requests} requests in ${storm.seconds.toFixed(2)} s, ${((storm.seconds * 1000) / storm.requests).toFixed(2)} ms per request)`],
      ['vote storm: vote latency', `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`],
      ['vote storm: CPU per request (all threads)', `${(stormCpuMs / storm.requests).toFixed(2)} ms`],
      ...rush,
    ]
  } finally {
    await app.close()
  }
}

async function main(): Promise<void> {
  for (let round = 1; round <= Number(process.env.ROUNDS ?? 2); round += 1) {
    for (const isolation of ['in-process', 'worker'] as const) {
      const rows = await instanceFigures(isolation)
      console.log(`\n== round ${round}: functions ${isolation === 'worker' ? 'in worker-thread instances' : 'in process'} ==`)
      const width = Math.max(...rows.map(([k]) => k.length))
      for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
