// Where a vote's time goes locally: a short vote storm (selection-storm.ts) through the full local stack,
// all in this process, under the V8 CPU profiler (node:inspector); every sample is put in the area of
// the innermost frame whose file belongs to one — gateway, function code, wx-server-sdk (signing,
// EJSON, its HTTP client), local CloudBase service (store, queries), Node's HTTP and sockets, the
// storm's own client (fetch) — and the areas are printed as shares of the busy time. The profiler sees
// one thread, so the functions run in process here (the local runtime otherwise runs each in its own
// worker-thread instance, bench/function-instances.ts measures what that costs).
// `npx tsx bench/vote-profile.ts`, or part of `npm run bench` (profileFigures).
import { Session } from 'node:inspector/promises'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT, startLocalApp, type LocalApp } from '../local/runtime'
import { createBenchSelection, organiserBrowser, publishWorks, settleVerdicts } from './selection-setup'
import { voteStorm } from './selection-storm'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const AREAS: Array<[string, RegExp]> = [
  ['wx-server-sdk / tcb SDK (signing, EJSON, request building)', /node_modules\/(wx-server-sdk|@cloudbase|tcb-|bson|jsonwebtoken|crypto-js|lodash)/],
  ['storm client (fetch / undici)', /node:internal\/deps\/undici|undici/],
  ['local CloudBase service (store, queries)', /\/local\/cloudbase\/|node_modules\/mingo/],
  ['gateway (sessions, routing, limits)', /\/local\/gateway\/|\/local\/platform-limits|\/local\/runtime/],
  ['function code (selection bundle)', /\/cloudfunctions\/|\/server\//],
  ['Node HTTP and sockets', /node:(_http|http|net|internal\/(http|streams|stream_base|net|timers|dns))|_http_/],
  ['JSON / zod / other libraries', /node_modules\//],
]

function areaOf(url: string): string | null {
  for (const [area, pattern] of AREAS) if (pattern.test(url)) return area
  return null
}

/** Busy time (ms) per area: each sample goes to its node's area, inherited from the caller when the node has none. */
export function byArea(profile: Profile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const area = new Map<number, string>()
  const root = profile.nodes[0]
  const visit = (id: number, inherited: string) => {
    const node = nodes.get(id)
    if (!node) return
    const own = node.callFrame.functionName === '(garbage collector)' ? 'garbage collection' : node.callFrame.functionName === '(program)' ? 'V8 / native (program)' : areaOf(node.callFrame.url)
    const mine = own ?? inherited
    area.set(id, mine)
    for (const child of node.children ?? []) visit(child, mine)
  }
  if (root) visit(root.id, 'other')
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)
    if (node?.callFrame.functionName === '(idle)') return
    const key = area.get(id) ?? 'other'
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return totals
}

export async function profileFigures(given: LocalApp, users = 150): Promise<Array<[string, string]>> {
  if (given.functions.isolation !== 'in-process') {
    const own = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-profile-')), port: 0, isolation: 'in-process' })
    try {
      return await profileFigures(own, users)
    } finally {
      await own.close()
    }
  }
  const app = given
  const organiser = await organiserBrowser(app)
  const selection = await createBenchSelection(app, 'bench-profile', { perDay: 3, perWorkPerDay: 1 })
  const works = await publishWorks(app, organiser, selection._id, 3)
  await settleVerdicts(app, selection._id)
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  const storm = await voteStorm(app.url, selection._id, works, users)
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile }
  session.disconnect()
  const totals = byArea(profile)
  const busy = [...totals.values()].reduce((a, b) => a + b, 0)
  const rows: Array<[string, string]> = [[
    `vote profile: ${storm.requests} requests in ${storm.seconds.toFixed(1)} s, one thread (functions in process)`,
    `${busy.toFixed(0)} ms busy CPU, ${(busy / storm.requests).toFixed(2)} ms per request`,
  ]]
  for (const [area, ms] of [...totals.entries()].sort((a, b) => b[1] - a[1])) {
    rows.push([`  ${area}`, `${((ms / busy) * 100).toFixed(1)}% (${(ms / storm.requests).toFixed(2)} ms per request)`])
  }
  return rows
}

async function main(): Promise<void> {
  const app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'bench-profile-')), port: 0, isolation: 'in-process' })
  try {
    const rows = await profileFigures(app)
    const width = Math.max(...rows.map(([k]) => k.length))
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
  } finally {
    await app.close()
  }
}

if (process.argv[1] && join(process.argv[1]) === join(REPO_ROOT, 'bench', 'vote-profile.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
