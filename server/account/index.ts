// Cloud function `account`: the caller's role (later: invite codes binding staff and experts).
import { defineFunction } from '../core/define-function'
import { accountHandlers } from './handlers'

const fn = defineFunction('account', accountHandlers)

export const main = fn.main
export const invoke = fn.invoke
