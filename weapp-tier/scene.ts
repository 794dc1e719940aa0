// Setting the scene for the selection flows (tests and bench) straight through the built functions:
// uploads through a ticket as the app does, works submitted and approved, votes cast. Photos are real
// PNGs (pngjs) so the tier's image fakes read their sizes.
import { PNG } from 'pngjs'
import type { CloudRuntime } from './cloud'
import { demoIdentities } from '../local/demo/identities'

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string }

export function openidOf(key: string): string {
  const found = demoIdentities.find((i) => i.key === key)
  if (!found) throw new Error(`没有演示身份 ${key}`)
  return found.openid
}

/** A solid-colour PNG of `width` × `height`. */
export function photo(width = 64, height = 48, rgb: [number, number, number] = [200, 120, 90]): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4)
  return PNG.sync.write(png)
}

export async function call(runtime: CloudRuntime, openid: string, action: string, input: unknown, fn = 'selection'): Promise<Record<string, unknown>> {
  const loaded = runtime.functions.get(fn)
  if (!loaded) throw new Error(`没有构建好的云函数 ${fn}`)
  const result = (await loaded.invoke({ action, input }, { openid })) as Answer
  if (!result.ok) throw new Error(`${fn}.${action} 被拒绝：${result.message}`)
  return result.data
}

/** A ticket, then the bytes to the ticket's path: the fileID a work may use. */
export async function upload(runtime: CloudRuntime, openid: string, bytes: Buffer, ext = 'png'): Promise<string> {
  const ticket = await call(runtime, openid, 'uploadTicket', { ext, size: bytes.length })
  const { fileID } = await runtime.cloud.uploadFile({ cloudPath: String(ticket.cloudPath), fileContent: bytes })
  return fileID
}

/** A photo work submitted by `openid` and approved by the organiser; answers its id and number. */
export async function publishedPhoto(runtime: CloudRuntime, openid: string, selectionId: string, title: string): Promise<{ workId: string; number: number }> {
  const image = await upload(runtime, openid, photo())
  const work = await call(runtime, openid, 'submit', { kind: 'photo', selectionId, title, story: '', images: [image], showsChild: false, guardianConsent: false })
  const outcome = await call(runtime, openidOf('organiser'), 'review', { workId: String(work._id), decision: 'approve' })
  return { workId: String(work._id), number: Number(outcome.number) }
}

/** A typical case of `category` submitted and approved. */
export async function publishedCase(runtime: CloudRuntime, openid: string, selectionId: string, category: string, title: string): Promise<{ workId: string; number: number }> {
  const image = await upload(runtime, openid, photo())
  const input = {
    kind: 'cases', selectionId, category, title, images: [image],
    story: '本院开设孕产妇一站式服务中心，建档、产检、营养门诊在同一层完成，孕妇平均少跑三趟。',
    applicant: { institution: '重庆市某区妇幼保健院', person: '张助产士' },
  }
  const work = await call(runtime, openid, 'submit', input)
  const outcome = await call(runtime, openidOf('organiser'), 'review', { workId: String(work._id), decision: 'approve' })
  return { workId: String(work._id), number: Number(outcome.number) }
}

/** Documents of a collection matching `where`, read straight from the local service. */
export async function docs<T>(runtime: CloudRuntime, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const found = (await runtime.db.collection(collection).where(where).get()) as { data: unknown[] }
  return found.data as T[]
}
