// Selection figures through the full local stack (gateway → selection bundle → wx-server-sdk → local
// CloudBase service): database requests per accepted / refused / repeated vote and per page, a vote
// storm with exactness checks beside a bare Node http server, and page latency at 10,000 works and
// 1,000,000 vote records (selection-bulk.ts).
import { getDocs } from '../server/core/db'
import type { Ledger } from '../server/selection/ballots'
import type { LocalApp } from '../local/runtime'
import { callFn, newBrowser, type Browser } from './gateway-client'
import { bulkFigures } from './selection-bulk'
import { createBenchSelection, dbCount, organiserBrowser, publishWorks, settleVerdicts } from './selection-setup'
import { bareServer, summarise, voteStorm } from './selection-storm'

const STORM_USERS = 500

async function counted(app: LocalApp, label: string, call: () => Promise<{ ok: boolean; message?: string; code?: string }>, expectOk = true): Promise<[string, string]> {
  app.cloudbase.resetStats()
  const res = await call()
  if (res.ok !== expectOk) throw new Error(`${label}: unexpected ${res.code ?? 'ok'} ${res.message ?? ''}`)
  const { db, other, detail } = dbCount(app)
  return [label, `${db} db requests${other ? ` + ${other} other` : ''} (${detail})`]
}

async function roundTrips(app: LocalApp, selectionId: string, works: string[]): Promise<Array<[string, string]>> {
  const voter: Browser = await newBrowser(app.url)
  const vote = (workId: string, requestId: string) => () => callFn(app.url, voter, 'selection', 'vote', { selectionId, workId, requestId })
  await callFn(app.url, voter, 'selection', 'work', { workId: works[0] })
  return [
    await counted(app, 'vote: accepted, voter\'s first in the selection', vote(works[0] as string, 'rt-vote-1')),
    await counted(app, 'vote: accepted', vote(works[1] as string, 'rt-vote-2')),
    await counted(app, 'vote: retry of a counted vote (same request id)', vote(works[1] as string, 'rt-vote-2')),
    await counted(app, 'vote: refused, per-work limit', vote(works[1] as string, 'rt-vote-3'), false),
    await counted(app, 'vote: accepted', vote(works[2] as string, 'rt-vote-4')),
    await counted(app, 'vote: refused, daily limit', vote(works[3] as string, 'rt-vote-5'), false),
    await counted(app, 'gallery page (latest, 12)', () => callFn(app.url, voter, 'selection', 'gallery', { selectionId })),
    await counted(app, 'gallery page (most voted, 12)', () => callFn(app.url, voter, 'selection', 'gallery', { selectionId, order: 'votes' })),
    await counted(app, 'ranking page (20)', () => callFn(app.url, voter, 'selection', 'ranking', { selectionId })),
    await counted(app, 'work page (with remaining votes)', () => callFn(app.url, voter, 'selection', 'work', { workId: works[1] })),
  ]
}

async function stormFigures(app: LocalApp, organiser: Browser): Promise<Array<[string, string]>> {
  const selection = await createBenchSelection(app, 'bench-storm', { perDay: 3, perWorkPerDay: 1 })
  const works = await publishWorks(app, organiser, selection._id, 3)
  await settleVerdicts(app, selection._id)
  const storm = await voteStorm(app.url, selection._id, works, STORM_USERS)
  const ledgers = await getDocs<Ledger>(app.db.collection('selectionBallots').where({ selectionId: selection._id }).limit(1000))
  const stored = await getDocs<{ _id: string; votes: number }>(app.db.collection('selectionWorks').where({ selectionId: selection._id }).limit(10))
  const exact = works.map((w) => {
    const records = ledgers.flatMap((l) => l.votes).filter((v) => v.w === w).length
    return `${stored.find((s) => s._id === w)?.votes}/${storm.accepted.get(w)}/${records}`
  })
  const allExact = works.every((_w, i) => new Set((exact[i] as string).split('/')).size === 1) && ledgers.length === STORM_USERS
  const full = summarise(storm)
  const bare = await bareServer()
  const baseline = summarise(await voteStorm(bare.url, selection._id, works, STORM_USERS))
  await bare.close()
  return [
    ['storm', `${STORM_USERS} new visitors (cookie from the gateway), 50 in flight; each: work page, 3 votes, 1 retry, 1 over the limit`],
    ['storm: accepted votes/s', `${full.votesPerSecond.toFixed(0)} (requests/s ${full.requestsPerSecond.toFixed(0)}, ${storm.requests} requests in ${storm.seconds.toFixed(1)} s)`],
    ['storm: vote latency', `p50 ${full.p50.toFixed(1)} ms, p99 ${full.p99.toFixed(1)} ms`],
    ['storm: exact (stored/accepted/records per work)', `${exact.join(', ')} — ${allExact ? 'exact' : 'MISMATCH'}`],
    ['bare node http, same pattern', `requests/s ${baseline.requestsPerSecond.toFixed(0)}, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms`],
    ['full stack ÷ bare (requests/s)', `${(full.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)} (bare is ${(baseline.requestsPerSecond / full.requestsPerSecond).toFixed(1)}× faster)`],
  ]
}

export async function selectionFigures(app: LocalApp): Promise<Array<[string, string]>> {
  const organiser = await organiserBrowser(app)
  const small = await createBenchSelection(app, 'bench-rt', { perDay: 3, perWorkPerDay: 1 })
  const works = await publishWorks(app, organiser, small._id, 4)
  await settleVerdicts(app, small._id)
  return [...(await roundTrips(app, small._id, works)), ...(await stormFigures(app, organiser)), ...(await bulkFigures(app, organiser))]
}
