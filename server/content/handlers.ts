// Handlers of the `content` function (transport-free): lectures, experts, offers and their claims, and
// organisers' editing (drafts, publish, audit, new editions).
import type { Handlers } from '../core/router'
import { expertDetail, expertDirectory } from './experts'
import { lectureDetail, listLectures, recordView, saveProgress } from './lectures'
import { claimOffer, listOffers, myClaims, redeemClaim } from './offers'
import { overview } from './overview'
import { contentUploadTicket, contentVideos, contentVideoTicket, contentVideoUploaded } from './uploads'
import { auditLog, discardDraft, editable, editions, editList, newEdition, publish, saveDraft } from './edit'
import type { EditData, EditKind } from '../../src/contract/edit'

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
  editions: (_input, ctx) => editions(ctx),
  editList: (input, ctx) => editList(input.festivalId, input.kind, ctx),
  editable: (input, ctx) => editable(input.kind, input.id, ctx),
  saveDraft: (input, ctx) => saveDraft(input as { kind: EditKind; festivalId: string; id?: string; data: EditData }, ctx),
  discardDraft: (input, ctx) => discardDraft(input.kind, input.id, ctx),
  publish: (input, ctx) => publish(input.kind, input.id, ctx),
  auditLog: (input, ctx) => auditLog(input.festivalId, ctx),
  newEdition: (input, ctx) => newEdition(input, ctx),
  overview: (input, ctx) => overview(input.festivalId, input.venueId, ctx),
  uploadTicket: (input, ctx) => contentUploadTicket(input, ctx),
  videoTicket: (input, ctx) => contentVideoTicket(input, ctx),
  videoUploaded: (input, ctx) => contentVideoUploaded(input, ctx),
  videos: (input, ctx) => contentVideos(input.festivalId, ctx),
}
