// Browser (local runtime): dial through a tel: link and download the clinic slot as an .ics file that
// the phone's or computer's calendar opens.
import { icsText, type CalendarEntry } from './calendar'

function follow(href: string, download?: string): void {
  const link = document.createElement('a')
  link.href = href
  if (download) link.download = download
  document.body.appendChild(link)
  link.click()
  link.remove()
}

export function callPhone(phone: string): void {
  follow(`tel:${phone.replace(/[^\d+]/g, '')}`)
}

export function addToCalendar(entry: CalendarEntry, uid: string): void {
  const url = URL.createObjectURL(new Blob([icsText(entry, uid)], { type: 'text/calendar;charset=utf-8' }))
  follow(url, `${entry.title}.ics`)
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
