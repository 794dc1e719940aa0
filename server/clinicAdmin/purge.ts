// purgePersonalData: the retention run. Daily by the timer trigger `clinicPurge` (cloudfunctions/
// clinicAdmin/config.json, dispatched here with ctx.trigger = 'timer'), or by an organiser, with
// `dryRun` to see what would go. Anonymises the sign-ups and notices of slots that ended more than the
// retention period ago (retention.ts) and deletes export files older than a day (export-files.ts).
// Idempotent: a second run finds nothing left. Audit-logged whenever it deleted something, and always
// when a person ran it.
import type { PurgeRun } from '../../src/contract/clinic-admin'
import type { Api } from '../../src/contract/api'
import { ok, type Result } from '../../src/contract/result'
import { requireOrganiser } from '../core/auth'
import type { Ctx } from '../core/context'
import { audit, type Actor } from '../shared/clinic-audit'
import { removeOldExports } from './export-files'
import { anonymise, purgeScope, retentionDays } from './retention'

export async function purgePersonalData(input: Api['clinicAdmin']['purgePersonalData']['parsed'], ctx: Ctx): Promise<Result<PurgeRun>> {
  let actor: Actor = 'timer'
  if (ctx.trigger !== 'timer') {
    const auth = await requireOrganiser(ctx)
    if (!auth.ok) return auth
    actor = auth.member
  }
  const dryRun = input.dryRun === true
  const days = retentionDays()
  const scope = await purgeScope(ctx, days)
  const counts = await anonymise(ctx, scope.slotIds, dryRun)
  const exportFiles = await removeOldExports(ctx, dryRun)
  const run: PurgeRun = {
    festivals: scope.festivals, slots: scope.slotIds.length, anonymised: counts.signups, notices: counts.notices,
    exportFiles, retentionDays: days, dryRun,
  }
  if (!dryRun && (actor !== 'timer' || counts.signups + counts.notices + exportFiles > 0)) {
    await audit(ctx, actor, {
      action: 'purge', target: scope.festivals.join(',') || '-', rows: counts.signups,
      detail: `保留期 ${days} 天；场次 ${run.slots}；通知 ${counts.notices}；导出文件 ${exportFiles}`,
    })
  }
  return ok(run)
}
