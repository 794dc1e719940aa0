// Reads back what a rendered QrCode shows: its image's PNG data URL is decoded (pngjs, so the PNG
// itself must be valid), each pixel scaled up as a phone's screen would show it, and read with jsqr —
// a test checks the picture scans to the right text, not how it was built.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

const SCALE = 4

/** What a PNG data URL's QR code says, or null when it is no readable QR code. */
export function decodeQrDataUrl(src: string): string | null {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(src)
  if (!m?.[1]) return null
  const png = PNG.sync.read(Buffer.from(m[1], 'base64'))
  const side = png.width * SCALE
  const pixels = new Uint8ClampedArray(side * png.height * SCALE * 4)
  for (let y = 0; y < png.height * SCALE; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const from = (Math.floor(y / SCALE) * png.width + Math.floor(x / SCALE)) * 4
      pixels.set(png.data.subarray(from, from + 4), (y * side + x) * 4)
    }
  }
  return jsQR(pixels, side, png.height * SCALE)?.data ?? null
}

/** The text of the QR code a rendered QrCode (`.qr-code`) shows. */
export function decodeQrImage(root: Element): string | null {
  const image = root.querySelector('.qr-code__image')
  const src = image?.getAttribute('src') ?? (image as { src?: string } | null)?.src ?? ''
  return decodeQrDataUrl(src)
}
