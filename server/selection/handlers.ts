// The `selection` function's actions, one engine for the photo, video and typical-case selections.
// Residents: selections, submit, resubmit (a rejected work, corrected), myWorks, withdraw, gallery, work (by id, number or a code's scene), vote,
// ranking, results, shareCode (a work's mini-program code for its poster), uploadTicket (where to upload
// a file of a work). Organisers: reviewQueue, review, markInspected, voteWatch, voidVotes,
// setWindow (open, extend or end a phase), publishResults, setWeights, assignExpert, mediaCheckResult, recountVotes, purgeUploads (both also run
// by timers). Experts: expertCases, scoreCase.
import { fail, ok } from '../../src/contract/result'
import type { Handlers } from '../core/router'
import { writeAudit } from './audit'
import { listSelections, myWorks, withdrawWork } from './browse'
import { galleryPage, rankingPage } from './gallery'
import { applyMediaVerdict } from './media-verdicts'
import { recountVotes } from './recount'
import { readResults, publishResults, setWeights } from './results'
import { markInspected, reviewQueue, reviewWork } from './review'
import { requireOrganiser } from '../shared/staff-roles'
import { assignExpert, expertCases, scoreCase } from './scoring'
import { shareCode, workByRef } from './share-code'
import { resubmitWork, submitWork } from './submit'
import { purgeUploads, uploadTicket } from './uploads'
import { voidVotes } from './void'
import { castVote } from './vote'
import { voteWatch } from './watch'
import { setWindow } from './windows'

export const selectionHandlers: Handlers<'selection'> = {
  selections: listSelections,
  submit: submitWork,
  resubmit: resubmitWork,
  myWorks,
  withdraw: withdrawWork,
  gallery: galleryPage,
  work: workByRef,
  vote: castVote,
  ranking: rankingPage,
  results: readResults,
  reviewQueue,
  review: reviewWork,
  markInspected,
  voteWatch,
  voidVotes,
  publishResults,
  setWindow,
  setWeights,
  assignExpert,
  expertCases,
  scoreCase,
  shareCode,
  recountVotes,
  uploadTicket,
  purgeUploads,

  async mediaCheckResult(input, ctx) {
    const role = await requireOrganiser(ctx)
    if (!role.ok) return role
    const { applied, check } = await applyMediaVerdict(ctx, input)
    if (!check) return fail('NOT_FOUND', '没有找到这条图片检测记录，请核对检测编号')
    if (!applied) return fail('CONFLICT', '这条图片检测已经有结论，不能重复录入')
    const auditId = await writeAudit(ctx, { action: 'media.verdict', selectionId: check.selectionId, workId: check.workId, detail: { ...input } })
    return ok({ auditId })
  },
}
