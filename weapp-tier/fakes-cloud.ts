// wx.cloud for the app: callFunction runs the built function (cloudfunctions/<fn>/index.js) with the
// launched identity's openid, the data and the result crossing as JSON like WeChat's network; uploadFile
// stores the temp file's bytes in the local service's storage and answers its fileID; getTempFileURL
// answers the service's URLs. Calls before wx.cloud.init fail, as in WeChat.
import type { CloudRuntime } from './cloud'
import type { FakeContext } from './fakes-ui'
import { answer, ok, refuse, type ApiOption } from './wx-api'

export interface CloudCall {
  name: string
  action: unknown
  ok: boolean
}

export function cloudFake(c: FakeContext, runtime: CloudRuntime, openid: () => string, calls: CloudCall[]): Record<string, unknown> {
  const { host, ui } = c
  let initialised = false
  const notInit = (api: string) => refuse(`${api}:fail please call wx.cloud.init first`, -1)
  return {
    init: (options?: { env?: unknown }) => {
      initialised = true
      return options
    },
    callFunction: (o?: ApiOption) => {
      const opts = o ?? {}
      const name = String(opts.name ?? '')
      const run = async () => {
        if (!initialised) return notInit('cloud.callFunction')
        const fn = runtime.functions.get(name)
        if (!fn) return refuse(`cloud.callFunction:fail -501000 FunctionName parameter could not be found (${name})`, -501000)
        const data = JSON.parse(JSON.stringify(opts.data ?? {})) as { action?: unknown }
        try {
          const result = await host.track(fn.invoke(data, { openid: openid() }))
          calls.push({ name, action: data.action, ok: true })
          return ok({ result: JSON.parse(JSON.stringify(result ?? null)) as unknown, requestID: `weapp-tier-${calls.length}` })
        } catch (error) {
          calls.push({ name, action: data.action, ok: false })
          return refuse(`cloud.callFunction:fail -504002 functions execute fail | ${String((error as Error)?.message ?? error)}`, -504002)
        }
      }
      return answer(host, 'cloud.callFunction', opts, run())
    },
    uploadFile: (o?: ApiOption) => {
      const opts = o ?? {}
      const listeners: Array<(p: unknown) => void> = []
      const run = async () => {
        if (!initialised) return notInit('cloud.uploadFile')
        const file = ui.files.get(String(opts.filePath))
        if (!file) return refuse(`cloud.uploadFile:fail file not found: ${String(opts.filePath)}`)
        if (typeof opts.cloudPath !== 'string' || opts.cloudPath === '') return refuse('cloud.uploadFile:fail cloudPath is required')
        const { fileID } = await host.track(runtime.cloud.uploadFile({ cloudPath: opts.cloudPath, fileContent: file.bytes }))
        for (const listener of listeners) host.clock.setTimeout(() => listener(host.realm.json({ progress: 100, totalBytesSent: file.bytes.length, totalBytesExpectedToSend: file.bytes.length })), 0)
        return ok({ fileID, statusCode: 200 })
      }
      const result = answer(host, 'cloud.uploadFile', opts, run())
      const task = { onProgressUpdate: (fn: (p: unknown) => void) => void listeners.push(fn), offProgressUpdate: () => undefined, abort: () => undefined }
      return result === undefined ? task : Object.assign(result as object, task)
    },
    getTempFileURL: (o?: ApiOption) => {
      const opts = o ?? {}
      const run = async () => {
        const fileList = Array.isArray(opts.fileList) ? (opts.fileList as unknown[]).map((f) => (typeof f === 'string' ? f : String((f as { fileID?: unknown }).fileID))) : []
        const res = await host.track(runtime.cloud.getTempFileURL({ fileList }))
        return ok({ fileList: JSON.parse(JSON.stringify(res.fileList)) as unknown })
      }
      return answer(host, 'cloud.getTempFileURL', opts, run())
    },
  }
}
