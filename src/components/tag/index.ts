// Tag: a small coloured label.
export { Tag } from './tag'
