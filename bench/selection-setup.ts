// Setup for the selection benchmarks through the full local stack: a bench selection with its windows
// open now, photo works uploaded, submitted and approved through the gateway, and a wait until the
// content-security stand-in has delivered its image verdicts (so they do not disturb the counts).
import type { Selection } from '../src/contract/selection'
import { addChinaDays, chinaDate } from '../server/core/china-time'
import { getDocs } from '../server/core/db'
import type { LocalApp } from '../local/runtime'
import { callFn, newBrowser, signInAs, type Browser } from './gateway-client'

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('bench image')])

const dayStart = (days: number) => `${addChinaDays(chinaDate(new Date()), days)}T00:00:00+08:00`

export async function createBenchSelection(app: LocalApp, id: string, limits: Selection['limits']): Promise<Selection> {
  const selection: Selection = {
    _id: id, festivalId: 'cq-2022', kind: 'photo', title: `基准测试 ${id}`, intro: '基准测试', order: 900,
    windows: { submitFrom: dayStart(-10), submitUntil: dayStart(10), voteFrom: dayStart(-10), voteUntil: dayStart(10) },
    limits, worksPerPerson: 3, weights: { vote: 100, expert: 0 }, categories: [], noticeDays: 7, lastNumber: 0, published: true,
  }
  await app.db.collection('selections').add({ data: selection })
  return selection
}

export async function upload(url: string, browser: Browser, bytes = PNG): Promise<string> {
  const ticketRes = await fetch(`${url}/api/fn/selection`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: browser.cookie }, body: JSON.stringify({ action: 'uploadTicket', input: { ext: 'png', size: bytes.length } }) })
  const ticket = (await ticketRes.json()) as { ok: boolean; data?: { ticket: string } }
  if (!ticket.ok || !ticket.data) throw new Error('upload ticket refused')
  const res = await fetch(`${url}/api/upload?ticket=${ticket.data.ticket}`, { method: 'POST', headers: { 'content-type': 'image/png', cookie: browser.cookie }, body: bytes })
  const body = (await res.json()) as { ok: boolean; data?: { fileID: string } }
  if (!body.ok || !body.data) throw new Error('upload failed')
  return body.data.fileID
}

export async function organiserBrowser(app: LocalApp): Promise<Browser> {
  const organiser = await newBrowser(app.url)
  await signInAs(app.url, organiser, 'organiser')
  return organiser
}

/** Uploads, submits and approves `count` photo works, each by a new browser; answers their ids. */
export async function publishWorks(app: LocalApp, organiser: Browser, selectionId: string, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i += 1) {
    const author = await newBrowser(app.url)
    const image = await upload(app.url, author)
    const submitted = await callFn(app.url, author, 'selection', 'submit', { kind: 'photo', selectionId, title: `基准作品 ${i + 1}`, images: [image], showsChild: false })
    if (!submitted.ok) throw new Error(`submit failed: ${submitted.message}`)
    const approved = await callFn(app.url, organiser, 'selection', 'review', { workId: submitted.data._id, decision: 'approve' })
    if (!approved.ok) throw new Error(`approve failed: ${approved.message}`)
    ids.push(submitted.data._id)
  }
  return ids
}

/** Waits (at most 10 s) until no image verdict of the selection is pending. */
export async function settleVerdicts(app: LocalApp, selectionId: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const pending = await getDocs(app.db.collection('selectionMediaChecks').where({ selectionId, suggest: 'pending' }).limit(1))
    if (pending.length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('image verdicts did not arrive within 10 s')
}

export function dbCount(app: LocalApp): { db: number; other: number; detail: string } {
  const { total, byAction } = app.cloudbase.stats()
  const db = Object.entries(byAction).filter(([a]) => a.startsWith('database.')).reduce((n, [, c]) => n + c, 0)
  const detail = Object.entries(byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(', ')
  return { db, other: total - db, detail }
}
