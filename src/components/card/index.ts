// Card: the app's panel and tappable list item.
export { Card } from './card'
export type { CardProps } from './card'
