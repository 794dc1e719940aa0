// Input schemas of every cloud-function action (zod). Functions validate with them; the app only
// imports their inferred types, so zod never reaches the mini-program bundle.
import * as z from 'zod'
import { accountActions } from './account-schemas'
import { clinicActions } from './clinic-schemas'
import { clinicAdminActions } from './clinic-admin-schemas'
import { selectionActions } from './selection-schemas'

export const idSchema = z
  .string({ error: '缺少编号' })
  .min(1, '编号不能为空')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确')

const empty = z.object({}).strict()

export const festivalActions = {
  home: empty,
  venues: z.object({ festivalId: idSchema.optional() }).strict(),
  venue: z.object({ venueId: idSchema }).strict(),
  event: z.object({ eventId: idSchema }).strict(),
}


/** Every deployable function and its actions' input schemas. */
export const functionSchemas = {
  festival: festivalActions,
  account: accountActions,
  clinic: clinicActions,
  clinicAdmin: clinicAdminActions,
  selection: selectionActions,
} as const

export type FunctionName = keyof typeof functionSchemas
