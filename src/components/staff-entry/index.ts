// StaffEntry: staff/organiser links (styles: ./index.scss, to be listed in ../styles.scss).
export { StaffEntry } from './staff-entry'
