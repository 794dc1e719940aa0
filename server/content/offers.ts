// The discount week (惠民活动周): offers per hospital; claims of limited places with the clinic's
// guarantees; the one-time code staff scan to redeem, through the door flow shared with the clinic
// check-in (core/one-time-code.ts).
// A claim is ONE conditional update of the offer — `claimed < places` and the caller's key absent from
// its holders `h` — that increments `claimed` and adds the key, so concurrent claims never exceed the
// places and a person never holds two; then the claim record is written under a deterministic id
// (`<offerId>-<viewer key>`). A crash in between leaves a hold without a record: the person's retry finds
// the hold and writes the record then (the place is theirs either way; it is never given twice).
import type { DB } from 'wx-server-sdk'
import type { ClaimResult, MyClaim, Offer, OffersView, OfferView, RedeemResult } from '../../src/contract/content'
import { fail, ok, type Result } from '../../src/contract/result'
import { requireStaff } from '../core/auth'
import { chinaDate, chinaLabel, phaseOf, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getDocs, getFirst, isDuplicateKey, updated } from '../core/db'
import { codeOf, newToken, parseCode, usePass, type PassKind } from '../core/one-time-code'
import { viewerKey } from './store'

/** Offer codes carry this prefix, which a clinic check-in code never has (the staff scanner routes by it). */
export const OFFER_CODE_PREFIX = 'HM:'
const MAX_OFFERS = 500
const MAX_CLAIMS = 100

export type OfferDoc = Offer & { h?: Record<string, string> }

export interface ClaimDoc {
  _id: string
  offerId: string
  venueId: string
  openid: string
  viewer: string
  status: 'claimed' | 'redeemed'
  token: string
  offerTitle: string
  hospital: string
  validFrom: string
  validTo: string
  howToRedeem: string
  claimedAt: string
  redeemedAt?: string
  redeemedBy?: string
  redeemedByName?: string
}

const OFFER_FIELDS: Array<keyof Offer> = [
  '_id', 'festivalId', 'venueId', 'hospital', 'title', 'description', 'priceBefore', 'priceAfter', 'validFrom', 'validTo',
  'conditions', 'howToRedeem', 'places', 'claimed', 'order', 'published',
]

/** Every offer field but the holders; with a viewer key, that viewer's hold too. */
function offerProjection(viewer?: string): Record<string, boolean> {
  const fields: Record<string, boolean> = Object.fromEntries(OFFER_FIELDS.map((f) => [f, true]))
  if (viewer) fields[`h.${viewer}`] = true
  return fields
}

const offers = (db: DB.Database) => db.collection(COLLECTIONS.offers)
const claims = (db: DB.Database) => db.collection(COLLECTIONS.offerClaims)
const claimIdOf = (offerId: string, viewer: string) => `${offerId}-${viewer}`

function myClaim(doc: ClaimDoc, now: Date): MyClaim {
  const { _id, offerId, offerTitle, hospital, validFrom, validTo, howToRedeem, status, claimedAt, redeemedAt } = doc
  const view: MyClaim = { _id, offerId, offerTitle, hospital, validFrom, validTo, howToRedeem, status, claimedAt }
  if (redeemedAt) view.redeemedAt = redeemedAt
  if (status === 'claimed' && chinaDate(now) <= validTo) view.code = codeOf(doc._id, doc.token, OFFER_CODE_PREFIX)
  return view
}

function offerView(doc: OfferDoc, mine: ClaimDoc | undefined, now: Date): OfferView {
  const { published: _p, festivalId: _f, order: _o, h: _h, ...rest } = doc
  return {
    ...rest,
    phase: phaseOf({ startDate: doc.validFrom, endDate: doc.validTo }, now),
    remaining: doc.places === null ? null : Math.max(0, doc.places - doc.claimed),
    mine: mine ? myClaim(mine, now) : null,
  }
}

export async function listOffers(venueId: string | undefined, ctx: Ctx): Promise<Result<OffersView>> {
  const where = venueId ? { published: true, venueId } : { published: true }
  const docs = await getDocs<OfferDoc>(offers(ctx.db).where(where).field(offerProjection()).orderBy('order', 'asc').limit(MAX_OFFERS))
  const mine = new Map<string, ClaimDoc>()
  const limited = docs.filter((d) => d.places !== null)
  if (ctx.openid && limited.length > 0) {
    const _ = ctx.db.command
    const found = await getDocs<ClaimDoc>(claims(ctx.db).where({ openid: ctx.openid, offerId: _.in(limited.map((d) => d._id)) }).limit(limited.length))
    for (const c of found) mine.set(c.offerId, c)
  }
  const now = ctx.now()
  return ok({ offers: docs.map((d) => offerView(d, mine.get(d._id), now)) })
}

/**
 * The record of a hold this person has: read, or written now if a crash left the hold without it. A
 * place just taken (`fresh`) is written straight away; only a lost race makes it read.
 */
async function recordOf(ctx: Ctx, offer: OfferDoc, viewer: string, claimedAt: string, fresh = false): Promise<ClaimDoc> {
  const id = claimIdOf(offer._id, viewer)
  const existing = fresh ? null : await getFirst<ClaimDoc>(claims(ctx.db).where({ _id: id }).limit(1))
  if (existing) return existing
  const doc: ClaimDoc = {
    _id: id, offerId: offer._id, venueId: offer.venueId, openid: ctx.openid, viewer, status: 'claimed', token: newToken(),
    offerTitle: offer.title, hospital: offer.hospital, validFrom: offer.validFrom, validTo: offer.validTo, howToRedeem: offer.howToRedeem,
    claimedAt,
  }
  try {
    await claims(ctx.db).add({ data: doc })
    return doc
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const raced = await getFirst<ClaimDoc>(claims(ctx.db).where({ _id: id }).limit(1))
    if (!raced) throw error
    return raced
  }
}

export async function claimOffer(offerId: string, ctx: Ctx): Promise<Result<ClaimResult>> {
  if (!ctx.openid) return fail('UNAUTHENTICATED', '请在微信中打开小程序后领取')
  const viewer = viewerKey(ctx.openid)
  const now = ctx.now()
  const offer = await getFirst<OfferDoc>(offers(ctx.db).where({ _id: offerId, published: true }).field(offerProjection(viewer)).limit(1))
  if (!offer) return fail('NOT_FOUND', '没有找到这项优惠，可能已下架，请返回惠民活动周重新选择')
  const held = offer.h?.[viewer]
  if (held) return ok({ claim: myClaim(await recordOf(ctx, offer, viewer, held), now), outcome: 'already' })
  if (offer.places === null) return fail('CONFLICT', `这项优惠无需领取，${offer.howToRedeem}`)
  const today = chinaDate(now)
  if (today > offer.validTo) return fail('CONFLICT', `这项优惠已于 ${offer.validTo} 结束，请看看其他优惠`)
  if (offer.claimed >= offer.places) return fail('CONFLICT', '这项优惠的名额已领完，请看看其他优惠')
  const _ = ctx.db.command
  const at = toChinaIso(now)
  const where = { _id: offerId, published: true, places: offer.places, claimed: _.lt(offer.places), [`h.${viewer}`]: _.exists(false) }
  const took = await updated(offers(ctx.db).where(where).update({ data: { claimed: _.inc(1), [`h.${viewer}`]: at } }))
  if (took === 1) return ok({ claim: myClaim(await recordOf(ctx, offer, viewer, at, true), now), outcome: 'claimed' })
  const again = await getFirst<OfferDoc>(offers(ctx.db).where({ _id: offerId }).field(offerProjection(viewer)).limit(1))
  const mine = again?.h?.[viewer]
  if (again && mine) return ok({ claim: myClaim(await recordOf(ctx, again, viewer, mine), now), outcome: 'already' })
  return fail('CONFLICT', '这项优惠的名额刚刚被领完，请看看其他优惠')
}

export async function myClaims(ctx: Ctx): Promise<Result<MyClaim[]>> {
  if (!ctx.openid) return ok([])
  const docs = await getDocs<ClaimDoc>(claims(ctx.db).where({ openid: ctx.openid }).orderBy('claimedAt', 'desc').limit(MAX_CLAIMS))
  const now = ctx.now()
  return ok(docs.map((d) => myClaim(d, now)))
}

const BAD_CODE = '核销码无效：请让居民在「我的优惠」中刷新后重新出示'

export async function redeemClaim(code: string, ctx: Ctx): Promise<Result<RedeemResult>> {
  const auth = await requireStaff(ctx)
  if (!auth.ok) return auth
  const member = auth.member
  const parsed = parseCode(code, OFFER_CODE_PREFIX)
  if (!parsed) return fail('INVALID_INPUT', BAD_CODE)
  const kind: PassKind<ClaimDoc> = {
    load: (id) => getFirst<ClaimDoc>(claims(ctx.db).where({ _id: id }).limit(1)),
    token: (doc) => doc.token,
    used: (doc) => doc.status === 'redeemed',
    refuse(doc, now) {
      const today = chinaDate(now)
      if (today < doc.validFrom || today > doc.validTo) {
        return fail('CONFLICT', `「${doc.offerTitle}」的使用期为 ${doc.validFrom} 至 ${doc.validTo}，今天不能核销`)
      }
      return null
    },
    async mark(doc, at, token) {
      const where = { _id: doc._id, status: 'claimed', ...(token === undefined ? {} : { token }) }
      const set = { status: 'redeemed', redeemedAt: at, redeemedBy: member.openid, redeemedByName: member.displayName }
      return (await updated(claims(ctx.db).where(where).update({ data: set }))) === 1
    },
    badCode: BAD_CODE,
    changed: '这份优惠刚刚有变化，请重新扫码',
  }
  const used = await usePass(ctx, member, kind, parsed.id, parsed.token)
  if (!used.ok) return used
  const { doc } = used.data
  if (used.data.outcome === 'used') return ok({ outcome: 'redeemed', offerTitle: doc.offerTitle, redeemedAt: used.data.at })
  const at = doc.redeemedAt ?? doc.claimedAt
  const by = doc.redeemedByName ?? '工作人员'
  return ok({
    outcome: 'already', offerTitle: doc.offerTitle, redeemedAt: at, redeemedBy: by,
    notice: `这份优惠已于 ${chinaLabel(new Date(at))} 由 ${by} 核销，不能重复使用`,
  })
}
