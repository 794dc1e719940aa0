// The admin endpoint accepts only requests signed with this start's SDK credentials (TC3, as node-sdk
// signs them): unsigned, forged, tampered, padded or stale requests are refused with 401 and neither
// read nor write anything; temp file URLs are refused without a valid signature.

import { rawAdmin, removeTempDirs, startHarness, Harness, tempDir, type RawAdminOptions } from './helpers'
import { startCloudbaseService, sdkEnv } from '../index'

let h: Harness

beforeAll(async () => {
  h = await startHarness(['signups', 'staff'])
  await h.db.collection('signups').add({ data: { _id: 's1', name: '王女士', phone: '13800000001' } })
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

const readSignups = { action: 'database.getDocument', collectionName: 'signups', queryType: 'WHERE', limit: 100 }
const writeStaff = {
  action: 'database.insertDocument', collectionName: 'staff', queryType: 'WHERE',
  data: JSON.stringify({ _id: 'intruder', openid: 'visitor', role: 'organiser' }),
}

function expectRefused(res: { status: number; body: { code?: string; data?: unknown } }): void {
  expect(res.status).toBe(401)
  expect(res.body.code).toBe('SIGN_PARAM_INVALID')
  expect(res.body.data).toBeUndefined()
}

test('a correctly signed raw request is answered (the verifier agrees with the SDK signer)', async () => {
  const res = await rawAdmin(h.service, readSignups)
  expect(res.status).toBe(200)
  expect(JSON.stringify(res.body.data.list)).toContain('13800000001')
})

test.each<[string, () => RawAdminOptions]>([
  ['without any signature', () => ({ unsigned: true })],
  ['signed with another key', () => ({ credentials: { secretId: 'local-forged', secretKey: 'guess' } })],
  ['signed with the right secretId but another key', () => ({ credentials: { ...h.service.credentials, secretKey: 'guess' } })],
  ['signed 11 minutes ago', () => ({ timestamp: Math.floor(Date.now() / 1000) - 660 })],
  ['altered after signing', () => ({ tamper: (b) => ({ ...b, collectionName: 'staff' }) })],
  ['carrying an unsigned parameter', () => ({ tamper: (b) => ({ ...b, extra: 'x' }) })],
])('a request %s cannot read sign-ups', async (_label, opts) => {
  const res = await rawAdmin(h.service, readSignups, opts())
  expectRefused(res)
  expect(JSON.stringify(res.body)).not.toContain('13800000001')
})

test('an unsigned or forged request cannot write staff', async () => {
  expectRefused(await rawAdmin(h.service, writeStaff, { unsigned: true }))
  expectRefused(await rawAdmin(h.service, writeStaff, { credentials: { secretId: h.service.credentials.secretId, secretKey: 'guess' } }))
  const staff = await h.db.collection('staff').get()
  expect(staff.data).toEqual([])
})

test('each start has its own credentials, and sdkEnv hands them to the SDK', async () => {
  const other = await startCloudbaseService({ dataDir: tempDir() })
  try {
    expect(other.credentials.secretKey).not.toBe(h.service.credentials.secretKey)
    expect(other.credentials.secretKey.length).toBeGreaterThanOrEqual(32)
    const env = sdkEnv(other)
    expect(env.TENCENTCLOUD_SECRETID).toBe(other.credentials.secretId)
    expect(env.TENCENTCLOUD_SECRETKEY).toBe(other.credentials.secretKey)
    expectRefused(await rawAdmin(other, readSignups, { credentials: h.service.credentials }))
  } finally {
    await other.close()
  }
})

test('a temp file URL without a valid signature or past its expiry is refused', async () => {
  const { fileID } = await h.cloud.uploadFile({ cloudPath: 'exports/list.csv', fileContent: Buffer.from('name,phone\n') })
  const url: string = (await h.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList[0].tempFileURL
  expect((await fetch(url)).status).toBe(200)
  const bare = url.split('?')[0] as string
  expect((await fetch(bare)).status).toBe(403)
  expect((await fetch(url.replace(/sign=[0-9a-f]+/, `sign=${'0'.repeat(64)}`))).status).toBe(403)
  const t = Number(new URL(url).searchParams.get('t'))
  expect((await fetch(url.replace(`t=${t}`, `t=${t + 86400}`))).status).toBe(403)
  expect((await fetch(url.replace('list.csv', 'other.csv'))).status).toBe(403)
})
