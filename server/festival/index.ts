// Cloud function `festival`: browsing the festival and its sub-venues.
import { defineFunction } from '../core/define-function'
import { festivalHandlers } from './handlers'

const fn = defineFunction('festival', festivalHandlers)

export const main = fn.main
export const invoke = fn.invoke
