// The clinicAdmin function's action table: organisers' and sub-venue staff's tools over clinic sign-ups.
// A function of its own so exceljs (≈ 1 MB) never weighs on the residents' hot `clinic` function.
import type { Handlers } from '../core/router'
import { attendance } from './attendance'
import { exportSignups, exportStatus } from './export'
import { refreshFigures } from './figures'
import { revealSignup, signupList, slotDays } from './lists'
import { purgePersonalData } from './purge'

export const clinicAdminHandlers: Handlers<'clinicAdmin'> = {
  signupList,
  revealSignup,
  slotDays,
  attendance,
  exportSignups,
  exportStatus,
  purgePersonalData,
  refreshFigures,
}
