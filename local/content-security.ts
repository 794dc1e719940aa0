// Local stand-in for WeChat content security, registered on the local CloudBase service so the functions'
// real `cloud.openapi.security.*` calls (wx-server-sdk → wx.openApi → this) get verdicts locally:
// - security.msgSecCheck v2: text containing a risky word → 'risky', a review word → 'review', else 'pass';
// - security.mediaCheckAsync v2: answers a trace id at once, then after `verdictDelayMs` fetches the image
//   from its URL and delivers a `wxa_media_check` push (the JSON WeChat pushes to a cloud function) —
//   'risky' when the bytes contain `riskyImageMarker`, 'review' for `reviewImageMarker`, else 'pass'.
// Rules come from the defaults, LOCAL_CS_RISKY_WORDS / LOCAL_CS_REVIEW_WORDS (comma-separated) and
// LOCAL_CS_DELAY_MS, or `set()` at run time. Requests are validated like WeChat's (v2 needs an openid).
import { randomBytes } from 'node:crypto'
import type { OpenApiHandler } from './cloudbase'
import type { FunctionRuntime } from './gateway/functions'

export interface ContentSecurityRules {
  riskyWords: string[]
  reviewWords: string[]
  riskyImageMarker: string
  reviewImageMarker: string
  verdictDelayMs: number
}

const words = (env: string | undefined, fallback: string[]) => (env ? env.split(',').map((w) => w.trim()).filter(Boolean) : fallback)

export function defaultRules(env: NodeJS.ProcessEnv = process.env): ContentSecurityRules {
  return {
    riskyWords: words(env.LOCAL_CS_RISKY_WORDS, ['赌博', '博彩', '色情', '代开发票', '违规测试词']),
    reviewWords: words(env.LOCAL_CS_REVIEW_WORDS, ['复核测试词']),
    riskyImageMarker: 'RISKY-IMAGE',
    reviewImageMarker: 'REVIEW-IMAGE',
    verdictDelayMs: Number(env.LOCAL_CS_DELAY_MS ?? 1500),
  }
}

export type PushDelivery = (event: Record<string, unknown>) => Promise<unknown>

export interface ContentSecurityStandIn {
  rules: ContentSecurityRules
  set(rules: Partial<ContentSecurityRules>): void
  /** Image verdicts requested and not delivered yet. */
  pending(): number
  /** Delivers every pending image verdict now (for tests and benchmarks). */
  flush(): Promise<void>
  /** Drops undelivered verdicts and cuts short the ones under way (the service is shutting down); settles once none runs. */
  close(): Promise<void>
}

interface Registrar {
  registerOpenApi(name: string, handler: OpenApiHandler): void
}

const invalid = (errmsg: string) => ({ errcode: 40003, errmsg: `invalid args: ${errmsg}` })
const traceId = () => `${Date.now().toString(16)}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`

function verdict(suggest: 'pass' | 'review' | 'risky') {
  const label = suggest === 'pass' ? 100 : 20002
  return { result: { suggest, label }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }] }
}

function badV2(data: Record<string, unknown>): string | null {
  if (data.version !== 2) return 'version must be 2'
  if (typeof data.openid !== 'string' || data.openid === '') return 'openid is required'
  if (![1, 2, 3, 4].includes(data.scene as number)) return 'scene must be 1-4'
  return null
}

export function installContentSecurity(service: Registrar, deliver: PushDelivery, overrides: Partial<ContentSecurityRules> = {}): ContentSecurityStandIn {
  const rules: ContentSecurityRules = { ...defaultRules(), ...overrides }
  const timers = new Map<string, { timer: NodeJS.Timeout; run: () => Promise<void> }>()
  const running = new Set<Promise<void>>()
  const stopping = new AbortController()
  const track = (work: Promise<void>) => {
    running.add(work)
    void work.finally(() => running.delete(work))
    return work
  }

  service.registerOpenApi('security.msgSecCheck', (data) => {
    const bad = badV2(data) ?? (typeof data.content !== 'string' || data.content === '' ? 'content is required' : null)
    if (bad) return invalid(bad)
    const content = data.content as string
    const suggest = rules.riskyWords.some((w) => content.includes(w)) ? 'risky' : rules.reviewWords.some((w) => content.includes(w)) ? 'review' : 'pass'
    return { errcode: 0, errmsg: 'ok', trace_id: traceId(), ...verdict(suggest) }
  })

  service.registerOpenApi('security.mediaCheckAsync', (data) => {
    const bad = badV2(data) ?? (typeof data.media_url !== 'string' || ![1, 2].includes(data.media_type as number) ? 'media_url and media_type are required' : null)
    if (bad) return invalid(bad)
    const id = traceId()
    const run = async () => {
      timers.delete(id)
      let suggest: 'pass' | 'review' | 'risky' = 'pass'
      try {
        const bytes = Buffer.from(await (await fetch(data.media_url as string, { signal: stopping.signal })).arrayBuffer()).toString('latin1')
        suggest = bytes.includes(rules.riskyImageMarker) ? 'risky' : bytes.includes(rules.reviewImageMarker) ? 'review' : 'pass'
      } catch (error) {
        if (stopping.signal.aborted) return
        console.warn('[content-security] could not fetch media', error)
      }
      if (stopping.signal.aborted) return
      const event = {
        ToUserName: 'gh_local', FromUserName: data.openid, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event',
        Event: 'wxa_media_check', appid: 'wx-local', trace_id: id, version: 2, errcode: 0, errmsg: 'ok', ...verdict(suggest),
      }
      await deliver(event).catch((error: unknown) => console.warn('[content-security] push delivery failed', error))
    }
    const timer = setTimeout(() => void track(run()), rules.verdictDelayMs)
    timer.unref()
    timers.set(id, { timer, run })
    return { errcode: 0, errmsg: 'ok', trace_id: id }
  })

  return {
    rules,
    set: (changes) => Object.assign(rules, changes),
    pending: () => timers.size,
    flush: async () => {
      const due = [...timers.values()]
      for (const { timer } of due) clearTimeout(timer)
      await Promise.all(due.map(({ run }) => track(run())))
    },
    close: async () => {
      for (const { timer } of timers.values()) clearTimeout(timer)
      timers.clear()
      stopping.abort()
      await Promise.allSettled([...running])
    },
  }
}

/** Delivers pushes to a built function's `push` export (cloudfunctions/<name>/index.js), in its instance and within its limits. */
export function pushToFunction(runtime: Pick<FunctionRuntime, 'call'>, name: string): PushDelivery {
  return (event) => runtime.call(name, 'push', event)
}
