// account.whoami: the role comes from the staff collection keyed by the platform's openid.
import { startHarness, type Harness } from './harness'
import type { Caller } from './typed-caller'

let h: Harness
let call: Caller<'account'>

beforeAll(async () => {
  h = await startHarness()
  const { accountHandlers } = await import('../account/handlers')
  call = h.caller('account', accountHandlers)
})
afterAll(() => h.close())

test.each([
  ['demo-organiser-1', { role: 'organiser' }],
  ['demo-staff-banan', { role: 'staff', venueId: 'banan' }],
  ['demo-expert-1', { role: 'expert' }],
  ['someone-new', { role: 'resident' }],
  ['', { role: 'resident' }],
])('openid %p is %p', async (openid, expected) => {
  const res = await call(openid, 'whoami', {})
  expect(res.ok).toBe(true)
  expect(res.data).toMatchObject(expected)
})
