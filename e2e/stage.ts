// What every browser test file sets up the same way: one local app (a fresh data directory, the built
// h5 app) and one Debian Chromium per file, phones signed in as demo identities, presses where a finger
// would, function calls made as a signed-in account, real JPEGs drawn and encoded by the browser and
// real WEBMs recorded by it.
import type { ActionName, InputOf, OutputOf } from '../src/contract/api'
import type { FunctionName } from '../src/contract/schemas'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { REPO_ROOT, startLocalApp, type LocalApp } from '../local/runtime'
import { launchChromium, OUTPUT_DIR } from './browser'

export { OUTPUT_DIR }

export interface Stage {
  app: LocalApp
  browser: Browser
}

/** Starts the app and the browser before the file's tests and closes both after; read the fields inside tests. */
export function useStage(name: string): Stage {
  const stage = {} as Stage
  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true })
    stage.app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), `e2e-${name}-`)), staticDir: join(REPO_ROOT, 'dist-h5') })
    stage.browser = await launchChromium()
  })
  afterAll(async () => {
    await stage.browser?.close()
    await stage.app?.close()
  })
  return stage
}

export interface Phone {
  context: BrowserContext
  page: Page
}

/** A phone's screen width (375 unless given) and, where a test needs one, its browser's user agent. */
export interface PhoneOptions {
  width?: number
  userAgent?: string
}

/** A phone-sized browser context, signed in as a demo identity (keys in local/demo/identities.ts) when one is given. */
export async function phoneAs(stage: Stage, key?: string, { width = 375, userAgent }: PhoneOptions = {}): Promise<Phone> {
  const context = await stage.browser.newContext({ viewport: { width, height: 760 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', ...(userAgent ? { userAgent } : {}) })
  if (key) await context.request.post(`${stage.app.url}/api/local/sign-in`, { data: { key } })
  return { context, page: await context.newPage() }
}

/** A form's field (its .form-field wrapper) by the exact text of its label. */
export const field = (scope: Locator, label: string): Locator =>
  scope.locator('.form-field').filter({ has: scope.page().getByText(label, { exact: true }) })

/**
 * A press where the user sees the element. Playwright's actionability check mistakes Taro h5's
 * pull-to-refresh wrapper for a cover over the bottom of a long page, though the browser's own hit
 * test finds the element there, so we press at its centre as a finger would.
 */
export async function pressAt(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  // Press only once the element has stayed put for two frames and the browser's hit test at its centre
  // finds it: a section that loads late (我的 fills in its lists one by one) must not move it under the finger.
  const centre = await target.evaluate((el) => new Promise<{ x: number; y: number }>((resolve, reject) => {
    let last = ''
    let frames = 0
    const started = performance.now()
    const check = () => {
      const r = el.getBoundingClientRect()
      const x = r.left + r.width / 2
      const y = r.top + r.height / 2
      const at = document.elementFromPoint(x, y)
      const here = `${x},${y}`
      frames = here === last && at !== null && (at === el || el.contains(at)) ? frames + 1 : 0
      last = here
      if (frames >= 2) resolve({ x, y })
      else if (performance.now() - started > 10_000) reject(new Error(`element did not settle under the finger (at ${here}: ${at?.outerHTML.slice(0, 120) ?? 'nothing'})`))
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  }))
  await page.mouse.click(centre.x, centre.y)
}

/** One action of a cloud function as the context's signed-in account, its name and input checked against
 * the contract and its answer typed from it; a refusal fails the test with its message. */
export async function callAs<F extends FunctionName, A extends ActionName<F>>(stage: Stage, request: APIRequestContext, fn: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>> {
  const res = await request.post(`${stage.app.url}/api/fn/${fn}`, { data: { action, input } })
  const body = (await res.json()) as { ok: boolean; data: OutputOf<F, A>; message?: string }
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.message}`)
  return body.data
}

/** A small real JPEG drawn and encoded by the browser: a white circle on the given colour. */
export async function drawJpeg(page: Page, colour = '#c8102e', width = 320, height = 240): Promise<Buffer> {
  const base64 = await page.evaluate(async ([fill, w, h]) => {
    const canvas = document.createElement('canvas')
    canvas.width = w as number
    canvas.height = h as number
    const g = canvas.getContext('2d') as CanvasRenderingContext2D
    g.fillStyle = fill as string
    g.fillRect(0, 0, canvas.width, canvas.height)
    g.fillStyle = '#ffffff'
    g.beginPath()
    g.arc(canvas.width / 2, canvas.height / 2, Math.min(canvas.width, canvas.height) / 3, 0, Math.PI * 2)
    g.fill()
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.85))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let text = ''
    bytes.forEach((b) => { text += String.fromCharCode(b) })
    return btoa(text)
  }, [colour, width, height] as const)
  return Buffer.from(base64, 'base64')
}

/** A real 2-second WEBM of a moving circle, recorded from a canvas by the browser's MediaRecorder; runs in the page. */
export async function recordWebm(): Promise<string> {
  const canvas = document.createElement('canvas')
  canvas.width = 320
  canvas.height = 240
  const g = canvas.getContext('2d') as CanvasRenderingContext2D
  const paint = (x: number) => {
    g.fillStyle = '#fde8e6'
    g.fillRect(0, 0, 320, 240)
    g.fillStyle = '#c8102e'
    g.beginPath()
    g.arc(x, 120, 40, 0, Math.PI * 2)
    g.fill()
  }
  const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' })
  const chunks: Blob[] = []
  recorder.ondataavailable = (e) => chunks.push(e.data)
  const stopped = new Promise<void>((resolve) => { recorder.onstop = () => resolve() })
  const started = performance.now()
  const timer = setInterval(() => paint(60 + ((performance.now() - started) / 1000) * 100), 40)
  paint(60)
  recorder.start(200)
  await new Promise((resolve) => setTimeout(resolve, 2000))
  recorder.stop()
  await stopped
  clearInterval(timer)
  const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer())
  let text = ''
  bytes.forEach((b) => { text += String.fromCharCode(b) })
  return btoa(text)
}

/** Uploads bytes through the gateway as the context's account (a selection upload ticket for `ext`, then the
 * bytes with `contentType`, as the app does); answers their cloud fileID. */
async function uploadBytes(stage: Stage, phone: Phone, bytes: Buffer, ext: string, contentType: string): Promise<string> {
  const ticket = await phone.context.request.post(`${stage.app.url}/api/fn/selection`, { data: { action: 'uploadTicket', input: { ext, size: bytes.length } } })
  const { data } = (await ticket.json()) as { data: { ticket: string } }
  const res = await phone.context.request.post(`${stage.app.url}/api/upload?ticket=${data.ticket}`, { headers: { 'content-type': contentType }, data: bytes })
  return ((await res.json()) as { data: { fileID: string } }).data.fileID
}

/** Uploads a recorded WEBM; answers its cloud fileID and size. */
export async function uploadWebm(stage: Stage, phone: Phone): Promise<{ fileID: string; size: number }> {
  const video = Buffer.from(await phone.page.evaluate(recordWebm), 'base64')
  return { fileID: await uploadBytes(stage, phone, video, 'webm', 'video/webm'), size: video.length }
}

/** Uploads a drawn JPEG; answers its cloud fileID. */
export async function uploadJpeg(stage: Stage, phone: Phone, colour?: string): Promise<string> {
  return uploadBytes(stage, phone, await drawJpeg(phone.page, colour), 'jpg', 'image/jpeg')
}

/**
 * Waits until nothing on the page is moving: Taro's h5 router slides pages in with CSS transitions, so
 * a screenshot or a measurement waits for every finite animation to finish, then for two frames to paint.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity))
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}
