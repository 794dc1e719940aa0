// The local runtime holds every call to CloudBase's limits: the declared timeout (3 s by default), a
// 100 KB request and a 6 MB answer, failing as wx.cloud.callFunction does (errCode, no result).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { declaredTimeout, withPlatformLimits, type Invocable } from '../platform-limits'
import { refusal } from './fixtures/refusal'

const echo = (delayMs: number, answer: unknown = { ok: true }): Invocable<string> => ({
  invoke: () => new Promise((resolve) => setTimeout(() => resolve(answer), delayMs)),
})

test('a call past its declared timeout fails with CloudBase\'s timeout error; one within it answers', async () => {
  const limited = withPlatformLimits('slow', echo(1200), 1)
  await expect(withPlatformLimits('quick', echo(5), 1).invoke({}, 'u')).resolves.toEqual({ ok: true })
  const err = await refusal(limited.invoke({}, 'u'))
  expect(err.errCode).toBe(-504003)
  expect(err.errMsg).toContain('timed out after 1 seconds')
})

test('requests over 100 KB and answers over 6 MB are refused', async () => {
  const big = { action: 'x', input: { text: 'a'.repeat(100 * 1024) } }
  expect((await refusal(withPlatformLimits('f', echo(0), 3).invoke(big, 'u'))).errCode).toBe(-504002)
  const huge = { ok: true, data: 'b'.repeat(6 * 1024 * 1024) }
  expect((await refusal(withPlatformLimits('f', echo(0, huge), 3).invoke({}, 'u'))).errMsg).toContain('answer')
})

test('timeouts are read from each function\'s config.json, 3 s when absent, and out-of-range values are refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limits-'))
  for (const [fn, config] of [['a', { timeout: 20 }], ['b', {}], ['c', { timeout: 90 }]] as const) {
    mkdirSync(join(dir, fn))
    writeFileSync(join(dir, fn, 'config.json'), JSON.stringify(config))
  }
  expect(declaredTimeout(dir, 'a')).toBe(20)
  expect(declaredTimeout(dir, 'b')).toBe(3)
  expect(() => declaredTimeout(dir, 'c')).toThrow('1 to 60')
})
