// China-time (UTC+8) formatting of the API's dates and instants, whatever the device's timezone.
// A fixed +08:00 offset (utc plugin) rather than dayjs' tz(): China has had no daylight saving since
// 1991, and tz() needs Intl time-zone data that WeChat on Android does not have.
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const CHINA_OFFSET_MINUTES = 8 * 60
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const UNKNOWN = '时间待定'

/** An instant (ISO 8601 with offset) as read on a clock in China. */
export function chinaTime(iso: string): Dayjs {
  return dayjs(iso).utcOffset(CHINA_OFFSET_MINUTES)
}

function weekday(day: number): string {
  return WEEKDAYS[day] ?? ''
}

/** A China calendar date 'YYYY-MM-DD' → { year, month, day, weekday }; null when malformed. */
function parseDate(ymd: string): { y: number; m: number; d: number; w: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return { y, m, d, w: weekday(new Date(Date.UTC(y, m - 1, d)).getUTCDay()) }
}

/** 'YYYY-MM-DD' → 2022年6月25日 */
export function formatDate(ymd: string): string {
  const p = parseDate(ymd)
  return p ? `${p.y}年${p.m}月${p.d}日` : UNKNOWN
}

/** Two calendar dates → 2022年6月25日 至 7月2日 (one date when equal; end year shown only if it differs). */
export function formatDateRange(start: string, end: string): string {
  const a = parseDate(start)
  const b = parseDate(end)
  if (!a || !b) return UNKNOWN
  if (start === end) return formatDate(start)
  const endText = a.y === b.y ? `${b.m}月${b.d}日` : `${b.y}年${b.m}月${b.d}日`
  return `${formatDate(start)} 至 ${endText}`
}

/** The China calendar day of an instant: 'YYYY-MM-DD' (for grouping). */
export function chinaDayKey(iso: string): string {
  const t = chinaTime(iso)
  return t.isValid() ? t.format('YYYY-MM-DD') : ''
}

/** Day heading of a timeline: 6月25日 周六 */
export function formatDayHeading(iso: string): string {
  const t = chinaTime(iso)
  return t.isValid() ? `${t.format('M月D日')} ${weekday(t.day())}` : UNKNOWN
}

/** An instant as 6月20日 09:00 in China time, or an empty string when malformed. */
export function shortInstant(iso: string): string {
  const t = chinaTime(iso)
  return t.isValid() ? t.format('M月D日 HH:mm') : ''
}

/** An instant as the forms' China wall-clock text, 2022-06-25 09:05, or an empty string when malformed. */
export function wallClock(iso: string): string {
  const t = chinaTime(iso)
  return t.isValid() ? t.format('YYYY-MM-DD HH:mm') : ''
}

/** Epoch milliseconds as ISO 8601 in China time: 2022-06-25T09:05:00+08:00. */
export function chinaIso(ms: number): string {
  return chinaTime(new Date(ms).toISOString()).format('YYYY-MM-DD[T]HH:mm:ss[+08:00]')
}

/** The China calendar month of an instant (default now): 'YYYY-MM'. */
export function chinaMonthKey(ms: number = Date.now()): string {
  return chinaTime(new Date(ms).toISOString()).format('YYYY-MM')
}

/** A China wall-clock date and time ('YYYY-MM-DD', 'HH:mm') → ISO 8601 +08:00; null when no such time. */
export function fromWallClock(ymd: string, hm: string): string | null {
  const iso = `${ymd}T${hm}:00+08:00`
  const t = chinaTime(iso)
  return t.isValid() && t.format('YYYY-MM-DD HH:mm') === `${ymd} ${hm}` ? iso : null
}

/** Clock time in China: 09:00 */
export function formatClock(iso: string): string {
  const t = chinaTime(iso)
  return t.isValid() ? t.format('HH:mm') : UNKNOWN
}

/** The time of a timeline item: 09:00–11:30, or 09:00 起，至7月2日 when it ends on a later day. */
export function formatSlot(startAt: string, endAt?: string): string {
  const start = formatClock(startAt)
  if (!endAt || !chinaTime(endAt).isValid()) return start
  if (chinaDayKey(startAt) === chinaDayKey(endAt)) return `${start}–${formatClock(endAt)}`
  return `${start} 起，至${chinaTime(endAt).format('M月D日')}`
}

/** Full time of an event: 2022年6月25日 周六 09:00–11:30, or … 09:00 至 7月2日 周六 18:00 */
export function formatTimeRange(startAt: string, endAt?: string): string {
  const s = chinaTime(startAt)
  if (!s.isValid()) return UNKNOWN
  const startText = `${s.format('YYYY年M月D日')} ${weekday(s.day())} ${s.format('HH:mm')}`
  const e = endAt ? chinaTime(endAt) : null
  if (!e || !e.isValid()) return startText
  if (s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD')) return `${startText}–${e.format('HH:mm')}`
  const endDay = e.year() === s.year() ? e.format('M月D日') : e.format('YYYY年M月D日')
  return `${startText} 至 ${endDay} ${weekday(e.day())} ${e.format('HH:mm')}`
}

export interface DayGroup<T> {
  key: string
  heading: string
  items: T[]
}

/** Groups items by their China calendar day, in time order. */
export function groupByChinaDay<T extends { startAt: string }>(items: T[]): DayGroup<T>[] {
  const sorted = [...items].sort((a, b) => chinaTime(a.startAt).valueOf() - chinaTime(b.startAt).valueOf())
  const groups: DayGroup<T>[] = []
  for (const item of sorted) {
    const key = chinaDayKey(item.startAt)
    const last = groups[groups.length - 1]
    if (last && last.key === key) last.items.push(item)
    else groups.push({ key, heading: formatDayHeading(item.startAt), items: [item] })
  }
  return groups
}
