// Shared set-up for the clinicAdmin tests: the clinic harness (real wx-server-sdk against a fresh local
// service with the demo festival and staff) plus a typed caller of `clinicAdmin` (and as its timers), the audit log, bulk
// sign-up records inserted straight through the SDK, and a count of database requests.
import type { OutputOf } from '../../../src/contract/api'
import type { ExportFile } from '../../../src/contract/clinic-admin'
import type { Dispatch } from '../../core/router'
import { toChinaIso } from '../../core/china-time'
import type { AuditDoc } from '../../shared/clinic-audit'
import type { SignupDoc } from '../../shared/clinic-records'
import { NOW, startClinic, type ClinicTest } from '../../clinic/__tests__/clinic-harness'
import { getDocs } from '../../core/db'
import { present } from '../../__tests__/narrow'
import { createCaller, type Answer, type Caller } from '../../__tests__/typed-caller'

export interface AdminTest extends ClinicTest {
  admin: Caller<'clinicAdmin'>
  /** The purge as the daily timer runs it: no caller, ctx.trigger = 'timer'. */
  timer(now: string): Promise<Answer<OutputOf<'clinicAdmin', 'purgePersonalData'>>>
  /** The figures fold as its timer (`clinicFigures`) runs it at `now`. */
  figures(now: string): Promise<Answer<OutputOf<'clinicAdmin', 'refreshFigures'>>>
  /** The audit log, oldest first. */
  audits(): Promise<AuditDoc[]>
  /** Inserts `n` sign-up records for a slot in batches of 500 (insertion order = createdAt order), last
   * changed at `updatedAt` when given (else when created, in June 2022). */
  bulkSignups(slotId: string, n: number, venueId?: string, updatedAt?: string): Promise<void>
  /** What `run` answered and the database requests (storage and openapi calls excluded) it made. */
  dbRequests<T>(run: () => Promise<T>): Promise<{ requests: number; result: T }>
}

/** The file of an export job answered done (fails the test when it is not). */
export function fileOf(res: Answer<OutputOf<'clinicAdmin', 'exportSignups'> | null>): ExportFile {
  return present(res.data?.file, `the export file (${res.ok ? `${res.data?.state} ${res.data?.done}/${res.data?.total} ${res.data?.error ?? ''}` : res.message})`)
}

const STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in'] as const

export function bulkDoc(slotId: string, venueId: string, i: number): SignupDoc {
  const phone = `137${String(i).padStart(8, '0')}`
  const at = toChinaIso(new Date(Date.UTC(2022, 5, 20, 1) + i * 1000))
  return {
    _id: `${slotId}-${i.toString(16).padStart(16, '0')}`, slotId, venueId, openid: `bulk-${i}`, personKey: i.toString(16).padStart(16, '0'),
    person: { relation: 'self', name: `赵批量${i}`, phone, category: 'woman' }, phoneTail: phone.slice(-4), services: ['两癌筛查'],
    remind: false, status: present(STATUSES[i % 4]), consent: { version: 'test', at }, history: [{ event: 'signed_up', at }], createdAt: at, updatedAt: at,
  }
}

export async function startAdmin(): Promise<AdminTest> {
  const t = await startClinic()
  const { createDispatcher } = await import('../../core/router')
  const { clinicAdminHandlers } = await import('../handlers')
  const dispatch: Dispatch = createDispatcher('clinicAdmin', clinicAdminHandlers)
  const fromTimer = createCaller<'clinicAdmin'>(dispatch, (openid, now) => ({ ...t.h.ctx(openid, now), trigger: 'timer' }), NOW)
  return {
    ...t,
    admin: t.h.caller('clinicAdmin', clinicAdminHandlers, NOW),
    timer: (now) => fromTimer('', 'purgePersonalData', {}, now),
    figures: (now) => fromTimer('', 'refreshFigures', {}, now),
    async audits() {
      return getDocs<AuditDoc>(t.h.db.collection('clinicAudit').orderBy('at', 'asc').limit(1000))
    },
    async bulkSignups(slotId, n, venueId = 'banan', updatedAt) {
      for (let start = 0; start < n; start += 500) {
        const docs = Array.from({ length: Math.min(500, n - start) }, (_, k) => ({ ...bulkDoc(slotId, venueId, start + k), ...(updatedAt ? { updatedAt } : {}) }))
        await t.h.db.collection('clinicSignups').add({ data: docs as unknown as Record<string, unknown> })
      }
    },
    async dbRequests(run) {
      t.h.resetStats()
      const result = await run()
      const requests = Object.entries(t.h.stats().byAction).filter(([a]) => a.startsWith('database.')).reduce((n, [, c]) => n + c, 0)
      return { requests, result }
    },
  }
}
