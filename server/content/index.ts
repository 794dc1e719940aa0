// Cloud function `content`: the lecture library, the expert directory and the discount-week offers.
import { defineFunction } from '../core/define-function'
import { contentHandlers } from './handlers'

const fn = defineFunction('content', contentHandlers)

export const main = fn.main
export const invoke = fn.invoke
