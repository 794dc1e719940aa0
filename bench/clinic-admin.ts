// Staff-tool figures through the full local stack: database requests per sign-up list page and per 100
// exported rows, and the export of 10,000 sign-ups to .xlsx (seconds and file size). The 10,000 sign-up
// records are inserted straight through wx-server-sdk in batches (they are the export's input, not
// what is measured).
import type { LocalApp } from '../local/runtime'
import { addChinaDays, chinaDate } from '../server/core/china-time'
import { callFn, newBrowser, signInAs } from './gateway-client'

const ROWS = 10_000
const BATCH = 500

function dbRequests(app: LocalApp): number {
  return Object.entries(app.cloudbase.stats().byAction).filter(([a]) => a.startsWith('database.')).reduce((n, [, c]) => n + c, 0)
}

async function seedSignups(app: LocalApp, slotId: string): Promise<void> {
  const services = ['两癌筛查', '血压血糖']
  for (let start = 0; start < ROWS; start += BATCH) {
    const docs = Array.from({ length: BATCH }, (_, k) => {
      const i = start + k
      const phone = `138${String(i).padStart(8, '0')}`
      return {
        _id: `${slotId}-${i.toString(16).padStart(16, '0')}`, slotId, venueId: 'banan', openid: `bench-${i}`, personKey: `p${i}`,
        person: { relation: 'self', name: `居民${i}`, phone, category: 'woman' }, phoneTail: phone.slice(-4), services,
        remind: false, status: i % 10 === 0 ? 'cancelled' : 'confirmed', consent: { version: 'bench', at: '2022-06-20T09:00:00+08:00' },
        history: [{ event: 'signed_up', at: '2022-06-20T09:00:00+08:00' }], createdAt: '2022-06-20T09:00:00+08:00', updatedAt: '2022-06-20T09:00:00+08:00',
      }
    })
    await app.db.collection('clinicSignups').add({ data: docs as unknown as Record<string, unknown> })
  }
}

export async function clinicAdminFigures(app: LocalApp): Promise<Array<[string, string]>> {
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  const slot = await callFn(app.url, organiser, 'clinic', 'createSlot', {
    venueId: 'banan', title: '导出基准', date: addChinaDays(chinaDate(new Date()), 3), startTime: '09:00', endTime: '11:30',
    place: '巴南区人民广场', services: ['两癌筛查', '血压血糖'], audience: ['woman'], quota: 5000,
  })
  if (!slot.ok) throw new Error(`createSlot failed: ${slot.message}`)
  const slotId = slot.data._id
  await seedSignups(app, slotId)

  const staff = await newBrowser(app.url)
  await signInAs(app.url, staff, 'staff-banan')
  const listPage = async (who: typeof staff, input: Record<string, unknown>): Promise<[number, number]> => {
    app.cloudbase.resetStats()
    const begun = process.hrtime.bigint()
    const page = await callFn(app.url, who, 'clinicAdmin', 'signupList', { slotId, ...input })
    const ms = Number(process.hrtime.bigint() - begun) / 1e6
    if (!page.ok || page.data.items.length === 0) throw new Error(`signupList failed: ${page.message ?? 'empty page'}`)
    return [dbRequests(app), ms]
  }
  const pages = [await listPage(organiser, { page: 3 }), await listPage(staff, { page: 1 }), await listPage(staff, { search: '0042' })]

  app.cloudbase.resetStats()
  const started = process.hrtime.bigint()
  const exported = await callFn(app.url, organiser, 'clinicAdmin', 'exportSignups', { slotId })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (!exported.ok) throw new Error(`export failed: ${exported.message}`)
  const file = exported.data.file
  if (!file) throw new Error(`the export of ${ROWS} rows did not finish within one call (${exported.data.state}, ${exported.data.done} / ${exported.data.total})`)
  const exportRequests = dbRequests(app)
  const bytes = (await (await fetch(file.url)).arrayBuffer()).byteLength
  return [
    ['db requests per sign-up list page (50 rows)', `${pages.map(([n]) => n).join(' / ')} (organiser page 3 / staff page 1 / staff phone-tail search; role and venue checked in the same aggregate)`],
    [`list page time, slot of ${ROWS} sign-ups`, `${pages.map(([, ms]) => `${ms.toFixed(0)} ms`).join(' / ')}`],
    [`export of ${file.rows} sign-ups`, `${seconds.toFixed(2)} s, ${(bytes / 1024).toFixed(0)} KB .xlsx (through the gateway and the built bundle)`],
    ['db requests per 100 exported rows', `${((exportRequests / file.rows) * 100).toFixed(2)} (${exportRequests} in all: role, slot, count, job record, lease, ${Math.ceil(ROWS / 1000)} pages of ≤ 1000, progress saves, audit)`],
  ]
}
