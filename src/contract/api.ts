// The typed map of the whole API, derived from the functions' contracts: function → action → { input,
// parsed, output }. Both the app's client and the functions' routers are typed from it, so a missing
// handler or a wrong payload fails the typecheck.
import type * as z from 'zod'
import type { functionContracts, FunctionName } from './schemas'

type Contracts = typeof functionContracts

export type ActionName<F extends FunctionName> = keyof Contracts[F] & string

type OutputFor<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { output: infer O } ? O : never

type InputSchema<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { input: infer I extends z.ZodType } ? I : never

export type Api = {
  [F in FunctionName]: {
    [A in ActionName<F>]: {
      input: z.input<InputSchema<F, A>>
      parsed: z.output<InputSchema<F, A>>
      output: OutputFor<F, A>
    }
  }
}

export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['input']
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['output']
