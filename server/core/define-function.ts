// The two thin transport adapters of every cloud function: `main` for WeChat (identity from
// cloud.getWXContext()) and `invoke` for the local gateway (identity from its session). Both run the
// same dispatcher; handlers never learn which one called them.
//
// Timer triggers: WeChat invokes `main` with `{ Type: 'Timer', TriggerName, Time }` instead of the
// `{ action, input }` envelope, and without a user (OPENID is empty). A function that declares
// `timers: { <TriggerName>: <action> }` gets such events dispatched to that action with empty input and
// `ctx.trigger = 'timer'`. An event from a signed-in user is never treated as a timer, whatever it says.
import type { ActionName } from '../../src/contract/api'
import type { FunctionName } from '../../src/contract/schemas'
import { cloud } from './cloud'
import { createContext, type Identity } from './context'
import { createDispatcher, type Handlers } from './router'

export interface FunctionOptions<F extends FunctionName> {
  timers?: Record<string, ActionName<F>>
}

function timerName(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown }
  return Type === 'Timer' && typeof TriggerName === 'string' ? TriggerName : undefined
}

export function defineFunction<F extends FunctionName>(fn: F, handlers: Handlers<F>, options: FunctionOptions<F> = {}) {
  const dispatch = createDispatcher(fn, handlers)
  return {
    main: (event: unknown) => {
      const openid = cloud.getWXContext().OPENID ?? ''
      const trigger = openid ? undefined : timerName(event)
      const action = trigger !== undefined && options.timers && Object.prototype.hasOwnProperty.call(options.timers, trigger)
        ? options.timers[trigger]
        : undefined
      if (action !== undefined) return dispatch({ action, input: {} }, { ...createContext({ openid: '' }), trigger: 'timer' })
      return dispatch(event, createContext({ openid }))
    },
    invoke: (event: unknown, identity: Identity) => dispatch(event, createContext(identity)),
  }
}
