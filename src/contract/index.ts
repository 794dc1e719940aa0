// The contract's surface for the app: types and labels only (no runtime validator).
export * from './result'
export * from './model'
export * from './account'
export * from './clinic'
export * from './clinic-admin'
export * from './content'
export type { Api, ActionName, InputOf, OutputOf } from './api'
export type { FunctionName } from './schemas'
