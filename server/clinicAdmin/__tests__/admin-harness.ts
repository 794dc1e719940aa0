// Shared set-up for the clinicAdmin tests: the clinic harness (real wx-server-sdk against a fresh local
// service with the demo festival and staff) plus a dispatcher for `clinicAdmin`, the audit log, bulk
// sign-up records inserted straight through the SDK, and a count of database requests.
import type { Dispatch } from '../../core/router'
import { toChinaIso } from '../../core/china-time'
import type { Ctx } from '../../core/context'
import { NOW, startClinic, type ClinicTest } from '../../clinic/__tests__/clinic-harness'

export interface AdminTest extends ClinicTest {
  admin(openid: string, action: string, input: unknown, now?: string): Promise<any>
  /** The purge as the daily timer runs it: no caller, ctx.trigger = 'timer'. */
  timer(now: string): Promise<any>
  audits(): Promise<any[]>
  /** Inserts `n` sign-up records for a slot in batches of 500 (insertion order = createdAt order). */
  bulkSignups(slotId: string, n: number, venueId?: string): Promise<void>
  /** Database requests (storage and openapi calls excluded) made by `run`. */
  dbRequests(run: () => Promise<unknown>): Promise<number>
}

const STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in'] as const

export function bulkDoc(slotId: string, venueId: string, i: number) {
  const phone = `137${String(i).padStart(8, '0')}`
  const at = toChinaIso(new Date(Date.UTC(2022, 5, 20, 1) + i * 1000))
  return {
    _id: `${slotId}-${i.toString(16).padStart(16, '0')}`, slotId, venueId, openid: `bulk-${i}`, personKey: i.toString(16).padStart(16, '0'),
    person: { relation: 'self', name: `赵批量${i}`, phone, category: 'woman' }, phoneTail: phone.slice(-4), services: ['两癌筛查'],
    remind: false, status: STATUSES[i % 4], consent: { version: 'test', at }, history: [{ event: 'signed_up', at }], createdAt: at, updatedAt: at,
  }
}

export async function startAdmin(): Promise<AdminTest> {
  const t = await startClinic()
  const { createDispatcher } = await import('../../core/router')
  const { clinicAdminHandlers } = await import('../handlers')
  const dispatch: Dispatch = createDispatcher('clinicAdmin', clinicAdminHandlers)
  return {
    ...t,
    admin: (openid, action, input, now = NOW) => dispatch({ action, input }, t.h.ctx(openid, now)) as Promise<any>,
    timer: (now) => dispatch({ action: 'purgePersonalData', input: {} }, { ...t.h.ctx('', now), trigger: 'timer' } satisfies Ctx) as Promise<any>,
    async audits() {
      return ((await t.h.db.collection('clinicAudit').orderBy('at', 'asc').limit(1000).get()) as { data: any[] }).data
    },
    async bulkSignups(slotId, n, venueId = 'banan') {
      for (let start = 0; start < n; start += 500) {
        const docs = Array.from({ length: Math.min(500, n - start) }, (_, k) => bulkDoc(slotId, venueId, start + k))
        await t.h.db.collection('clinicSignups').add({ data: docs as unknown as Record<string, unknown> })
      }
    },
    async dbRequests(run) {
      t.h.resetStats()
      await run()
      return Object.entries(t.h.stats().byAction).filter(([a]) => a.startsWith('database.')).reduce((n, [, c]) => n + c, 0)
    },
  }
}
