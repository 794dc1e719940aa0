// Festival scale (issue 10): every long action at the size of a real festival, each under CloudBase's
// per-call limits (festival-limits.ts) — 1,000,000 votes over 10,000 works (vote, vote watch at
// 1,000 and 1,000,000 votes, the recount timer catching up — a full recount pass and the vote watch's
// 10-day backlog, in chunks over several runs —, a 5,000-vote void over as many calls as it takes,
// publishing 10,000 works) and 100,000 clinic sign-ups, 10,000 on one slot (festival-clinic.ts; left out
// with BENCH_SKIP_FESTIVAL_CLINIC=1). Printed as one table: database requests, time, declared timeout, margin.
import type { Ledger } from '../server/selection/ballots'
import { addChinaDays, chinaDate, chinaInstant, toChinaIsoMs } from '../server/core/china-time'
import type { LocalApp } from '../local/runtime'
import { newBrowser, type Browser } from './gateway-client'
import { festivalClinicRows } from './festival-clinic'
import { call, formatRows, limited, runsUntil, timerOf, wholeJob, type ScaleRow } from './festival-limits'
import { load, workId } from './selection-bulk'
import { createBenchSelection, organiserBrowser, upload } from './selection-setup'

/** 1,000 votes (500 voters × 2) over the last 10 China days, on the same 10,000 work ids. */
async function smallSelection(app: LocalApp): Promise<string> {
  const selection = await createBenchSelection(app, 'bench-small', { perDay: 2, perWorkPerDay: 1 })
  const now = Date.now()
  const ledgers: Ledger[] = Array.from({ length: 500 }, (_x, v) => {
    const day = addChinaDays(chinaDate(new Date(now)), -(v % 10))
    const t = Math.min(now - 600_000, chinaInstant(day, '09:00').getTime() + v * 60_000)
    return {
      _id: `bench-small_v${v}`, selectionId: 'bench-small', voter: `v${v}`, firstDay: day, days: { [day]: { n: 2, w: {} } },
      votes: [0, 1].map((k) => ({ k: `s${v}-${k}`, w: workId((v * 7 + k * 13) % 10_000), t: t + k * 1000, d: day })), t: t + 1000,
    }
  })
  await app.db.collection('selectionBallots').add({ data: ledgers })
  return selection._id
}

/** The recount timer's runs until `done`: how many, their requests, the slowest. */
async function runTimerUntil(app: LocalApp, done: () => Promise<boolean>, maxRuns: number) {
  const rows = await runsUntil(app, 'selection', timerOf(app, 'selection', 'selectionRecount'), () => 'selectionRecount timer run', done, maxRuns)
  const slowest = rows.reduce((a, r) => (r.ms > a.ms ? r : a))
  return { runs: rows.length, db: wholeJob(rows).db, slowest }
}

/** Timer runs until the full recount pass has finished and the watch has caught up; the slowest run. */
async function catchUp(app: LocalApp): Promise<ScaleRow> {
  const caughtUp = async () => {
    const watch = (await app.db.collection('selectionWatch').where({ selectionId: 'bench-big', upTo: app.db.command.gte(Date.now() - 3 * 60_000) }).count()) as { total: number }
    const recount = (await app.db.collection('selectionRecounts').where({ _id: 'bench-big', last: app.db.command.exists(true), pass: app.db.command.exists(false) }).count()) as { total: number }
    return watch.total > 0 && recount.total > 0
  }
  const { runs, db, slowest } = await runTimerUntil(app, caughtUp, 400)
  return { ...slowest, action: `selectionRecount catch-up: full recount + 10-day watch backlog in ${runs} runs (slowest; ${db} db requests in all)` }
}

/**
 * Timer runs until no recount pass of the selection is under way (publishing refuses while one is): after
 * voting closes, the works voted on since the last pass's cutoff (its start − SETTLE_MS) are more than
 * recountPass.perWorkMax, so a full pass over the ledgers runs first. Nothing when none is under way.
 */
async function passDone(app: LocalApp): Promise<ScaleRow[]> {
  const pending = async () => (await app.db.collection('selectionRecounts').where({ _id: 'bench-big' }).field({ pass: true }).limit(1).get()) as { data?: Array<{ pass?: { works?: string[]; total: number } }> }
  const first = (await pending()).data?.[0]?.pass
  if (!first) return []
  const kind = first.works ? `the ${first.works.length} recently voted works' ledgers` : `full pass, ${first.total.toLocaleString('en')} ledgers`
  const { runs, db, slowest } = await runTimerUntil(app, async () => !(await pending()).data?.[0]?.pass, 100)
  return [{ ...slowest, action: `selectionRecount until the pass under way at publishing is done (${kind}): ${runs} runs (slowest; ${db} db requests in all)` }]
}

/**
 * A range holding exactly 5,000 of the most voted work's votes (the most one void may take), from 00:00
 * China time three days ago: its 5,000th vote's stamp is read from the ledgers, as the bench set them.
 */
async function fiveThousand(app: LocalApp, selectionId: string): Promise<{ from: string; to: string }> {
  const _ = app.db.command
  const from = chinaInstant(addChinaDays(chinaDate(new Date()), -3), '00:00').getTime()
  const w = workId(0)
  const res = (await app.db.collection('selectionBallots').aggregate().match({ selectionId, t: _.gte(from), 'votes.w': w }).unwind('$votes')
    .match({ 'votes.w': w, 'votes.t': _.gte(from) }).sort({ 'votes.t': 1 }).skip(4999).limit(2).project({ t: '$votes.t' }).end()) as { list?: Array<{ t: number }> }
  const [fifth, next] = res.list ?? []
  // the range ends after the 5,000th vote, or just before it when the 5,001st shares its stamp
  const to = !fifth ? Date.now() : next?.t === fifth.t ? fifth.t : fifth.t + 1
  return { from: toChinaIsoMs(new Date(from)), to: toChinaIsoMs(new Date(to)) }
}

/** voidVotes called again with the same range until finished: the first call and the slowest follow-up. */
async function voidRows(app: LocalApp, organiser: Browser, selectionId: string): Promise<ScaleRow[]> {
  const input = { selectionId, workId: workId(0), ...await fiveThousand(app, selectionId), onlyNewAccounts: false, reason: '基准测试：批量作废 5000 票' }
  const rows: ScaleRow[] = []
  let calls = 0
  let db = 0
  let slowest: ScaleRow | null = null
  for (;;) {
    const row = await limited(app, 'voidVotes', 'selection', call(app, organiser, 'selection', 'voidVotes', input))
    calls += 1
    const data = row.result?.ok ? row.result.data : null
    if (calls === 1) {
      row.action = `voidVotes, 5,000 votes of one work: first call${data ? ` (${data.voided} of ${data.planned} votes)` : ''}`
      rows.push(row)
    } else {
      db += row.db
      if (!slowest || row.ms > slowest.ms) slowest = row
    }
    if (!data || data.finished || calls >= 50) {
      if (slowest) rows.push({ ...slowest, action: `voidVotes follow-up calls: ${calls - 1}, slowest (${db} db requests in all)${data ? `, ${data.voided} voided` : ''}` })
      return rows
    }
  }
}

async function selectionRows(app: LocalApp): Promise<ScaleRow[]> {
  const organiser = await organiserBrowser(app)
  const selection = await createBenchSelection(app, 'bench-big', { perDay: 2, perWorkPerDay: 1 })
  const visitor: Browser = await newBrowser(app.url)
  const covers = await Promise.all(Array.from({ length: 20 }, () => upload(app.url, visitor)))
  const loaded = await load(app, selection._id, covers)
  const small = await smallSelection(app)
  const votes = loaded.records.toLocaleString('en')
  const watch = (id: string) => call(app, organiser, 'selection', 'voteWatch', { selectionId: id, bucketMinutes: 60 })
  const timer = timerOf(app, 'selection', 'selectionRecount')
  const rows: ScaleRow[] = []
  rows.push(await catchUp(app))
  rows.push(await limited(app, `voteWatch 24 h / 60 min, ${votes} votes`, 'selection', watch(selection._id)))
  rows.push(await limited(app, 'voteWatch 24 h / 60 min, 1,000 votes', 'selection', watch(small)))
  rows.push(await limited(app, 'vote (accepted, new voter)', 'selection', call(app, visitor, 'selection', 'vote', { selectionId: selection._id, workId: workId(3), requestId: 'festival-1' })))
  rows.push(await limited(app, 'selectionRecount timer run, caught up', 'selection', timer))
  rows.push(...await voidRows(app, organiser, selection._id))
  const closed = new Date(Date.now() - 3 * 60_000).toISOString()
  await app.db.collection('selections').doc(selection._id).update({ data: { 'windows.voteUntil': closed } })
  rows.push(await limited(app, 'selectionRecount timer run after voting closed', 'selection', timer))
  rows.push(...await passDone(app))
  rows.push(await limited(app, 'publishResults, 10,000 works', 'selection', call(app, organiser, 'selection', 'publishResults', { selectionId: selection._id })))
  app.cloudbase.resetStats()
  return rows
}

export async function festivalScaleFigures(app: LocalApp): Promise<string[]> {
  const rows = [...(await selectionRows(app)), ...(process.env.BENCH_SKIP_FESTIVAL_CLINIC === '1' ? [] : await festivalClinicRows(app))]
  if (rows.some((r) => r.outcome.startsWith('FAILS'))) process.exitCode = 1
  return formatRows(rows)
}
