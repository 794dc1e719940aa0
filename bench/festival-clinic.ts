// The clinic half of the festival-scale table: 100,000 sign-ups in one sub-venue (10 slots, 10,000 on
// the slot measured), inserted straight through wx-server-sdk; then a sign-up and a cancellation on the
// crowded slot, a list page, the clinicFigures timer's runs (the first catch-up folds every sign-up, run by
// run until done, with its largest run beside the limit; then nothing new; then one change on the crowded slot), attendance figures and 数据概览 over all of them, and the export jobs of the 10,000-row slot and the 100,000-row venue: every
// call (exportSignups, then exportStatus until done, as the organiser's page polls) under the function's
// declared limits, and a line for the whole job (calls, chunks, requests, time). Last, the slots are moved
// 40 days back and the nightly purge job anonymises the 100,000 sign-ups run by run of its timer.
import type { ExportJob, FiguresRun, PurgeRun } from '../src/contract/clinic-admin'
import { addChinaDays, chinaDate, toChinaIso } from '../server/core/china-time'
import type { LocalApp } from '../local/runtime'
import { callFn, newBrowser, signInAs, type Browser, type CallResult } from './gateway-client'
import { call, limited, runsUntil, timeoutOf, timerOf, wholeJob, type ScaleRow } from './festival-limits'

const SLOTS = 10
const PER_SLOT = 10_000
const BATCH = 500

async function createSlot(app: LocalApp, organiser: Browser, title: string): Promise<string> {
  const res = await callFn(app.url, organiser, 'clinic', 'createSlot', {
    venueId: 'wanzhou', title, date: addChinaDays(chinaDate(new Date()), 3), startTime: '09:00', endTime: '11:30',
    place: '万州区妇幼保健院', services: ['两癌筛查', '血压血糖'], audience: ['woman', 'pregnant', 'other'], quota: 5000, waitlistLimit: 100,
  })
  if (!res.ok) throw new Error(`createSlot failed: ${res.message}`)
  return res.data._id
}

async function seed(app: LocalApp, slotId: string, base: number): Promise<void> {
  for (let start = 0; start < PER_SLOT; start += BATCH) {
    const docs = Array.from({ length: BATCH }, (_x, k) => {
      const i = base + start + k
      const phone = `137${String(i).padStart(8, '0')}`
      return {
        _id: `${slotId}-${i.toString(16).padStart(16, '0')}`, slotId, venueId: 'wanzhou', openid: `festival-${i}`, personKey: `fp${i}`,
        person: { relation: 'self', name: `居民${i}`, phone, category: 'woman' }, phoneTail: phone.slice(-4), services: ['两癌筛查'],
        remind: false, status: i % 10 === 0 ? 'cancelled' : 'confirmed', consent: { version: 'bench', at: '2022-06-20T09:00:00+08:00' },
        history: [{ event: 'signed_up', at: '2022-06-20T09:00:00+08:00' }], createdAt: '2022-06-20T09:00:00+08:00', updatedAt: '2022-06-20T09:00:00+08:00',
      }
    })
    await app.db.collection('clinicSignups').add({ data: docs as unknown as Record<string, unknown> })
  }
}

/** An export job from its first call to its file, each call measured under the limits; the calls and a line for the whole job. */
async function exportJob(app: LocalApp, who: Browser, label: string, input: { slotId: string } | { venueId: string }): Promise<ScaleRow[]> {
  const calls: Array<ScaleRow<ExportJob | null>> = [await limited(app, `${label}, call 1 (exportSignups)`, 'clinicAdmin', call(app, who, 'clinicAdmin', 'exportSignups', input))]
  const progress = (row: ScaleRow<ExportJob | null>) => {
    const job = row.result?.ok ? row.result.data : null
    if (job) row.action += ` → ${job.done.toLocaleString('en')} / ${job.total.toLocaleString('en')} ${job.state}`
    return job
  }
  for (let job = progress(calls[0] as ScaleRow<ExportJob | null>); job && (job.state === 'running' || job.state === 'queued') && calls.length < 100;) {
    const row = await limited(app, `${label}, call ${calls.length + 1} (exportStatus)`, 'clinicAdmin', call(app, who, 'clinicAdmin', 'exportStatus', { jobId: job.jobId }))
    calls.push(row)
    job = progress(row)
  }
  const last = calls[calls.length - 1] as ScaleRow<ExportJob | null>
  const file = last.result?.ok ? last.result.data?.file : undefined
  const jobId = last.result?.ok ? last.result.data?.jobId : undefined
  const stored = jobId ? ((await app.db.collection('jobs').doc(jobId).get()) as { data?: { chunks?: number } }).data : undefined
  const bytes = file ? (await (await fetch(file.url)).arrayBuffer()).byteLength : 0
  const slowest = Math.max(...calls.map((r) => r.ms))
  const whole: ScaleRow = {
    action: `${label}: whole job, ${calls.length} calls, ${stored?.chunks ?? '?'} chunks (sum; slowest call ${(slowest / 1000).toFixed(1)} s)`,
    db: calls.reduce((n, r) => n + r.db, 0), ms: calls.reduce((n, r) => n + r.ms, 0), timeoutS: timeoutOf('clinicAdmin'),
    outcome: file ? `ok: ${file.rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB .xlsx` : `FAILS: the job did not finish (${last.outcome})`,
  }
  return [...calls, whole]
}

/** The purge timer's runs until the night's job is done, and a line for the whole job. */
async function purgeJob(app: LocalApp, slots: string[]): Promise<ScaleRow[]> {
  const _ = app.db.command
  await app.db.collection('clinicSlots').where({ _id: _.in(slots) }).update({ data: { date: addChinaDays(chinaDate(new Date()), -40) } })
  const jobOf = (row: ScaleRow<PurgeRun>) => (row.result?.ok ? row.result.data.job : undefined)
  const runs = await runsUntil(app, 'clinicAdmin', timerOf<PurgeRun>(app, 'clinicAdmin', 'clinicPurge'), (n) => `clinicPurge timer run ${n}`, (row) => jobOf(row)?.state !== 'running', 30)
  for (const row of runs) {
    const job = jobOf(row)
    if (job) row.action += ` → ${job.done.toLocaleString('en')} / ${job.total.toLocaleString('en')} ${job.state}, ${row.result?.ok ? row.result.data.anonymised.toLocaleString('en') : 0} anonymised`
  }
  const last = runs[runs.length - 1]?.result
  const whole = wholeJob(runs)
  return [...runs, {
    action: `clinicPurge job, ${slots.length} slots / ${(slots.length * PER_SLOT).toLocaleString('en')} sign-ups: whole job, ${runs.length} runs (sum; slowest ${(whole.slowestMs / 1000).toFixed(1)} s)`,
    db: whole.db, ms: whole.ms, timeoutS: timeoutOf('clinicAdmin'),
    outcome: last?.ok && last.data.job?.state === 'done' ? `ok: ${last.data.slots} slots, ${last.data.anonymised.toLocaleString('en')} sign-ups anonymised` : 'FAILS: the purge job did not finish',
  }]
}

/** The figures timer's first runs (folding all 100,000 sign-ups) until its catch-up is done, and a line for the whole catch-up with its largest run. */
async function figuresCatchUp(app: LocalApp, timer: () => Promise<CallResult<FiguresRun>>): Promise<ScaleRow[]> {
  const label = (n: number) => (n === 1 ? 'clinicFigures timer run 1 (first: folds all 100,000 sign-ups)' : `clinicFigures timer run ${n} (catch-up continues)`)
  const runs = await runsUntil(app, 'clinicAdmin', timer, label, (row) => !(row.result?.ok && row.result.data.catchUp), 30)
  for (const row of runs) {
    const run = row.result?.ok ? row.result.data : undefined
    if (run) row.action += ` → ${run.slots} slots recounted${run.catchUp ? `, ${run.catchUp.done} / ${run.catchUp.total} done` : ', caught up'}`
  }
  const last = runs[runs.length - 1]?.result
  const whole = wholeJob(runs)
  return [...runs, {
    action: `clinicFigures catch-up of 100,000 sign-ups: whole catch-up, ${runs.length} runs (sum; largest single run ${(whole.slowestMs / 1000).toFixed(1)} s of the ${timeoutOf('clinicAdmin')} s limit)`,
    db: whole.db, ms: whole.ms, timeoutS: timeoutOf('clinicAdmin'),
    outcome: last?.ok && !last.data.catchUp ? `ok: figures up to ${last.data.upTo}` : 'FAILS: the catch-up did not finish',
  }]
}

export async function festivalClinicRows(app: LocalApp): Promise<ScaleRow[]> {
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  const slots: string[] = []
  for (let s = 0; s < SLOTS; s += 1) {
    const slotId = await createSlot(app, organiser, `大规模场次 ${s + 1}`)
    await seed(app, slotId, s * PER_SLOT)
    slots.push(slotId)
  }
  const crowded = slots[0] as string
  const resident = await newBrowser(app.url)
  const person = { relation: 'self', name: '李娜', phone: '13900001111', category: 'woman' } as const
  const rows: ScaleRow[] = []
  const signedUp = await limited(app, 'clinic.signUp → confirmed (slot of 10,000)', 'clinic', call(app, resident, 'clinic', 'signUp', { slotId: crowded, person, services: ['两癌筛查'], agreePrivacy: true, joinWaitlist: true }))
  rows.push(signedUp)
  const signupId = signedUp.result?.ok ? signedUp.result.data.signup._id : undefined
  if (signupId) rows.push(await limited(app, 'clinic.cancel (slot of 10,000)', 'clinic', call(app, resident, 'clinic', 'cancel', { signupId })))
  rows.push(await limited(app, 'clinicAdmin.signupList page 3 (slot of 10,000)', 'clinicAdmin', call(app, organiser, 'clinicAdmin', 'signupList', { slotId: crowded, page: 3 })))
  const figures = timerOf<FiguresRun>(app, 'clinicAdmin', 'clinicFigures')
  const fold = (label: string) => limited(app, label, 'clinicAdmin', figures)
  rows.push(...(await figuresCatchUp(app, figures)))
  rows.push(await fold('clinicFigures timer run, nothing changed'))
  // The next run after one change on the crowded slot: the cutoff put 10 minutes back, one of its sign-ups changed 5 minutes ago.
  const fiveAgo = toChinaIso(new Date(Date.now() - 5 * 60_000))
  const state = ((await app.db.collection('clinicFigures').doc('state').get()) as { data?: { upTo?: number } }).data
  await app.db.collection('clinicFigures').doc('state').update({ data: { upTo: (state?.upTo ?? Date.now()) - 10 * 60_000 } })
  await app.db.collection('clinicSignups').doc(`${crowded}-${(1).toString(16).padStart(16, '0')}`).update({ data: { status: 'checked_in', updatedAt: fiveAgo } })
  rows.push(await fold('clinicFigures timer run, one change on the slot of 10,000 (recounts that slot)'))
  rows.push(await limited(app, 'clinicAdmin.attendance, whole festival (100,000 sign-ups)', 'clinicAdmin', call(app, organiser, 'clinicAdmin', 'attendance', {})))
  rows.push(await limited(app, 'clinicAdmin.slotDays, one venue', 'clinicAdmin', call(app, organiser, 'clinicAdmin', 'slotDays', { venueId: 'wanzhou' })))
  rows.push(await limited(app, 'content.overview 数据概览, whole festival (100,000 sign-ups)', 'content', call(app, organiser, 'content', 'overview', { festivalId: 'cq-2022' })))
  rows.push(await limited(app, 'content.overview 数据概览, one venue (100,000 sign-ups)', 'content', call(app, organiser, 'content', 'overview', { festivalId: 'cq-2022', venueId: 'wanzhou' })))
  rows.push(...(await exportJob(app, organiser, 'clinicAdmin export job: slot, 10,000 rows', { slotId: crowded })))
  rows.push(...(await exportJob(app, organiser, `clinicAdmin export job: venue, ${(SLOTS * PER_SLOT).toLocaleString('en')} rows`, { venueId: 'wanzhou' })))
  rows.push(...(await purgeJob(app, slots)))
  return rows
}
