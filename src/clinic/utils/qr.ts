// A QR code as runs of dark modules, drawn by QrCode with plain Views (no canvas, no network, same on
// WeChat and h5). Only the encoder core of `qrcode` is bundled, not its canvas/SVG/PNG renderers; the
// text is handed over as UTF-8 bytes because the core's own string path needs TextEncoder, which
// WeChat's JS runtime does not reliably have.
import { create } from 'qrcode/lib/core/qrcode'

export interface QrRun {
  /** Column and row of the run's first module, and how many dark modules follow in that row. */
  x: number
  y: number
  length: number
}

export interface QrMatrix {
  /** Modules per side (without the quiet zone). */
  size: number
  runs: QrRun[]
}

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

/** Encodes text (error correction M) and merges each row's adjacent dark modules into runs. */
export function qrRuns(text: string): QrMatrix {
  const { modules } = create([{ data: utf8Bytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' })
  const size = modules.size
  const runs: QrRun[] = []
  for (let y = 0; y < size; y += 1) {
    let x = 0
    while (x < size) {
      if (!modules.get(y, x)) {
        x += 1
        continue
      }
      const start = x
      while (x < size && modules.get(y, x)) x += 1
      runs.push({ x: start, y, length: x - start })
    }
  }
  return { size, runs }
}
