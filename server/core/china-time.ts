// China time (UTC+8, no daylight saving) for every "day" rule, whatever timezone the function runs in.
// Wall-clock values are written 'YYYY-MM-DD', 'HH:mm' or 'YYYY-MM-DD HH:mm' and always mean China time;
// stored instants are ISO 8601 with the +08:00 offset, like the festival's events.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { Phase } from '../../src/contract/model'

dayjs.extend(utc)

const CHINA_OFFSET_MINUTES = 8 * 60
const HOUR_MS = 3600 * 1000

const inChina = (at: Date) => dayjs(at).utcOffset(CHINA_OFFSET_MINUTES)

/** The China calendar date of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return inChina(at).format('YYYY-MM-DD')
}

/** The China wall clock of an instant, as 'YYYY-MM-DD HH:mm'. */
export function chinaDateTime(at: Date): string {
  return inChina(at).format('YYYY-MM-DD HH:mm')
}

/** The hour (0–23) on a China clock at `at`. */
export function chinaHour(at: Date): number {
  return inChina(at).hour()
}

/** The China calendar month of an instant, as YYYY-MM. */
export function chinaMonth(at: Date): string {
  return inChina(at).format('YYYY-MM')
}

/** A China calendar date moved by whole days (no DST in China, so a day is always 24 h). */
export function addChinaDays(date: string, days: number): string {
  return chinaDate(new Date(chinaInstant(`${date} 12:00`).getTime() + days * 24 * HOUR_MS))
}

/** The instant of a China wall-clock time ('YYYY-MM-DD HH:mm' or a date plus 'HH:mm'). */
export function chinaInstant(dateTime: string, time?: string): Date {
  const text = time === undefined ? dateTime : `${dateTime} ${time}`
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text)
  if (!match) throw new Error(`not a China wall-clock time: ${text}`)
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - 8 * HOUR_MS)
}

/** An instant as ISO 8601 with the +08:00 offset, e.g. 2022-06-25T09:00:00+08:00 (second precision). */
export function toChinaIso(at: Date): string {
  return inChina(at).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** An instant as ISO 8601 +08:00 with milliseconds, for ordering keys and audit times. */
export function toChinaIsoMs(at: Date): string {
  return inChina(at).format('YYYY-MM-DDTHH:mm:ss.SSSZ')
}

/** A short Chinese label of an instant for messages, e.g. 6月25日 09:00. */
export function chinaLabel(at: Date): string {
  return inChina(at).format('M月D日 HH:mm')
}

/** Whether a span of China calendar dates (inclusive) is to come, under way or over at `at`. */
export function phaseOf(span: { startDate: string; endDate: string }, at: Date): Phase {
  const today = chinaDate(at)
  if (today < span.startDate) return 'upcoming'
  if (today > span.endDate) return 'ended'
  return 'running'
}
