// Section: a titled block of a page.
export { Section } from './section'
export type { SectionProps } from './section'
