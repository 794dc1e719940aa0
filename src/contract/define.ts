// How a function's contract is written: one entry per action holding its input schema (zod) and its
// output type side by side, as ts-rest keeps a route's body and responses in one entry. `c.type<T>()`
// names the output type only; it has no runtime value, so the app, which imports contracts as types,
// never bundles zod.
import type * as z from 'zod'

export interface ActionContract<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  output: O
}

export type FunctionContract = Record<string, ActionContract>

export const c = {
  /** The output type of an action (type-level only). */
  type: <T>(): T => undefined as unknown as T,
}

/** Declares a function's actions; the identity function keeps each entry's exact types. */
export function defineContract<T extends FunctionContract>(actions: T): T {
  return actions
}
