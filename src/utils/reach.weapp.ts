// WeChat: dial the venue (makePhoneCall) and put a clinic slot into the phone's calendar
// (addPhoneCalendar, with a reminder an hour before).
import Taro from '@tarojs/taro'
import { ALARM_SECONDS, type CalendarEntry } from './calendar'

export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

export function addToCalendar(entry: CalendarEntry, _uid: string): void {
  Taro.addPhoneCalendar({
    title: entry.title,
    startTime: Math.floor(Date.parse(entry.startAt) / 1000),
    endTime: String(Math.floor(Date.parse(entry.endAt) / 1000)),
    location: entry.location,
    description: entry.description,
    alarm: true,
    alarmOffset: ALARM_SECONDS,
  })
    .then(() => Taro.showToast({ title: '已添加到日历', icon: 'success' }))
    .catch((err: { errMsg?: string }) => {
      if (err.errMsg?.includes('cancel')) return
      Taro.showModal({ title: '未能添加到日历', content: '请在微信「设置 → 隐私」中允许使用日历后再试，或自行记下时间。', showCancel: false })
        .catch(() => undefined)
    })
}
