// ClinicEntry: links to 义诊报名 and 我的报名 (styles: ./index.scss, to be listed in ../styles.scss).
export { ClinicEntry } from './clinic-entry'
