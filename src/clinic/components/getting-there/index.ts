// GettingThere: address, map, phone and 添加到日历 of a clinic slot (styles come with clinic/styles.scss).
export { GettingThere, calendarEntryOf, fullAddress } from './getting-there'
