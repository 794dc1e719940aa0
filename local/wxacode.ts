// Local stand-in for WeChat's wxacode.getUnlimited, registered on the local CloudBase service so the
// selection function's real `cloud.openapi.wxacode.getUnlimited` call (wx-server-sdk → wx.openApi →
// this) gets an image locally. WeChat answers a PNG mini-program code that opens `page?scene=…` when
// scanned in WeChat; there is no WeChat here, so the stand-in answers a real PNG QR code (the `qrcode`
// package) of the h5 address of that page with the same scene — scanning it with a phone's camera, or
// reading it in a test, opens the same work in the local app. Requests are checked like WeChat's
// (scene ≤ 32 of the allowed characters, page without a leading slash).
import QRCode from 'qrcode'
import type { OpenApiHandler } from './cloudbase'

interface Registrar {
  registerOpenApi(name: string, handler: OpenApiHandler): void
}

export interface WxacodeStandIn {
  /** getUnlimited calls answered so far (with an image or an error). */
  calls(): number
}

/** WeChat's scene: up to 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$/
const invalid = (errmsg: string) => ({ errcode: 40169, errmsg: `invalid args: ${errmsg}` })

/** `h5Base` answers the local app's address (e.g. http://127.0.0.1:10086), known once the gateway listens. */
export function installWxacode(service: Registrar, h5Base: () => string): WxacodeStandIn {
  let calls = 0
  service.registerOpenApi('wxacode.getUnlimited', async (data) => {
    calls += 1
    const scene = data.scene
    const page = typeof data.page === 'string' && data.page !== '' ? data.page : 'pages/index/index'
    if (typeof scene !== 'string' || !SCENE.test(scene)) return invalid('scene must be 1-32 allowed characters')
    if (page.startsWith('/')) return invalid('page must not start with /')
    const url = `${h5Base()}/#/${page}?scene=${encodeURIComponent(scene)}`
    const width = typeof data.width === 'number' ? Math.min(Math.max(data.width, 280), 1280) : 430
    const buffer = await QRCode.toBuffer(url, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
    return { contentType: 'image/png', buffer }
  })
  return { calls: () => calls }
}
