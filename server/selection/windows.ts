// Organisers open, extend and end a selection's phases (作品征集, 网络投票, 专家评审) from 评选管理
// instead of editing data: each change is conditional on the windows the organiser saw (two organisers
// at once change them once), written to the audit log with its reason and the old and new times, and
// read back at once by this instance (other instances within the selection cache's few seconds).
import { SELECTION_WINDOW_LABELS, type Selection, type SelectionWindowKey, type SelectionWindows, type WindowMove } from '../../src/contract/selection'
import type { WindowOutcome } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { chinaLabel, toChinaIso } from '../core/china-time'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { updated } from '../core/db'
import { SELECTION_NOT_FOUND, forgetSelection, loadSelection } from '../shared/selection-config'
import { requireOrganiser } from '../shared/staff-roles'
import { writeAudit } from './audit'

export interface SetWindowInput {
  selectionId: string
  window: SelectionWindowKey
  move: WindowMove
  until?: string
  reason: string
}

const KEYS: Record<SelectionWindowKey, { from: keyof SelectionWindows; until: keyof SelectionWindows }> = {
  submit: { from: 'submitFrom', until: 'submitUntil' },
  vote: { from: 'voteFrom', until: 'voteUntil' },
  judge: { from: 'judgeFrom', until: 'judgeUntil' },
}

/** The window after the move, or why the move makes no sense now (in Chinese). */
function moved(selection: Selection, input: SetWindowInput, now: Date): { from: string; until: string } | string {
  const keys = KEYS[input.window]
  const label = SELECTION_WINDOW_LABELS[input.window]
  const from = selection.windows[keys.from]
  const until = selection.windows[keys.until]
  const n = now.getTime()
  const isOpen = from !== undefined && until !== undefined && Date.parse(from) <= n && n < Date.parse(until)
  const stamp = toChinaIso(now)
  const target = input.until === undefined ? NaN : Date.parse(input.until)
  if (input.move === 'end') {
    if (!isOpen || !from) return `${label}现在没有进行，无需结束`
    return { from, until: stamp }
  }
  if (!(target > n)) return '截止时间应晚于现在，请重新选择'
  const untilText = toChinaIso(new Date(target))
  if (input.move === 'open') {
    if (isOpen) return `${label}已经在进行中；要推迟截止时间，请选「延长」`
    return { from: stamp, until: untilText }
  }
  if (!isOpen || !from || !until) return `${label}现在没有进行；要重新开始，请选「开启」`
  if (target <= Date.parse(until)) return `延长后的截止时间应晚于现在的截止时间（${chinaLabel(new Date(until))}）`
  return { from, until: untilText }
}

export async function setWindow(input: SetWindowInput, ctx: Ctx): Promise<Result<WindowOutcome>> {
  const role = await requireOrganiser(ctx)
  if (!role.ok) return role
  const selection = await loadSelection(ctx.db, input.selectionId)
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  if (selection.results) return fail('FORBIDDEN', '评选结果已经公布，不能再调整各阶段的时间')
  if (input.window === 'judge' && selection.kind !== 'cases') {
    return fail('INVALID_INPUT', '这项评选没有专家评审环节')
  }
  const next = moved(selection, input, ctx.now())
  if (typeof next === 'string') return fail('CONFLICT', next)
  const keys = KEYS[input.window]
  const windows: SelectionWindows = { ...selection.windows, [keys.from]: next.from, [keys.until]: next.until }
  const _ = ctx.db.command
  const seen = (key: keyof SelectionWindows) => selection.windows[key] ?? _.exists(false)
  const done = await updated(ctx.db.collection(COLLECTIONS.selections).where({
    _id: selection._id, [`windows.${keys.from}`]: seen(keys.from), [`windows.${keys.until}`]: seen(keys.until),
  }).update({ data: { [`windows.${keys.from}`]: next.from, [`windows.${keys.until}`]: next.until } }))
  forgetSelection(selection._id)
  if (!done) return fail('CONFLICT', '这项评选的时间刚刚已被调整，请刷新后再试')
  const auditId = await writeAudit(ctx, {
    action: `window.${input.window}.${input.move}`, selectionId: selection._id, reason: input.reason,
    detail: { from: { from: selection.windows[keys.from] ?? null, until: selection.windows[keys.until] ?? null }, to: next },
  })
  return ok({ windows, auditId })
}
