// The QR matrix: the three finder patterns sit in their corners, runs stay inside the symbol and
// never overlap, and non-ASCII text is encoded without TextEncoder (absent in WeChat's runtime).
import { qrRuns, utf8Bytes } from '../utils/qr'

const CODE = 'banan-0625am-0123456789abcdef.AbCdEfGhIjKlMnOpQrStUv'

function darkSet(text: string): { size: number; dark: Set<string> } {
  const { size, runs } = qrRuns(text)
  const dark = new Set<string>()
  for (const run of runs) {
    for (let i = 0; i < run.length; i += 1) {
      const key = `${run.x + i},${run.y}`
      expect(dark.has(key)).toBe(false)
      dark.add(key)
    }
    expect(run.x + run.length).toBeLessThanOrEqual(size)
  }
  return { size, dark }
}

test('a check-in code becomes a square symbol with finder patterns in three corners and an alignment pattern', () => {
  const { size, dark } = darkSet(CODE)
  expect((size - 17) % 4).toBe(0)
  for (const [ox, oy] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
    for (let i = 0; i < 7; i += 1) {
      expect(dark.has(`${ox + i},${oy}`)).toBe(true)
      expect(dark.has(`${ox + i},${oy + 6}`)).toBe(true)
      expect(dark.has(`${ox},${oy + i}`)).toBe(true)
    }
    expect(dark.has(`${ox + 1},${oy + 1}`)).toBe(false)
    expect(dark.has(`${ox + 3},${oy + 3}`)).toBe(true)
  }
  const [ax, ay] = [size - 7, size - 7]
  expect(dark.has(`${ax},${ay}`) && !dark.has(`${ax - 1},${ay}`) && dark.has(`${ax - 2},${ay}`)).toBe(true)
})

test('the same text always gives the same symbol; another text a different one', () => {
  expect(qrRuns(CODE)).toEqual(qrRuns(CODE))
  expect(qrRuns(CODE)).not.toEqual(qrRuns(`${CODE}x`))
})

test('text is encoded as UTF-8 bytes', () => {
  expect(utf8Bytes('A-1')).toEqual([65, 45, 49])
  expect(utf8Bytes('义诊')).toEqual([0xe4, 0xb9, 0x89, 0xe8, 0xaf, 0x8a])
  expect(utf8Bytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
  expect(typeof (globalThis as { TextEncoder?: unknown }).TextEncoder).toBe('undefined')
  expect(qrRuns('巴南分会场义诊').size).toBeGreaterThan(20)
})
