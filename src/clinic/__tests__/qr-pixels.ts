// Reads back what a rendered QrCode draws: its positioned runs (percentages of the matrix) are painted
// onto a pixel grid with a quiet zone and decoded with jsqr, so a test checks the code scans to the
// right text rather than counting Views.
import jsQR from 'jsqr'

const MODULE_PX = 4
const QUIET_MODULES = 4

const percent = (style: string) => Number.parseFloat(style) / 100

export function decodeQrViews(root: Element): string | null {
  const matrix = root.querySelector<HTMLElement>('.qr-code__matrix')
  const size = Number(matrix?.dataset.size)
  if (!matrix || !Number.isInteger(size) || size <= 0) return null
  const side = (size + 2 * QUIET_MODULES) * MODULE_PX
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  for (const run of Array.from(matrix.querySelectorAll<HTMLElement>('.qr-code__run'))) {
    const x = Math.round(percent(run.style.left) * size)
    const y = Math.round(percent(run.style.top) * size)
    const length = Math.floor(percent(run.style.width) * size + 1e-6)
    for (let py = (y + QUIET_MODULES) * MODULE_PX; py < (y + 1 + QUIET_MODULES) * MODULE_PX; py += 1) {
      for (let px = (x + QUIET_MODULES) * MODULE_PX; px < (x + length + QUIET_MODULES) * MODULE_PX; px += 1) {
        pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3)
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null
}
