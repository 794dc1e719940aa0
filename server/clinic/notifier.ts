// Telling a resident something (promoted from the waitlist, tomorrow's reminder): a WeChat subscribe
// message sent through `cloud.openapi.subscribeMessage.send`, and a record residents read under 通知 —
// a reminder's in the `clinicOutbox` collection; a promotion's on the promoted sign-up itself (written by
// the promotion), with an outbox record only when its send failed. Locally the CloudBase-compatible service answers that call
// through its openapi hook (local/runtime.ts registers one). Without a template id configured for the
// kind (env CLINIC_TEMPLATE_PROMOTED / CLINIC_TEMPLATE_REMINDER) nothing is sent; the record stays.
// Template fields used: thing1 场次, time2 时间, thing3 地点, thing4 提示 (pick templates with these).
import { toChinaIsoMs } from '../core/china-time'
import { cloud } from '../core/cloud'
import { COLLECTIONS } from '../core/collections'
import type { Ctx } from '../core/context'
import { isDuplicateKey } from '../core/db'
import type { OutboxDoc } from '../shared/clinic-records'
import type { ReminderNotice } from '../shared/reminder-source'

/** What the notifier sends: the reminder engine's notice (one shape for clinic and event notices). */
export type Notice = ReminderNotice

export type SendOutcome = Omit<OutboxDoc['send'], 'at'>

export interface Notifier {
  send(notice: Notice): Promise<SendOutcome>
}

/** Where a notice opens the app: 我的报名, with the sign-up, its status and its check-in code. */
export const NOTICE_PAGE = 'clinic/mine/index'

const TEMPLATE_ENV: Record<Notice['kind'], string> = {
  promoted: 'CLINIC_TEMPLATE_PROMOTED',
  reminder: 'CLINIC_TEMPLATE_REMINDER',
  event: 'CLINIC_TEMPLATE_REMINDER',
}

/** WeChat "thing" fields take at most 20 characters. */
const clip = (text: string, max = 20) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text)

interface OpenApiError { errCode?: number; errcode?: number; errMsg?: string; message?: string }

export const subscribeMessageNotifier: Notifier = {
  async send(notice) {
    const templateId = process.env[TEMPLATE_ENV[notice.kind]]
    if (!templateId) return { state: 'skipped', detail: `未配置订阅消息模板（${TEMPLATE_ENV[notice.kind]}）` }
    try {
      const res = (await cloud.openapi.subscribeMessage.send({
        touser: notice.openid,
        templateId,
        page: notice.page,
        lang: 'zh_CN',
        miniprogramState: process.env.CLINIC_MINIPROGRAM_STATE ?? 'formal',
        data: {
          thing1: { value: clip(notice.fields.slot) },
          time2: { value: notice.fields.time },
          thing3: { value: clip(notice.fields.place) },
          thing4: { value: clip(notice.fields.tip) },
        },
      })) as OpenApiError | undefined
      const errCode = res?.errCode ?? res?.errcode ?? 0
      return errCode === 0 ? { state: 'sent' } : { state: 'failed', errCode, detail: res?.errMsg ?? '' }
    } catch (error) {
      const e = (error ?? {}) as OpenApiError
      const errCode = e.errCode ?? e.errcode
      const detail = (e.errMsg ?? e.message ?? String(error)).slice(0, 200)
      return errCode === undefined ? { state: 'failed', detail } : { state: 'failed', errCode, detail }
    }
  },
}

/**
 * Sends (best effort) a notice already recorded elsewhere (a promotion, on its sign-up); the outbox
 * gets a record only when the send failed, so organisers can see it and a successful promotion costs
 * no write beyond its own.
 */
export async function deliverRecorded(ctx: Ctx, notice: Notice, outboxId: string, via: Notifier = subscribeMessageNotifier): Promise<SendOutcome> {
  const outcome = await via.send(notice)
  if (outcome.state === 'failed') await record(ctx, notice, outboxId, outcome)
  return outcome
}

/**
 * Sends (best effort) and records the notice; never throws, since the change it reports has already
 * happened. The caller's claim (a status change) makes it happen once.
 */
export async function deliver(ctx: Ctx, notice: Notice, outboxId: string, via: Notifier = subscribeMessageNotifier): Promise<SendOutcome> {
  const outcome = await via.send(notice)
  await record(ctx, notice, outboxId, outcome)
  return outcome
}

async function record(ctx: Ctx, notice: Notice, outboxId: string, outcome: SendOutcome): Promise<void> {
  const at = toChinaIsoMs(ctx.now())
  const { fields: _fields, ...rest } = notice
  const doc: OutboxDoc = { _id: outboxId, ...rest, createdAt: at, send: { ...outcome, at } }
  try {
    await ctx.db.collection(COLLECTIONS.clinicOutbox).add({ data: doc })
  } catch (error) {
    if (!isDuplicateKey(error)) console.error(`[clinic] outbox record ${outboxId} not written`, error)
  }
}
