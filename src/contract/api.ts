// The typed map of the whole API: function → action → { input, output }. Both the app's client and the
// functions' routers are typed from it, so a missing handler or a wrong payload fails the typecheck.
import type * as z from 'zod'
import type { functionSchemas, FunctionName } from './schemas'
import type { EventDetail, HomeView, Me, VenueDetail, VenueSummary } from './model'

interface Outputs {
  festival: {
    home: HomeView
    venues: VenueSummary[]
    venue: VenueDetail
    event: EventDetail
  }
  account: {
    whoami: Me
  }
}

type Schemas = typeof functionSchemas

export type ActionName<F extends FunctionName> = keyof Schemas[F] & keyof Outputs[F] & string

export type Api = {
  [F in FunctionName]: {
    [A in ActionName<F>]: {
      input: Schemas[F][A] extends z.ZodType ? z.input<Schemas[F][A]> : never
      parsed: Schemas[F][A] extends z.ZodType ? z.output<Schemas[F][A]> : never
      output: Outputs[F][A]
    }
  }
}

export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['input']
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['output']
