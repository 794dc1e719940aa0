// EventReminderControl: 提醒我 on an event page (styles: ./index.scss, listed in ../styles.scss).
export { EventReminderControl } from './event-reminder'
