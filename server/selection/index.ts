// Cloud function `selection`: the photo, video and typical-case selections. Besides the usual `main`
// (client calls) and `invoke` (local gateway), it receives WeChat's `wxa_media_check` message pushes —
// configure 云开发控制台 → 设置 → 消息推送 (MsgType event, Event wxa_media_check) to this function —
// and exports `push` for the local content-security stand-in, which delivers verdicts the same way.
// Timer triggers (cloudfunctions/selection/config.json): `selectionRecount` every 10 minutes (vote
// counts back to their ballots, unfinished void jobs finished) and `selectionUploadsPurge` hourly
// (uploads no work uses, a day after they were issued).
import type { Result } from '../../src/contract/result'
import { createContext } from '../core/context'
import { defineFunction } from '../core/define-function'
import { selectionHandlers } from './handlers'
import { applyMediaVerdict, parseMediaPush } from './media-verdicts'

const fn = defineFunction('selection', selectionHandlers, { timers: { selectionRecount: 'recountVotes', selectionUploadsPurge: 'purgeUploads' } })

/** Applies a platform push; answers 'success' as WeChat expects, whether or not the trace id was known. */
export async function push(event: unknown): Promise<string> {
  const verdict = parseMediaPush(event)
  if (verdict) await applyMediaVerdict(createContext({ openid: '' }), verdict)
  return 'success'
}

export function main(event: unknown): Promise<Result<unknown> | string> {
  return parseMediaPush(event) ? push(event) : fn.main(event)
}

export const invoke = fn.invoke
