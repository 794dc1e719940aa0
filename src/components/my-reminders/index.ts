// MyReminders: 我的活动提醒 on 我的 (styles: ./index.scss, listed in ../styles.scss).
export { MyReminders } from './my-reminders'
