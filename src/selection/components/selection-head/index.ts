// SelectionHead: title, phase, windows and vote rule of a selection.
export { SelectionHead } from './selection-head'
