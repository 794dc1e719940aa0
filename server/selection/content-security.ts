// WeChat content security for works. Text: security.msgSecCheck v2 at submission (needs the author's
// openid; 'risky' refuses the work). Images: security.mediaCheckAsync v2, whose verdict arrives later
// as a `wxa_media_check` message push; each request's trace id is stored in `selectionMediaChecks` and
// the verdict updates the work (see media-verdicts.ts). Videos are not covered by the platform and go to
// human review. Permissions are declared in cloudfunctions/selection/config.json.
import { cloud } from '../core/cloud'

/** msgSecCheck / mediaCheckAsync scene 3: forum-style posts (论坛). */
const SCENE_POST = 3
const MEDIA_TYPE_IMAGE = 2

export type TextVerdict = 'pass' | 'review' | 'risky' | 'error'

interface SecurityApi {
  msgSecCheck(data: Record<string, unknown>): Promise<{ result?: { suggest?: string; label?: number } }>
  mediaCheckAsync(data: Record<string, unknown>): Promise<{ traceId?: string }>
}

const security = () => (cloud.openapi as { security: SecurityApi }).security

/**
 * One msgSecCheck call for all of a work's text. A platform failure (quota, the user has not opened the
 * mini-program in two hours ...) does not block the author: the work is marked for the reviewer instead.
 */
export async function checkText(openid: string, content: string): Promise<TextVerdict> {
  try {
    const res = await security().msgSecCheck({ openid, scene: SCENE_POST, version: 2, content })
    const suggest = res.result?.suggest
    return suggest === 'risky' || suggest === 'review' || suggest === 'pass' ? suggest : 'error'
  } catch (error) {
    console.warn('[selection] msgSecCheck failed', error)
    return 'error'
  }
}

/** Asks for an asynchronous verdict on each image; answers the trace id per fileID (null when the request failed). */
export async function requestImageChecks(openid: string, images: Array<{ fileID: string; url: string }>): Promise<Array<{ fileID: string; traceId: string | null }>> {
  return Promise.all(
    images.map(async ({ fileID, url }) => {
      try {
        const res = await security().mediaCheckAsync({ mediaUrl: url, mediaType: MEDIA_TYPE_IMAGE, version: 2, scene: SCENE_POST, openid })
        return { fileID, traceId: typeof res.traceId === 'string' && res.traceId ? res.traceId : null }
      } catch (error) {
        console.warn('[selection] mediaCheckAsync failed', error)
        return { fileID, traceId: null }
      }
    }),
  )
}

export const TEXT_RISKY_MESSAGE = '标题或文字中含有不适合公开发布的内容，请修改后重新提交'
