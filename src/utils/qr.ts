// A check-in code as a QR code image: the `qrcode` encoder core gives the modules, and a small PNG
// writer here turns them into a data URL (one pixel per module, 1-bit grey, a 4-module white quiet
// zone, zlib "stored" blocks), shown by an <Image> on WeChat and h5 alike — offline, no canvas, a few
// hundred bytes through setData instead of hundreds of Views. Only the encoder core of `qrcode` is
// bundled, not its canvas/SVG/PNG renderers (those need a DOM or Node's zlib, which WeChat lacks); the
// text is handed over as UTF-8 bytes because the core's own string path needs TextEncoder, which
// WeChat's JS runtime does not reliably have.
import { create } from 'qrcode/lib/core/qrcode'

export interface QrModules {
  /** Modules per side (without the quiet zone). */
  size: number
  dark(x: number, y: number): boolean
}

/** White modules around the symbol, as the QR specification asks. */
export const QUIET_MODULES = 4

/** UTF-8 bytes of a string (code points, so characters outside the BMP come out right). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** Encodes text as a QR symbol (error correction M). */
export function qrModules(text: string): QrModules {
  const { modules } = create([{ data: utf8Bytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' })
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: number[]): number {
  let c = 0xffffffff
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: number[]): number {
  let a = 1
  let b = 0
  for (const x of bytes) {
    a = (a + x) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]

function chunk(type: string, data: number[]): number[] {
  const body = [...Array.from(type, (ch) => ch.charCodeAt(0)), ...data]
  return [...u32(data.length), ...body, ...u32(crc32(body))]
}

/** A zlib stream of stored (uncompressed) deflate blocks: valid everywhere, no compressor needed. */
function zlibStored(raw: number[]): number[] {
  const STORED_MAX = 65535
  let out = [0x78, 0x01]
  for (let at = 0; at < raw.length; at += STORED_MAX) {
    const block = raw.slice(at, at + STORED_MAX)
    const final = at + STORED_MAX >= raw.length ? 1 : 0
    const len = block.length
    out = out.concat([final, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff], block)
  }
  return out.concat(u32(adler32(raw)))
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63]
    out += B64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? B64[n & 63] : '='
  }
  return out
}

/** The symbol with its quiet zone as a 1-bit greyscale PNG, one pixel per module (black is 0). */
export function qrPng(text: string): number[] {
  const { size, dark } = qrModules(text)
  const side = size + 2 * QUIET_MODULES
  const rowBytes = Math.ceil(side / 8)
  const raw: number[] = []
  for (let y = 0; y < side; y += 1) {
    const row = new Array<number>(rowBytes).fill(0xff)
    for (let x = 0; x < side; x += 1) {
      const mx = x - QUIET_MODULES
      const my = y - QUIET_MODULES
      if (mx >= 0 && my >= 0 && mx < size && my < size && dark(mx, my)) row[x >> 3] = (row[x >> 3] as number) & ~(0x80 >> (x & 7))
    }
    raw.push(0, ...row)
  }
  const header = [...u32(side), ...u32(side), 1, 0, 0, 0, 0]
  return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', zlibStored(raw)), ...chunk('IEND', [])]
}

export function qrDataUrl(text: string): string {
  return `data:image/png;base64,${base64(qrPng(text))}`
}
