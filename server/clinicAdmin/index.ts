// Cloud function `clinicAdmin`: sign-up lists (masked), reveal (organisers, audited), attendance,
// Excel exports, and the daily personal-data purge (timer trigger `clinicPurge`, see config.json).
import { defineFunction } from '../core/define-function'
import { clinicAdminHandlers } from './handlers'

const fn = defineFunction('clinicAdmin', clinicAdminHandlers, { timers: { clinicPurge: 'purgePersonalData' } })

export const main = fn.main
export const invoke = fn.invoke
