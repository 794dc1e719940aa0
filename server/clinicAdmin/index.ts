// Cloud function `clinicAdmin`: sign-up lists (masked), reveal (organisers, audited), attendance,
// Excel exports, the daily personal-data purge (timer trigger `clinicPurge`, see config.json) and the
// clinic figures of 数据概览 and attendance (timer trigger `clinicFigures`, every 5 minutes; figures.ts).
import { defineFunction } from '../core/define-function'
import { clinicAdminHandlers } from './handlers'

const fn = defineFunction('clinicAdmin', clinicAdminHandlers, { timers: { clinicPurge: 'purgePersonalData', clinicFigures: 'refreshFigures' } })

export const main = fn.main
export const invoke = fn.invoke
