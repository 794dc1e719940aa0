// Shared set-up for the content tests: the handler harness (real wx-server-sdk against a fresh local
// service with the demo festival) and a caller of `content` typed from its contract, at the tests' clock.
import { startHarness, type Harness } from '../../__tests__/harness'
import type { Caller } from '../../__tests__/typed-caller'

/** The tests' default clock: 25 June 2022, 10:00 China time. */
export const NOW = '2022-06-25T10:00:00+08:00'

export interface ContentTest {
  h: Harness
  call: Caller<'content'>
}

export async function startContent(): Promise<ContentTest> {
  const h = await startHarness()
  const { contentHandlers } = await import('../handlers')
  return { h, call: h.caller('content', contentHandlers, NOW) }
}
