// Canvas 2d, as `<canvas type="2d">` gives it to the app through createSelectorQuery().fields({ node }):
// the context records every draw call and style change (so a test can check the poster's layout and
// the overview's charts); it has the web standard's methods only (CanvasRenderingContext2D, as WeChat's
// Canvas 2d), not the old wx.createCanvasContext ones (setFillStyle, draw…), so a library that checks
// for them sees what it would see in WeChat; calling a method the context lacks fails like WeChat's;
// measureText estimates widths from the font size (CJK characters full width, others half); images
// load from the app's temp files.
import type { SystemUI } from './ui'
import { LIVE } from './wx-api'

export interface DrawCall {
  op: string
  args: unknown[]
}

function fontPx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font)
  return m ? Number(m[1]) : 10
}

/** CanvasRenderingContext2D's methods (the state properties are plain values on the context). */
const METHODS = new Set([
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'createImageData', 'createLinearGradient',
  'createPattern', 'createRadialGradient', 'drawImage', 'ellipse', 'fill', 'fillRect', 'fillText', 'getImageData', 'getLineDash',
  'getTransform', 'isPointInPath', 'isPointInStroke', 'lineTo', 'moveTo', 'putImageData', 'quadraticCurveTo', 'rect',
  'resetTransform', 'restore', 'rotate', 'roundRect', 'save', 'scale', 'setLineDash', 'setTransform', 'stroke', 'strokeRect',
  'strokeText', 'transform', 'translate',
])

export class FakeCanvas {
  readonly [LIVE] = true
  width = 300
  height = 150
  readonly calls: DrawCall[] = []
  private context: Record<string, unknown> | undefined

  constructor(readonly id: string, private ui: SystemUI, private later: (fn: () => void) => void) {}

  getContext(type: string): unknown {
    if (type !== '2d') throw new Error(`canvas 只支持 getContext('2d')，收到 ${type}`)
    if (this.context) return this.context
    const state: Record<string, unknown> = { font: '10px sans-serif', fillStyle: '#000000', textAlign: 'start', textBaseline: 'alphabetic' }
    const calls = this.calls
    this.context = new Proxy(state, {
      get: (target, key) => {
        if (typeof key !== 'string') return undefined
        if (key === 'measureText') {
          return (text: string) => {
            const px = fontPx(String(target.font))
            return { width: [...String(text)].reduce((w, ch) => w + (ch.charCodeAt(0) <= 0xff ? px / 2 : px), 0) }
          }
        }
        if (key in target) return target[key]
        if (METHODS.has(key)) return (...args: unknown[]) => void calls.push({ op: key, args })
        return undefined
      },
      set: (target, key, value) => {
        if (typeof key === 'string') {
          target[key] = value
          calls.push({ op: `set ${key}`, args: [value] })
        }
        return true
      },
    })
    return this.context
  }

  createImage(): Record<string, unknown> {
    const ui = this.ui
    const later = this.later
    const image: Record<string, unknown> = { width: 0, height: 0, onload: null, onerror: null }
    let src = ''
    Object.defineProperty(image, 'src', {
      get: () => src,
      set: (value: string) => {
        src = value
        const file = ui.files.get(value)
        later(() => {
          if (file) {
            image.width = file.width
            image.height = file.height
            if (typeof image.onload === 'function') (image.onload as () => void)()
          } else if (typeof image.onerror === 'function') (image.onerror as (e: unknown) => void)({ errMsg: `image load fail: ${value}` })
        })
      },
    })
    return image
  }

  /** The texts drawn with fillText, in order. */
  texts(): string[] {
    return this.calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]))
  }
}
