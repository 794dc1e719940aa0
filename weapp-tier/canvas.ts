// Canvas 2d, as `<canvas type="2d">` gives it to the app through createSelectorQuery().fields({ node }):
// the context records every draw call and style change (so a test can check the poster's layout);
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
        return (...args: unknown[]) => void calls.push({ op: key, args })
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
