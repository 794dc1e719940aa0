// The QR symbol and its PNG: the three finder patterns sit in their corners, the PNG is a valid 1-bit
// image of the symbol with its white quiet zone (read back with pngjs, scanned with jsqr), and non-ASCII
// text is encoded without TextEncoder (absent in WeChat's runtime).
import { PNG } from 'pngjs'
import { QUIET_MODULES, qrDataUrl, qrModules, qrPng, utf8Bytes } from '../qr'
import { decodeQrDataUrl } from './qr-pixels'

const CODE = 'banan-0625am-0123456789abcdef.AbCdEfGhIjKlMnOpQrStUv'

test('a check-in code becomes a square symbol with finder patterns in three corners and an alignment pattern', () => {
  const { size, dark } = qrModules(CODE)
  expect((size - 17) % 4).toBe(0)
  for (const [ox, oy] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
    for (let i = 0; i < 7; i += 1) {
      expect(dark(ox + i, oy)).toBe(true)
      expect(dark(ox + i, oy + 6)).toBe(true)
      expect(dark(ox, oy + i)).toBe(true)
    }
    expect(dark(ox + 1, oy + 1)).toBe(false)
    expect(dark(ox + 3, oy + 3)).toBe(true)
  }
  const [ax, ay] = [size - 7, size - 7]
  expect(dark(ax, ay) && !dark(ax - 1, ay) && dark(ax - 2, ay)).toBe(true)
})

test('the PNG is the symbol pixel for pixel inside a white quiet zone, and scans to the text', () => {
  const { size, dark } = qrModules(CODE)
  const png = PNG.sync.read(Buffer.from(qrPng(CODE)))
  const side = size + 2 * QUIET_MODULES
  expect([png.width, png.height]).toEqual([side, side])
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const inside = x >= QUIET_MODULES && y >= QUIET_MODULES && x < size + QUIET_MODULES && y < size + QUIET_MODULES
      const black = inside && dark(x - QUIET_MODULES, y - QUIET_MODULES)
      expect([png.data[(y * side + x) * 4], png.data[(y * side + x) * 4 + 3]]).toEqual([black ? 0 : 255, 255])
    }
  }
  expect(decodeQrDataUrl(qrDataUrl(CODE))).toBe(CODE)
  expect(decodeQrDataUrl(qrDataUrl('巴南分会场义诊-1'))).toBe('巴南分会场义诊-1')
})

test('the image stays small: a check-in code is well under a kilobyte of data URL', () => {
  expect(qrDataUrl(CODE).length).toBeLessThan(1024)
})

test('the same text always gives the same image; another text a different one', () => {
  expect(qrDataUrl(CODE)).toBe(qrDataUrl(CODE))
  expect(qrDataUrl(CODE)).not.toBe(qrDataUrl(`${CODE}x`))
})

test('text is encoded as UTF-8 bytes', () => {
  expect(utf8Bytes('A-1')).toEqual([65, 45, 49])
  expect(utf8Bytes('义诊')).toEqual([0xe4, 0xb9, 0x89, 0xe8, 0xaf, 0x8a])
  expect(utf8Bytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
  expect(typeof (globalThis as { TextEncoder?: unknown }).TextEncoder).toBe('undefined')
  expect(qrModules('巴南分会场义诊').size).toBeGreaterThan(20)
})
