// FestivalBanner: the home page's header.
export { FestivalBanner } from './festival-banner'
