// Reads the text of a QR code in a PNG (pngjs + jsqr): how the tests check that the local stand-in's
// mini-program code really opens the address it should. Test and tooling use only.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

export function readQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
  return found ? found.data : null
}

/** The same for RGBA pixels already read (e.g. a canvas's getImageData in a browser). */
export function readQrPixels(rgba: number[] | Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(Uint8ClampedArray.from(rgba), width, height)?.data ?? null
}
