// Lecture and discount-week figures through the full local stack (gateway → content bundle →
// wx-server-sdk → CloudBase-compatible service): database requests for a lecture list page, a lecture
// page, a first and a repeated view, a claim; then 1,000 distinct residents (each its own session)
// claiming an offer of 100 places, 50 in flight, which must end with exactly 100 claims; then the
// organisers' 数据概览 and an edit's save and publish.
import type { LocalApp } from '../local/runtime'
import { callFn, callFnRaw, newBrowser, percentile, pool, signInAs, type Browser } from './gateway-client'

const RUSH_USERS = 1000
const RUSH_PLACES = 100
const CONCURRENCY = 50

function counted(app: LocalApp): string {
  const { total, byAction } = app.cloudbase.stats()
  const db = Object.entries(byAction).filter(([a]) => a.startsWith('database.')).reduce((n, [, c]) => n + c, 0)
  const detail = Object.entries(byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(', ')
  return `${db} db requests${total > db ? ` + ${total - db} other` : ''} (${detail})`
}

async function measured(app: LocalApp, label: string, browser: Browser, action: string, input: unknown): Promise<[string, string]> {
  app.cloudbase.resetStats()
  const res = await callFnRaw(app.url, browser, 'content', action, input)
  if (!res.ok) throw new Error(`${label} failed: ${res.message}`)
  return [label, counted(app)]
}

async function makeOffer(app: LocalApp, _id: string, places: number): Promise<void> {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await app.db.collection('offers').add({
    data: {
      _id, festivalId: 'cq-2022', venueId: 'banan', hospital: '巴南区妇幼保健院', title: '压测优惠', description: '压测', priceBefore: 100,
      priceAfter: 50, validFrom: today, validTo: today, conditions: '', howToRedeem: '到院出示核销码', places, claimed: 0, order: 99, published: true,
    },
  })
}

async function rush(app: LocalApp): Promise<Array<[string, string]>> {
  await makeOffer(app, 'bench-rush', RUSH_PLACES)
  const browsers = await pool(Array.from({ length: RUSH_USERS }, (_, i) => i), CONCURRENCY, () => newBrowser(app.url))
  app.cloudbase.resetStats()
  const latencies: number[] = []
  const outcomes: Record<string, number> = {}
  const started = process.hrtime.bigint()
  await pool(browsers, CONCURRENCY, async (browser) => {
    const t0 = process.hrtime.bigint()
    const res = await callFn(app.url, browser, 'content', 'claim', { offerId: 'bench-rush' })
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
    const key = res.ok ? String(res.data.outcome) : `refused (${res.code})`
    outcomes[key] = (outcomes[key] ?? 0) + 1
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const dbRequests = app.cloudbase.stats().total
  latencies.sort((a, b) => a - b)
  const offer = ((await app.db.collection('offers').doc('bench-rush').get()) as unknown as { data: { claimed: number } }).data
  const records = ((await app.db.collection('offerClaims').where({ offerId: 'bench-rush' }).count()) as { total: number }).total
  const exact = offer.claimed === RUSH_PLACES && records === RUSH_PLACES
  if (!exact) process.exitCode = 1
  return [
    ['claim rush: residents / places', `${RUSH_USERS} / ${RUSH_PLACES} (${CONCURRENCY} in flight)`],
    ['claim rush: throughput', `${(RUSH_USERS / seconds).toFixed(0)} claims/s (${seconds.toFixed(2)} s)`],
    ['claim rush: latency p50 / p99', `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} ms`],
    ['claim rush: outcomes', Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')],
    ['claim rush: db requests', `${dbRequests} (${(dbRequests / RUSH_USERS).toFixed(2)} per claim)`],
    ['claim rush: exactly 100 claimed', `${exact ? 'yes' : 'NO'} (counter ${offer.claimed}, records ${records})`],
  ]
}

export async function contentFigures(app: LocalApp): Promise<Array<[string, string]>> {
  const resident = await newBrowser(app.url)
  await makeOffer(app, 'bench-one', 10)
  return [
    await measured(app, 'content.lectures (one page)', resident, 'lectures', {}),
    await measured(app, 'content.lectures (topic + search)', resident, 'lectures', { topic: 'child', q: '视力' }),
    await measured(app, 'content.lecture (page)', resident, 'lecture', { lectureId: 'lecture-menopause' }),
    await measured(app, 'content.view (first today)', resident, 'view', { lectureId: 'lecture-menopause' }),
    await measured(app, 'content.view (again today)', resident, 'view', { lectureId: 'lecture-menopause' }),
    await measured(app, 'content.progress', resident, 'progress', { lectureId: 'lecture-menopause', position: 60 }),
    await measured(app, 'content.experts', resident, 'experts', {}),
    await measured(app, 'content.offers', resident, 'offers', {}),
    await measured(app, 'content.claim', resident, 'claim', { offerId: 'bench-one' }),
    ...(await rush(app)),
    ...(await organiserFigures(app)),
  ]
}

/** 数据概览 (all its charts in one call; its requests do not depend on the records) and an edit's save and publish. */
async function organiserFigures(app: LocalApp): Promise<Array<[string, string]>> {
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  const view = await callFn(app.url, organiser, 'content', 'editable', { kind: 'event', id: 'banan-opening' })
  if (!view.ok) throw new Error(`editable failed: ${view.message}`)
  const live = (view.data as { live: Record<string, unknown> }).live
  return [
    await measured(app, 'content.overview (6 charts, whole festival)', organiser, 'overview', { festivalId: 'cq-2022' }),
    await measured(app, 'content.overview (6 charts, one venue)', organiser, 'overview', { festivalId: 'cq-2022', venueId: 'banan' }),
    await measured(app, 'content.saveDraft (an event)', organiser, 'saveDraft', { kind: 'event', festivalId: 'cq-2022', id: 'banan-opening', data: { ...live, title: '压测：开幕式' } }),
    await measured(app, 'content.publish (an event)', organiser, 'publish', { kind: 'event', id: 'banan-opening' }),
  ]
}
