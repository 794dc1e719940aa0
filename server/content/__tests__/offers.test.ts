// The discount week through the router and the real wx-server-sdk: offers per hospital, claims that
// never exceed the places under a 1,000-resident rush, one claim per person however often it is
// retried, and the one-time code staff scan to redeem (the door flow shared with the clinic check-in).
import type { Harness } from '../../__tests__/harness'
import type { OfferDoc } from '../offers'
import { docById, present } from '../../__tests__/narrow'
import type { Caller } from '../../__tests__/typed-caller'
import { startContent } from './content-harness'

let h: Harness
let call: Caller<'content'>

beforeAll(async () => {
  ({ h, call } = await startContent())
})
afterAll(() => h.close())

const STAFF_BANAN = 'demo-staff-banan'
const STAFF_YONGCHUAN = 'demo-staff-yongchuan'
const offerDoc = (id: string) => docById<OfferDoc>(h.db, 'offers', id)
const claimCount = async (offerId: string) => ((await h.db.collection('offerClaims').where({ offerId }).count()) as { total: number }).total

async function makeOffer(_id: string, places: number | null, extra: Record<string, unknown> = {}): Promise<string> {
  await h.db.collection('offers').add({
    data: {
      _id, festivalId: 'cq-2022', venueId: 'banan', hospital: '巴南区妇幼保健院', title: `测试优惠 ${_id}`, description: '测试',
      priceBefore: 100, priceAfter: 50, validFrom: '2022-06-25', validTo: '2022-07-02', conditions: '每人限领1份。',
      howToRedeem: '到院出示核销码', places, claimed: 0, order: 99, published: true, ...extra,
    },
  })
  return _id
}

test('offers: every published offer per hospital, with places left and what the caller claimed', async () => {
  const res = await call('browser-1', 'offers', {})
  expect(res.ok).toBe(true)
  expect(res.data.offers.map((o) => o.hospital)).toEqual(
    expect.arrayContaining(['巴南区妇幼保健院', '永川区妇幼保健院', '涪陵区妇幼保健院', '万州区妇幼保健院']),
  )
  const banan = await call('browser-1', 'offers', { venueId: 'banan' })
  expect(banan.data.offers[0]).toMatchObject({ _id: 'offer-banan-two-cancers', remaining: 100, mine: null, priceAfter: 198 })
  expect(banan.data.offers[0]).not.toHaveProperty('h')
  expect(banan.data.offers.find((o: { places: number | null }) => o.places === null)).toMatchObject({ remaining: null })
})

test('claim: 1,000 residents at once for 100 places — exactly 100 claims, the counter equals the records', async () => {
  const offerId = await makeOffer('offer-rush', 100)
  const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => call(`rusher-${i}`, 'claim', { offerId })))
  const claimed = results.filter((r) => r.ok && r.data.outcome === 'claimed')
  const refused = results.filter((r) => !r.ok)
  expect(claimed).toHaveLength(100)
  expect(refused).toHaveLength(900)
  expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['CONFLICT']))
  expect(refused[0]?.message).toContain('领完')
  const doc = await offerDoc(offerId)
  expect(doc.claimed).toBe(100)
  expect(Object.keys(doc.h ?? {})).toHaveLength(100)
  expect(await claimCount(offerId)).toBe(100)
  expect((await call('late-comer', 'offers', { venueId: 'banan' })).data.offers.find((o) => o._id === offerId)).toMatchObject({ remaining: 0 })
}, 120000)

test('claim: the same resident tapping 20 times at once holds one place and one code', async () => {
  const offerId = await makeOffer('offer-retry', 5)
  const results = await Promise.all(Array.from({ length: 20 }, () => call('tapper', 'claim', { offerId })))
  expect(results.every((r) => r.ok)).toBe(true)
  expect(results.filter((r) => r.data.outcome === 'claimed')).toHaveLength(1)
  expect(new Set(results.map((r) => r.data.claim.code)).size).toBe(1)
  expect((await offerDoc(offerId)).claimed).toBe(1)
  expect(await claimCount(offerId)).toBe(1)
})

test('claim: a hold whose record was lost (crash in between) gets its record on the retry, without a second place', async () => {
  const offerId = await makeOffer('offer-crash', 3)
  const first = await call('crasher', 'claim', { offerId })
  await h.db.collection('offerClaims').doc(first.data.claim._id).remove()
  const retry = await call('crasher', 'claim', { offerId })
  expect(retry.data.outcome).toBe('already')
  expect(retry.data.claim.code).toMatch(/^HM:/)
  expect((await offerDoc(offerId)).claimed).toBe(1)
  expect(await claimCount(offerId)).toBe(1)
})

test('claim refusals: no claim needed, ended, unknown', async () => {
  const free = await call('r', 'claim', { offerId: 'offer-banan-child-check' })
  expect(free).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(free.message).toContain('无需领取')
  const dated = await makeOffer('offer-dated', 10)
  const ended = await call('r', 'claim', { offerId: dated }, '2022-07-03T09:00:00+08:00')
  expect(ended.message).toContain('已于 2022-07-02 结束')
  expect(await call('r', 'claim', { offerId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' })
})

test('redeem: staff of the hospital scan the code once; a second scan says when and by whom; the code then disappears', async () => {
  const offerId = await makeOffer('offer-redeem', 10, { order: 0 })
  const claimed = await call('redeemer', 'claim', { offerId })
  const code = present(claimed.data.claim.code, 'the claim code')
  expect(code).toMatch(/^HM:offer-redeem-[0-9a-f]{16}\.[A-Za-z0-9_-]{22}$/)
  expect(await call('redeemer', 'redeem', { code })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call(STAFF_YONGCHUAN, 'redeem', { code })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const scans = await Promise.all([call(STAFF_BANAN, 'redeem', { code }), call('demo-organiser-1', 'redeem', { code })])
  expect(scans.map((s) => s.data.outcome).sort()).toEqual(['already', 'redeemed'])
  const again = (await call(STAFF_BANAN, 'redeem', { code })).data
  expect(again).toMatchObject({ outcome: 'already', offerTitle: '测试优惠 offer-redeem' })
  expect(again.notice).toContain('不能重复使用')
  const mine = await call('redeemer', 'myClaims', {})
  expect(mine.data[0]).toMatchObject({ status: 'redeemed', offerTitle: '测试优惠 offer-redeem' })
  expect(mine.data[0]).not.toHaveProperty('code')
  const listed = await call('redeemer', 'offers', { venueId: 'banan' })
  expect(listed.data.offers[0]?.mine).toMatchObject({ status: 'redeemed' })
})

test('redeem: a forged token, a clinic-style code and a day outside the offer\'s dates are refused', async () => {
  const claimed = await call('forger', 'claim', { offerId: await makeOffer('offer-forge', 10) })
  const code = present(claimed.data.claim.code, 'the claim code')
  const forged = `${code.slice(0, code.lastIndexOf('.') + 1)}${'A'.repeat(22)}`
  expect(await call(STAFF_BANAN, 'redeem', { code: forged })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await call(STAFF_BANAN, 'redeem', { code: code.slice(3) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const late = await call(STAFF_BANAN, 'redeem', { code }, '2022-07-03T09:00:00+08:00')
  expect(late.message).toContain('使用期为 2022-06-25 至 2022-07-02')
  expect((await call(STAFF_BANAN, 'redeem', { code })).data.outcome).toBe('redeemed')
})
