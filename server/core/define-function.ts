// The two thin transport adapters of every cloud function: `main` for WeChat (identity from
// cloud.getWXContext()) and `invoke` for the local gateway (identity from its session). Both run the
// same dispatcher; handlers never learn which one called them.
import type { FunctionName } from '../../src/contract/schemas'
import { cloud } from './cloud'
import { createContext, type Identity } from './context'
import { createDispatcher, type Handlers } from './router'

export function defineFunction<F extends FunctionName>(fn: F, handlers: Handlers<F>) {
  const dispatch = createDispatcher(fn, handlers)
  return {
    main: (event: unknown) => dispatch(event, createContext({ openid: cloud.getWXContext().OPENID ?? '' })),
    invoke: (event: unknown, identity: Identity) => dispatch(event, createContext(identity)),
  }
}
