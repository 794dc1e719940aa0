// Fakes of WeChat's device and privacy APIs, with their refusals: scanCode (scanned / cancelled),
// requestSubscribeMessage (only inside a tap; accept / reject per template), chooseMedia behind the
// privacy check (onNeedPrivacyAuthorization → agree from the open-type button / disagree), album saving
// behind scope.writePhotosAlbum (ask / granted / denied → openSetting, where the test turns the switch), canvas nodes found by selector
// query, images and downloads over real HTTP, the file system manager's getFileInfo, openLocation,
// documents, previews.
import { FakeCanvas } from './canvas'
import type { FakeContext } from './fakes-ui'
import { imageSize } from './ui'
import type { VNode } from './view'
import { answer, ok, refuse, type ApiOption, type Outcome, type WxFakes } from './wx-api'

type Resolve = (option: { event?: string; buttonId?: string }) => void

function findById(node: VNode | undefined, id: string): VNode | undefined {
  if (!node) return undefined
  if (node.attr.id === id) return node
  for (const child of node.children) {
    const found = typeof child === 'object' ? findById(child, id) : undefined
    if (found) return found
  }
  return undefined
}

/**
 * The file system manager, for the app's temp files: getFileInfo (size) is faked; any other method
 * fails the test like an unfaked wx API.
 */
function fileSystemManager(c: FakeContext): Record<string, unknown> {
  const { host, ui } = c
  const known: Record<string, unknown> = {
    getFileInfo: (o?: ApiOption) => {
      const file = ui.files.get(String(o?.filePath))
      return answer(host, 'getFileInfo', o, file ? ok({ size: file.bytes.length }) : refuse(`getFileInfo:fail no such file or directory ${String(o?.filePath)}`))
    },
  }
  return new Proxy(known, {
    get: (target, key) => {
      if (typeof key !== 'string' || key in target) return typeof key === 'string' ? target[key] : undefined
      return () => {
        const message = `FileSystemManager.${key} 没有在 weapp 测试层中模拟：请在 weapp-tier/fakes-device.ts 里按微信的行为为它写一个模拟`
        host.fail(message)
        throw new Error(message)
      }
    },
  })
}

export function deviceFakes(c: FakeContext): WxFakes & { canvases: Map<string, FakeCanvas> } {
  const { host, ui } = c
  const canvases = new Map<string, FakeCanvas>()
  let privacyListener: ((resolve: Resolve, info: { referrer: string }) => void) | undefined
  const later = (fn: () => void) => void host.clock.setTimeout(fn, 0)
  const simple = (api: string, run: (o: ApiOption) => Outcome | Promise<Outcome>) => (o?: ApiOption) => answer(host, api, o, run(o ?? {}))

  /** WeChat's privacy check: held until the app's listener answers (or WeChat's own popup, without one). */
  const privacy = async (api: string): Promise<Outcome | null> => {
    if (ui.privacyAgreed) return null
    const decision = await new Promise<string>((settle) => {
      if (!privacyListener) {
        void ui.ask('privacy', { api }).then((agree) => settle(agree ? 'agree' : 'disagree'))
        return
      }
      privacyListener((option) => {
        if (option?.event === 'exposureAuthorization') return
        if (option?.event === 'agree' && option.buttonId !== ui.agreeButtonId) {
          host.fail(`onNeedPrivacyAuthorization 的 resolve({ event: 'agree' }) 必须带上刚点过的 open-type="agreePrivacyAuthorization" 按钮的 id（收到 ${String(option.buttonId)}）`)
        }
        settle(option?.event === 'agree' ? 'agree' : 'disagree')
      }, { referrer: api })
    })
    if (decision !== 'agree') return refuse(`${api}:fail privacy permission is not authorized`, 104)
    ui.privacyAgreed = true
    return null
  }

  const fetchFile = async (url: string): Promise<string | null> => {
    if (ui.files.has(url)) return url
    const res = await host.track(fetch(url))
    if (!res.ok) return null
    const bytes = Buffer.from(await host.track(res.arrayBuffer()))
    const size = imageSize(bytes)
    return ui.addFile({ bytes, type: size.type, width: size.width, height: size.height }, size.type === 'jpeg' ? 'jpg' : size.type)
  }

  return {
    canvases,
    scanCode: simple('scanCode', async () => {
      const scanned = await ui.ask('scanCode', {})
      return typeof scanned === 'string' ? ok({ result: scanned, scanType: 'QR_CODE', charSet: 'utf-8', rawData: Buffer.from(scanned).toString('base64') }) : refuse('scanCode:fail cancel')
    }),
    requestSubscribeMessage: (o?: ApiOption) => {
      const ids = Array.isArray(o?.tmplIds) ? (o.tmplIds as string[]) : []
      if (ui.tapDepth === 0) return answer(host, 'requestSubscribeMessage', o, refuse('requestSubscribeMessage:fail can only be invoked by user TAP gesture.', 10005))
      return answer(host, 'requestSubscribeMessage', o, ui.ask('requestSubscribeMessage', { tmplIds: ids }).then((choice): Outcome => {
        if (choice !== 'accept' && choice !== 'reject') return refuse('requestSubscribeMessage:fail cancel')
        return ok(Object.fromEntries(ids.map((id) => [id, choice])))
      }))
    },
    onNeedPrivacyAuthorization: (listener: typeof privacyListener) => void (privacyListener = listener),
    getPrivacySetting: simple('getPrivacySetting', () => ok({ needAuthorization: !ui.privacyAgreed, privacyContractName: '《小程序隐私保护指引》' })),
    openPrivacyContract: simple('openPrivacyContract', () => (ui.opened.push({ what: 'privacyContract', detail: {} }), ok())),
    chooseMedia: simple('chooseMedia', async (o) => {
      const refused = await privacy('chooseMedia')
      if (refused) return refused
      const picked = await ui.ask('chooseMedia', { count: o.count, mediaType: o.mediaType })
      if (!Array.isArray(picked)) return refuse('chooseMedia:fail cancel')
      const tempFiles = (picked as Buffer[]).map((bytes) => {
        const size = imageSize(bytes)
        const tempFilePath = ui.addFile({ bytes, type: size.type, width: size.width, height: size.height }, size.type === 'png' ? 'png' : 'jpg')
        return { tempFilePath, size: bytes.length, fileType: 'image', width: size.width, height: size.height }
      })
      return ok({ tempFiles, type: 'image' })
    }),
    saveImageToPhotosAlbum: simple('saveImageToPhotosAlbum', async (o) => {
      if (!ui.files.has(String(o.filePath))) return refuse('saveImageToPhotosAlbum:fail file not found')
      if (ui.albumAuth === 'ask') ui.albumAuth = (await ui.ask('authorize', { scope: 'scope.writePhotosAlbum' })) ? 'granted' : 'denied'
      if (ui.albumAuth === 'denied') return refuse('saveImageToPhotosAlbum:fail auth deny')
      ui.opened.push({ what: 'album', detail: { filePath: o.filePath } })
      return ok()
    }),
    /** The settings page waits as a prompt: the test answers the switches the user turned ({ 'scope.writePhotosAlbum': true }) or null. */
    openSetting: simple('openSetting', async () => {
      const before = { 'scope.writePhotosAlbum': ui.albumAuth === 'granted' }
      ui.opened.push({ what: 'setting', detail: { authSetting: before } })
      const turned = await ui.ask('openSetting', { authSetting: before })
      const album = (turned as Record<string, unknown> | null)?.['scope.writePhotosAlbum']
      if (typeof album === 'boolean') ui.albumAuth = album ? 'granted' : 'denied'
      return ok({ authSetting: { 'scope.writePhotosAlbum': ui.albumAuth === 'granted' } })
    }),
    createSelectorQuery: () => {
      const requests: Array<{ selector: string; fields: Record<string, unknown> }> = []
      const query = {
        in: () => query,
        select: (selector: string) => ({
          fields: (fields: Record<string, unknown>) => (requests.push({ selector, fields }), query),
          boundingClientRect: () => (requests.push({ selector, fields: { rect: true, size: true } }), query),
        }),
        exec: (callback?: (res: unknown[]) => void) => {
          const tree = c.tree()
          const results = requests.map(({ selector, fields }) => {
            if (!selector.startsWith('#')) host.fail(`createSelectorQuery 的选择器只模拟了 #id，收到 ${selector}`)
            const node = findById(tree, selector.slice(1))
            if (!node) return null
            const out: Record<string, unknown> = { id: node.attr.id, width: 0, height: 0, left: 0, top: 0 }
            if (fields.node && node.tag === 'wx-canvas' && node.attr.type === '2d') {
              const key = String(node.attr.id)
              let canvas = canvases.get(key)
              if (!canvas) canvases.set(key, (canvas = new FakeCanvas(key, ui, later)))
              out.node = canvas
            }
            return out
          })
          later(() => callback?.(results))
        },
      }
      return query
    },
    canvasToTempFilePath: simple('canvasToTempFilePath', (o) => {
      const canvas = o.canvas
      if (!(canvas instanceof FakeCanvas)) return refuse('canvasToTempFilePath:fail canvas is empty')
      const png = Buffer.alloc(24)
      png.writeUInt32BE(0x89504e47, 0)
      png.writeUInt32BE(canvas.width, 16)
      png.writeUInt32BE(canvas.height, 20)
      return ok({ tempFilePath: ui.addFile({ bytes: png, type: 'png', width: canvas.width, height: canvas.height }, 'png') })
    }),
    getImageInfo: simple('getImageInfo', async (o) => {
      const path = await fetchFile(String(o.src))
      const file = path ? ui.files.get(path) : undefined
      return path && file ? ok({ path, width: file.width, height: file.height, type: file.type }) : refuse('getImageInfo:fail download image fail')
    }),
    downloadFile: simple('downloadFile', async (o) => {
      const path = await fetchFile(String(o.url))
      return path ? ok({ tempFilePath: path, statusCode: 200 }) : ok({ tempFilePath: '', statusCode: 404 })
    }),
    openDocument: simple('openDocument', (o) => (ui.opened.push({ what: 'document', detail: { filePath: o.filePath } }), ok())),
    getFileSystemManager: () => fileSystemManager(c),
    previewImage: simple('previewImage', (o) => (ui.opened.push({ what: 'preview', detail: { urls: o.urls, current: o.current } }), ok())),
    openLocation: simple('openLocation', (o) => {
      if (typeof o.latitude !== 'number' || typeof o.longitude !== 'number') return refuse('openLocation:fail invalid latitude or longitude')
      ui.opened.push({ what: 'location', detail: { latitude: o.latitude, longitude: o.longitude, name: o.name, address: o.address } })
      return ok()
    }),
  }
}
