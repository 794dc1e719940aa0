// Mini-program codes for sharing a published work on a poster. The code opens selection/work/index with a
// short `scene` (≤ 32 characters, as WeChat requires): `<selectionId>.<number>`, or a hash of the
// selection id when that would be too long. The image is made once by wxacode.getUnlimited, kept in cloud
// storage, and its fileID stored in `selectionShareCodes` under the scene, so later posters of the same
// work cost no openapi call; the same document turns a scanned scene back into the work.
import { createHash } from 'node:crypto'
import type { Work } from '../../src/contract/selection'
import type { ShareCode, WorkDetail } from '../../src/contract/selection-views'
import { fail, ok, type Result } from '../../src/contract/result'
import { toChinaIsoMs } from '../core/china-time'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { getFirst } from '../core/db'
import { workDetail } from './browse'
import { SELECTION_NOT_FOUND, loadSelection } from '../shared/selection-config'
import { tempUrls, urlOf } from '../shared/work-files'
import { workById } from './works'

/** The page the code opens; no leading slash, as wxacode.getUnlimited wants it. */
export const SHARE_PAGE = 'selection/work/index'
export const SCENE_UNKNOWN = '这个小程序码已失效或不是本活动的作品码，请在作品列表中查找这件作品'
const SCENE_MAX = 32

interface ShareCodeDoc {
  _id: string
  workId: string
  selectionId: string
  number: number
  fileID: string
  at: string
}

interface WxacodeApi {
  getUnlimited(data: Record<string, unknown>): Promise<{ buffer?: Buffer; contentType?: string }>
}

const codesOf = (ctx: Ctx) => ctx.db.collection(COLLECTIONS.selectionShareCodes)

export function sceneOf(selectionId: string, number: number): string {
  const plain = `${selectionId}.${number}`
  if (plain.length <= SCENE_MAX) return plain
  return `${createHash('sha1').update(selectionId).digest('hex').slice(0, 12)}.${number}`
}

async function makeCode(work: Work & { number: number }, scene: string): Promise<string> {
  const wxacode = (cloud.openapi as unknown as { wxacode: WxacodeApi }).wxacode
  const res = await wxacode.getUnlimited({ scene, page: SHARE_PAGE, checkPath: false, width: 430 })
  if (!res.buffer || res.buffer.length === 0) throw new Error('wxacode.getUnlimited answered no image')
  const upload = await cloud.uploadFile({ cloudPath: `share-codes/${work.selectionId}/${work.number}.png`, fileContent: res.buffer })
  return upload.fileID
}

export async function shareCode(input: { workId: string }, ctx: Ctx): Promise<Result<ShareCode>> {
  const work = await workById(ctx.db, input.workId)
  if (!work || work.status !== 'published' || !work.number) {
    return fail('NOT_FOUND', '只有审核通过、已公开展示的作品才能生成海报；请稍后再试或返回作品列表')
  }
  const numbered = { ...work, number: work.number }
  const scene = sceneOf(work.selectionId, work.number)
  const [selection, cached] = await Promise.all([
    loadSelection(ctx.db, work.selectionId, { cached: true }),
    getFirst<ShareCodeDoc>(codesOf(ctx).where({ _id: scene }).limit(1)),
  ])
  if (!selection) return fail('NOT_FOUND', SELECTION_NOT_FOUND)
  let fileID = cached?.workId === work._id ? cached.fileID : ''
  if (!fileID) {
    try {
      fileID = await makeCode(numbered, scene)
    } catch (error) {
      console.warn('[selection] wxacode.getUnlimited failed', error)
      return fail('INTERNAL', '小程序码暂时生成不了，请稍后再试；也可以先用「分享给好友」')
    }
    const doc = { workId: work._id, selectionId: work.selectionId, number: work.number, fileID, at: toChinaIsoMs(ctx.now()) }
    await codesOf(ctx).doc(scene).set({ data: doc })
  }
  const urls = await tempUrls([fileID, work.cover])
  return ok({
    workId: work._id, scene, codeUrl: urlOf(urls, fileID), title: work.title, number: work.number, votes: work.votes,
    coverUrl: urlOf(urls, work.cover), selectionTitle: selection.title,
  })
}

/** The `work` action, which also opens a work from a scanned code's scene. */
export async function workByRef(input: { workId?: string; selectionId?: string; number?: number; scene?: string }, ctx: Ctx): Promise<Result<WorkDetail>> {
  if (input.workId !== undefined || input.scene === undefined) return workDetail(input, ctx)
  const code = await getFirst<ShareCodeDoc>(codesOf(ctx).where({ _id: input.scene }).limit(1))
  if (!code) return fail('NOT_FOUND', SCENE_UNKNOWN)
  return workDetail({ workId: code.workId }, ctx)
}
