// The clinic half of the festival-scale table: 100,000 sign-ups in one sub-venue (10 slots, 10,000 on
// the slot measured), inserted straight through wx-server-sdk; then a sign-up and a cancellation on the
// crowded slot, a list page, and the exports of the 10,000-row slot and the 100,000-row venue, each under
// the function's declared limits.
import { addChinaDays, chinaDate } from '../server/core/china-time'
import type { LocalApp } from '../local/runtime'
import { callFn, newBrowser, signInAs, type Browser } from './gateway-client'
import { call, limited, type ScaleRow } from './festival-limits'

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
  rows.push(await limited(app, 'clinicAdmin.exportSignups: slot, 10,000 rows', 'clinicAdmin', call(app, organiser, 'clinicAdmin', 'exportSignups', { slotId: crowded })))
  rows.push(await limited(app, `clinicAdmin.exportSignups: venue, ${(SLOTS * PER_SLOT).toLocaleString('en')} rows`, 'clinicAdmin', call(app, organiser, 'clinicAdmin', 'exportSignups', { venueId: 'wanzhou' })))
  return rows
}
