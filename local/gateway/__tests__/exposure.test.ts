// What a client learns: through a sign-in + browse + upload + poster flow, no answer of the gateway
// (bodies and headers) names the local CloudBase service's port; every file URL is the gateway's,
// serves the file (photos and poster codes), and is refused once its signature or expiry is altered.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBenchSelection, organiserBrowser, upload, PNG } from '../../../bench/selection-setup'
import { callFn, newBrowser, signInAs, type Browser } from '../../../bench/gateway-client'
import type { ActionName, InputOf } from '../../../src/contract/api'
import type { FunctionName } from '../../../src/contract/schemas'
import { present } from '../../../server/__tests__/narrow'
import { startLocalApp, type LocalApp } from '../../runtime'

let app: LocalApp
const answers: string[] = []

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>妇幼健康公益文化节</title>')
  app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'exposure-')), staticDir })
  const realFetch = globalThis.fetch
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const res = await realFetch(input, init)
    const type = res.headers.get('content-type') ?? ''
    const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')
    answers.push(headers + (type.includes('json') || type.includes('text') ? `\n${await res.clone().text()}` : ''))
    return res
  })
})
afterAll(async () => {
  jest.restoreAllMocks()
  await app.close()
})

const call = <F extends FunctionName, A extends ActionName<F>>(browser: Browser, fn: F, action: A, input: InputOf<F, A>) =>
  callFn(app.url, browser, fn, action, input)

test('sign-in, browse, upload and poster answers never name the service, and their file URLs work through the gateway', async () => {
  const selection = await createBenchSelection(app, 'exposure', { perDay: 3, perWorkPerDay: 1 })
  const organiser = await organiserBrowser(app)
  const author = await newBrowser(app.url)
  await signInAs(app.url, author, 'resident-wang')
  await call(author, 'festival', 'home', {})
  const fileID = await upload(app.url, author)
  const submitted = await call(author, 'selection', 'submit', { kind: 'photo', selectionId: selection._id, title: '外婆的生日', images: [fileID], showsChild: false })
  expect(submitted).toMatchObject({ ok: true })
  expect(await call(organiser, 'selection', 'review', { workId: submitted.data._id, decision: 'approve' })).toMatchObject({ ok: true })
  const gallery = await call(author, 'selection', 'gallery', { selectionId: selection._id })
  const work = await call(author, 'selection', 'work', { workId: submitted.data._id })
  const poster = await call(author, 'selection', 'shareCode', { workId: submitted.data._id })
  await call(author, 'selection', 'myWorks', { selectionId: selection._id })
  expect(poster).toMatchObject({ ok: true })

  const servicePort = String(app.cloudbase.port)
  expect(answers.join('\n').match(/\/files\//g)?.length).toBeGreaterThanOrEqual(3)
  for (const answer of answers) {
    expect(answer).not.toContain(`:${servicePort}`)
    for (const url of answer.match(/https?:\/\/[^"'\s\\]+/g) ?? []) expect(url.startsWith(`${app.url}/`)).toBe(true)
  }

  const photoUrl = present(work.data.work.imageUrls[0], 'the photo URL')
  expect(JSON.stringify(gallery)).toContain(photoUrl.split('?')[0])
  const photo = await fetch(photoUrl)
  expect(photo.status).toBe(200)
  expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true)
  expect((await fetch(poster.data.codeUrl)).headers.get('content-type')).toBe('image/png')
  const ranged = await fetch(photoUrl, { headers: { range: 'bytes=0-3' } })
  expect(ranged.status).toBe(206)
  expect((await fetch(photoUrl.replace(/sign=[0-9a-f]+/, `sign=${'1'.repeat(64)}`))).status).toBe(403)
  expect((await fetch(photoUrl.split('?')[0] as string)).status).toBe(403)
})

test('the service refuses an unsigned admin call that would read sign-ups or make a visitor an organiser', async () => {
  for (const body of [
    { action: 'database.getDocument', collectionName: 'clinicSignups', queryType: 'WHERE', limit: 1000 },
    { action: 'database.insertDocument', collectionName: 'users', data: JSON.stringify({ _id: 'x', role: 'organiser' }) },
  ]) {
    const res = await fetch(app.cloudbase.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' })
  }
})
