// account.whoami: the role comes from the staff collection keyed by the platform's openid.
import type { Dispatch } from '../core/router'
import { startHarness, type Harness } from './harness'

let h: Harness
let dispatch: Dispatch

beforeAll(async () => {
  h = await startHarness()
  const { createDispatcher } = await import('../core/router')
  const { accountHandlers } = await import('../account/handlers')
  dispatch = createDispatcher('account', accountHandlers)
})
afterAll(() => h.close())

test.each([
  ['demo-organiser-1', { role: 'organiser' }],
  ['demo-staff-banan', { role: 'staff', venueId: 'banan' }],
  ['demo-expert-1', { role: 'expert' }],
  ['someone-new', { role: 'resident' }],
  ['', { role: 'resident' }],
])('openid %p is %p', async (openid, expected) => {
  const res = (await dispatch({ action: 'whoami', input: {} }, h.ctx(openid))) as { ok: boolean; data: unknown }
  expect(res.ok).toBe(true)
  expect(res.data).toMatchObject(expected)
})
