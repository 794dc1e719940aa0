// Handlers of the `content` function (transport-free): lectures, experts, offers and their claims.
import type { Handlers } from '../core/router'
import { expertDetail, expertDirectory } from './experts'
import { lectureDetail, listLectures, recordView, saveProgress } from './lectures'
import { claimOffer, listOffers, myClaims, redeemClaim } from './offers'

export const contentHandlers: Handlers<'content'> = {
  lectures: (input, ctx) => listLectures(input, ctx),
  lecture: (input, ctx) => lectureDetail(input.lectureId, ctx),
  view: (input, ctx) => recordView(input.lectureId, ctx),
  progress: (input, ctx) => saveProgress(input, ctx),
  experts: (input, ctx) => expertDirectory(input.specialty, ctx),
  expert: (input, ctx) => expertDetail(input.expertId, ctx),
  offers: (input, ctx) => listOffers(input.venueId, ctx),
  claim: (input, ctx) => claimOffer(input.offerId, ctx),
  myClaims: (_input, ctx) => myClaims(ctx),
  redeem: (input, ctx) => redeemClaim(input.code, ctx),
}
