// Invite codes: only organisers create them; redeeming binds the role to the caller's openid; a code's
// uses are never exceeded under concurrency; expired, revoked and unknown codes say what to do.
import type { InputOf } from '../../src/contract/api'
import { startHarness, type Harness } from './harness'
import type { Caller } from './typed-caller'

let h: Harness
let call: Caller<'account'>

beforeAll(async () => {
  process.env.FESTIVAL_BOOTSTRAP_CODE = 'first-organiser-setup-2022'
  h = await startHarness()
  const { accountHandlers } = await import('../account/handlers')
  call = h.caller('account', accountHandlers)
})
afterAll(() => h.close())

async function invite(input: InputOf<'account', 'createInvite'>) {
  const res = await call('demo-organiser-1', 'createInvite', input)
  expect(res.ok).toBe(true)
  return res.data.code
}

test('an organiser invites sub-venue staff; the redeemer becomes staff of that venue', async () => {
  const code = await invite({ role: 'staff', venueId: 'fuling', note: '涪陵 张医生' })
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
  const res = await call('new-doctor', 'redeemInvite', { code: code.toLowerCase().replace(/(.{5})/, '$1-'), displayName: '涪陵 张医生' })
  expect(res).toMatchObject({ ok: true, data: { role: 'staff', venueId: 'fuling' } })
  expect((await call('new-doctor', 'whoami', {})).data).toMatchObject({ role: 'staff', venueId: 'fuling', displayName: '涪陵 张医生' })
  const again = await call('someone-else', 'redeemInvite', { code, displayName: '李医生' })
  expect(again).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(again.message).toMatch(/次数已用完/)
})

test('20 phones racing for a 3-use code: exactly 3 are bound', async () => {
  const code = await invite({ role: 'expert', uses: 3 })
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(`racer-${i}`, 'redeemInvite', { code, displayName: `专家${i}` })))
  expect(results.filter((r) => r.ok)).toHaveLength(3)
  const list = await call('demo-organiser-1', 'listInvites', {})
  expect(list.data.find((i: { code: string }) => i.code === code)).toMatchObject({ used: 3, uses: 3 })
})

test('only organisers create, list and revoke invites', async () => {
  for (const openid of ['demo-resident-1', 'demo-staff-banan', 'demo-expert-1']) {
    expect(await call(openid, 'createInvite', { role: 'organiser' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(openid, 'listInvites', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
})

test('expired, revoked, unknown and malformed codes are refused with what to do', async () => {
  const code = await invite({ role: 'staff', venueId: 'banan', validDays: 1 })
  const expired = await call('late-user', 'redeemInvite', { code, displayName: '王护士' }, '2099-01-01T10:00:00+08:00')
  expect(expired).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(expired.message).toMatch(/过期/)
  const revokedCode = await invite({ role: 'staff', venueId: 'banan' })
  expect((await call('demo-organiser-1', 'revokeInvite', { code: revokedCode })).data.revoked).toBe(true)
  expect((await call('u1', 'redeemInvite', { code: revokedCode, displayName: '王护士' })).message).toMatch(/作废/)
  expect(await call('u1', 'redeemInvite', { code: '2222222222', displayName: '王护士' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const bad = await call('u1', 'redeemInvite', { code: '12', displayName: '王护士' })
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await call('demo-organiser-1', 'createInvite', { role: 'staff' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await call('demo-organiser-1', 'createInvite', { role: 'staff', venueId: 'atlantis' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('the bootstrap code makes the first organiser, once', async () => {
  const first = await call('festival-founder', 'redeemInvite', { code: 'first-organiser-setup-2022', displayName: '组委会 钱主任' })
  expect(first).toMatchObject({ ok: true, data: { role: 'organiser' } })
  const second = await call('intruder', 'redeemInvite', { code: 'first-organiser-setup-2022', displayName: '路人' })
  expect(second).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect((await call('intruder', 'whoami', {})).data.role).toBe('resident')
})
