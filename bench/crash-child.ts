// The local runtime as a separate process for the crash drill (bench/crash-drill.ts), run with
// `node --import tsx`, so that the drill can kill -9 it.
//   serve  <dataDir> <round> <quota> <waitlist>: starts the app, sets up the round's clinic slot and
//          photo selection (3 approved works) through the gateway, prints "ready <json>", serves until killed.
//   verify <dataDir> <acksFile>: the restart. Prints "listening <ms>" once the app answers, then checks
//          every acknowledged write is there, measures counter drift, runs the repairs (clinicRepair, and
//          selectionRecount when the selection function declares it), measures drift again, prints
//          "result <json>" and exits. CRASH_CLOCK_OFFSET_MS moves this process's clock forward, and the
//          functions' instances' (LOCAL_CLOCK_OFFSET_MS), so the repair sees holds as old as its next
//          scheduled run would (it frees only holds over 2 min old).
import { mkdtempSync, readFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DB } from 'wx-server-sdk'
import { addChinaDays, chinaDate } from '../server/core/china-time'
import { startLocalApp, type LocalApp } from '../local/runtime'
import { callFn } from './gateway-client'
import { createBenchSelection, organiserBrowser, publishWorks, settleVerdicts } from './selection-setup'
import type { DrillAcks, DrillCheck, Drift } from './crash-drill'

function say(line: string): void {
  writeSync(1, `${line}\n`)
}

function shiftClock(offsetMs: number): void {
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs)
      else super(...(args as [number]))
    }

    static now(): number {
      return RealDate.now() + offsetMs
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor
}

async function start(dataDir: string): Promise<LocalApp> {
  return startLocalApp({ dataDir, port: 0, staticDir: mkdtempSync(join(tmpdir(), 'crash-static-')), onTimerRun: () => undefined })
}

async function serve(dataDir: string, round: string, quota: number, waitlist: number): Promise<void> {
  const app = await start(dataDir)
  const organiser = await organiserBrowser(app)
  const slot = await callFn(app.url, organiser, 'clinic', 'createSlot', {
    venueId: 'banan', title: `崩溃演练 ${round}`, date: addChinaDays(chinaDate(new Date()), 2), startTime: '09:00', endTime: '11:30',
    place: '巴南区人民广场', services: ['两癌筛查'], audience: ['woman', 'pregnant', 'other'], quota, waitlistLimit: waitlist,
  })
  if (!slot.ok) throw new Error(`createSlot failed: ${slot.message}`)
  const selection = await createBenchSelection(app, `crash-${round}`, { perDay: 3, perWorkPerDay: 1 })
  const works = await publishWorks(app, organiser, selection._id, 3)
  await settleVerdicts(app, selection._id)
  say(`ready ${JSON.stringify({ url: app.url, slotId: slot.data._id, selectionId: selection._id, works })}`)
}

async function pages<T>(query: () => DB.Query): Promise<T[]> {
  const all: T[] = []
  for (;;) {
    const page = ((await query().skip(all.length).limit(1000).get()) as unknown as { data: T[] }).data
    all.push(...page)
    if (page.length < 1000) return all
  }
}

interface Ledger { votes: Array<{ k: string; w: string; v?: 1 }> }

async function drift(app: LocalApp, acks: DrillAcks): Promise<Drift> {
  const _ = app.db.command
  let clinic = 0
  for (const slotId of acks.slotIds) {
    const slot = ((await app.db.collection('clinicSlots').doc(slotId).get()) as unknown as { data: { confirmed: number; waitlisted: number } }).data
    const count = async (status: string) => ((await app.db.collection('clinicSignups').where({ slotId, status }).count()) as { total: number }).total
    clinic += Math.abs(slot.confirmed - (await count('confirmed'))) + Math.abs(slot.waitlisted - (await count('waitlisted')))
  }
  let selection = 0
  const ledgers = await pages<Ledger>(() => app.db.collection('selectionBallots').where({ selectionId: _.in(acks.selectionIds) }))
  const works = await pages<{ _id: string; votes: number }>(() => app.db.collection('selectionWorks').where({ selectionId: _.in(acks.selectionIds) }))
  for (const work of works) {
    const valid = ledgers.reduce((n, l) => n + l.votes.filter((v) => v.w === work._id && !v.v).length, 0)
    selection += Math.abs(work.votes - valid)
  }
  return { clinic, selection }
}

async function verify(dataDir: string, acksFile: string): Promise<void> {
  const offset = Number(process.env.CRASH_CLOCK_OFFSET_MS ?? 0)
  if (offset) {
    shiftClock(offset)
    process.env.LOCAL_CLOCK_OFFSET_MS = String(offset)
  }
  const started = performance.now()
  const app = await start(dataDir)
  say(`listening ${(performance.now() - started).toFixed(0)}`)
  const acks = JSON.parse(readFileSync(acksFile, 'utf8')) as DrillAcks
  const _ = app.db.command
  const signups = new Set<string>()
  for (let i = 0; i < acks.signups.length; i += 500) {
    const ids = acks.signups.slice(i, i + 500)
    const found = await pages<{ _id: string; status: string }>(() => app.db.collection('clinicSignups').where({ _id: _.in(ids) }))
    for (const doc of found) if (doc.status === 'confirmed' || doc.status === 'waitlisted') signups.add(doc._id)
  }
  const ledgers = await pages<Ledger>(() => app.db.collection('selectionBallots').where({ selectionId: _.in(acks.selectionIds) }))
  const recorded = new Set(ledgers.flatMap((l) => l.votes.map((v) => v.k)))
  const before = await drift(app, acks)
  const triggers = app.timers?.triggers.map((t) => t.name) ?? []
  const repairs: DrillCheck['repairs'] = {}
  for (const name of ['clinicRepair', 'selectionRecount']) {
    if (!triggers.includes(name)) continue
    const run = await app.timers?.runNow(name)
    repairs[name] = run?.error ? `error: ${String(run.error)}` : run?.result
  }
  const after = await drift(app, acks)
  await app.close()
  const check: DrillCheck = {
    lostSignups: acks.signups.filter((id) => !signups.has(id)),
    lostVotes: acks.votes.filter((k) => !recorded.has(k)),
    before,
    after,
    repairs,
    selectionRecountDeclared: triggers.includes('selectionRecount'),
  }
  say(`result ${JSON.stringify(check)}`)
  process.exit(0)
}

const [mode, dataDir, ...rest] = process.argv.slice(2)
const run = mode === 'serve' && dataDir
  ? serve(dataDir, rest[0] ?? '1', Number(rest[1] ?? 40), Number(rest[2] ?? 40))
  : mode === 'verify' && dataDir && rest[0]
    ? verify(dataDir, rest[0])
    : Promise.reject(new Error('usage: crash-child.ts serve <dataDir> <round> <quota> <waitlist> | verify <dataDir> <acksFile>'))
run.catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
