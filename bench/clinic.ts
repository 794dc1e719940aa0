// Clinic sign-up figures through the full local stack (gateway → clinic bundle → wx-server-sdk →
// CloudBase-compatible service): database requests per confirmed sign-up, per waitlisted sign-up,
// per cancellation with promotion and per list page; then a rush of 2,000 distinct residents (each its
// own browser session) on 100 places with a 100-person waitlist, 50 in flight at a time.
import { addChinaDays, chinaDate } from '../server/core/china-time'
import type { InputOf } from '../src/contract/api'
import type { LocalApp } from '../local/runtime'
import { callFn, newBrowser, percentile, pool, signInAs, type Browser } from './gateway-client'

const RUSH_USERS = 2000
const RUSH_QUOTA = 100
const RUSH_WAITLIST = 100
const CONCURRENCY = 50

const person = (i: number) => ({ relation: 'self', name: '王芳', phone: `139${String(i).padStart(8, '0')}`, category: 'woman' }) as const
const signUp = (slotId: string, i: number): InputOf<'clinic', 'signUp'> => ({ slotId, person: person(i), services: ['两癌筛查'], agreePrivacy: true, joinWaitlist: true })

async function createSlot(app: LocalApp, organiser: Browser, title: string, quota: number, waitlistLimit: number): Promise<string> {
  const res = await callFn(app.url, organiser, 'clinic', 'createSlot', {
    venueId: 'banan', title, date: addChinaDays(chinaDate(new Date()), 2), startTime: '09:00', endTime: '11:30',
    place: '巴南区人民广场', services: ['两癌筛查', '血压血糖'], audience: ['woman', 'pregnant', 'other'], quota, waitlistLimit,
  })
  if (!res.ok) throw new Error(`createSlot failed: ${res.message}`)
  return res.data._id
}

function counted(app: LocalApp): string {
  const { total, byAction } = app.cloudbase.stats()
  const db = Object.entries(byAction).filter(([a]) => a.startsWith('database.')).reduce((n, [, c]) => n + c, 0)
  const detail = Object.entries(byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(', ')
  return `${db} db requests${total > db ? ` + ${total - db} other` : ''} (${detail})`
}

async function measured(app: LocalApp, label: string, call: () => Promise<{ ok: boolean; message?: string }>): Promise<[string, string]> {
  app.cloudbase.resetStats()
  const res = await call()
  if (!res.ok) throw new Error(`${label} failed: ${res.message}`)
  return [label, counted(app)]
}

async function roundTrips(app: LocalApp, organiser: Browser): Promise<Array<[string, string]>> {
  const slotId = await createSlot(app, organiser, '往返次数测量', 1, 10)
  const [first, second] = [await newBrowser(app.url), await newBrowser(app.url)]
  const rows: Array<[string, string]> = []
  let firstId = ''
  rows.push(await measured(app, 'clinic.signUp → confirmed (floor 2)', async () => {
    const res = await callFn(app.url, first, 'clinic', 'signUp', signUp(slotId, 1))
    firstId = res.data?.signup?._id ?? ''
    return res
  }))
  rows.push(await measured(app, 'clinic.signUp → waitlisted', () => callFn(app.url, second, 'clinic', 'signUp', signUp(slotId, 2))))
  rows.push(await measured(app, 'clinic.cancel with promotion (floor 4: the notice rides on the promotion)', () => callFn(app.url, first, 'clinic', 'cancel', { signupId: firstId })))
  rows.push(await measured(app, 'clinic.slots (one page)', () => callFn(app.url, first, 'clinic', 'slots', { venueId: 'banan' })))
  rows.push(await measured(app, 'clinic.mySignups', () => callFn(app.url, second, 'clinic', 'mySignups', {})))
  return rows
}

async function rush(app: LocalApp, organiser: Browser): Promise<Array<[string, string]>> {
  const slotId = await createSlot(app, organiser, '抢报压测', RUSH_QUOTA, RUSH_WAITLIST)
  const browsers = await pool(Array.from({ length: RUSH_USERS }, (_, i) => i), CONCURRENCY, () => newBrowser(app.url))
  app.cloudbase.resetStats()
  const latencies: number[] = []
  const outcomes: Record<string, number> = {}
  const started = process.hrtime.bigint()
  await pool(browsers, CONCURRENCY, async (browser, i) => {
    const t0 = process.hrtime.bigint()
    const res = await callFn(app.url, browser, 'clinic', 'signUp', signUp(slotId, i))
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
    const key = res.ok ? String(res.data.outcome) : `refused (${res.code})`
    outcomes[key] = (outcomes[key] ?? 0) + 1
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const dbRequests = app.cloudbase.stats().total
  latencies.sort((a, b) => a - b)
  const slot = ((await app.db.collection('clinicSlots').doc(slotId).get()) as unknown as { data: { confirmed: number; waitlisted: number } }).data
  const confirmedDocs = ((await app.db.collection('clinicSignups').where({ slotId, status: 'confirmed' }).count()) as { total: number }).total
  const waitingDocs = ((await app.db.collection('clinicSignups').where({ slotId, status: 'waitlisted' }).count()) as { total: number }).total
  const exact = confirmedDocs === RUSH_QUOTA && slot.confirmed === RUSH_QUOTA && waitingDocs === slot.waitlisted
  if (!exact) process.exitCode = 1
  return [
    ['rush: residents / places / waitlist', `${RUSH_USERS} / ${RUSH_QUOTA} / ${RUSH_WAITLIST} (${CONCURRENCY} in flight)`],
    ['rush: throughput', `${(RUSH_USERS / seconds).toFixed(0)} sign-ups/s (${seconds.toFixed(2)} s)`],
    ['rush: latency p50 / p99 / max', `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} / ${(latencies.at(-1) ?? 0).toFixed(1)} ms`],
    ['rush: outcomes', Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')],
    ['rush: db requests', `${dbRequests} (${(dbRequests / RUSH_USERS).toFixed(2)} per sign-up)`],
    ['rush: exactly 100 confirmed', `${exact ? 'yes' : 'NO'} (records ${confirmedDocs}, slot counter ${slot.confirmed}; waitlisted records ${waitingDocs} = counter ${slot.waitlisted})`],
  ]
}

/** Only the requests per sign-up, waitlisting, cancellation and page (`npx tsx bench/clinic-round-trips.ts`). */
export async function clinicRoundTrips(app: LocalApp): Promise<Array<[string, string]>> {
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  return roundTrips(app, organiser)
}

export async function clinicFigures(app: LocalApp): Promise<Array<[string, string]>> {
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  return [...(await roundTrips(app, organiser)), ...(await rush(app, organiser))]
}
