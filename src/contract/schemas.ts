// Every cloud function's contract: per action, the input schema (zod) the function validates with and
// the output type it answers with. The app imports only types from here, so zod never reaches the
// mini-program bundle.
import type * as z from 'zod'
import { accountActions } from './account-schemas'
import { clinicActions } from './clinic-schemas'
import { clinicAdminActions } from './clinic-admin-schemas'
import { selectionActions } from './selection-schemas'
import { festivalContract } from './festival-contract'
import { contentContract } from './content-contract'
import type { FunctionContract } from './define'

export { idSchema } from './ids'

type Schemas = Record<string, z.ZodType>

/** Pairs a function's older separate input schemas with its output types (until it has one contract file). */
function paired<S extends Schemas>(schemas: S): { [A in keyof S]: { input: S[A]; output: unknown } } {
  return Object.fromEntries(Object.entries(schemas).map(([a, input]) => [a, { input, output: undefined }])) as never
}

/** Every deployable function and its actions' contracts (input schema and output type side by side). */
export const functionContracts = {
  festival: festivalContract,
  content: contentContract,
  account: paired(accountActions),
  clinic: paired(clinicActions),
  clinicAdmin: paired(clinicAdminActions),
  selection: paired(selectionActions),
} satisfies Record<string, FunctionContract>

export type FunctionName = keyof typeof functionContracts
