// ExpertEntry: the expert's link to 案例评审 on 我的 (styles: ./index.scss, listed in ../styles.scss).
export { ExpertEntry } from './expert-entry'
