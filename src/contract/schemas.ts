// Every cloud function's contract: per action, the input schema (zod) the function validates with and
// the output type it answers with, one file per function (<fn>-contract.ts). The app imports only types
// from here, so zod never reaches the mini-program bundle.
import { accountContract } from './account-contract'
import { clinicContract } from './clinic-contract'
import { clinicAdminContract } from './clinic-admin-contract'
import { contentContract } from './content-contract'
import type { FunctionContract } from './define'
import { festivalContract } from './festival-contract'
import { selectionContract } from './selection-contract'

export { idSchema } from './ids'

/** Every deployable function and its actions' contracts (input schema and output type side by side). */
export const functionContracts = {
  festival: festivalContract,
  content: contentContract,
  account: accountContract,
  clinic: clinicContract,
  clinicAdmin: clinicAdminContract,
  selection: selectionContract,
} satisfies Record<string, FunctionContract>

export type FunctionName = keyof typeof functionContracts
