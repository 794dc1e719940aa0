// China time (UTC+8, no daylight saving) for every "day" rule, whatever timezone the function runs in.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { Phase } from '../../src/contract/model'

dayjs.extend(utc)

const CHINA_OFFSET_MINUTES = 8 * 60

/** The China calendar date of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD')
}

/** Whether a span of China calendar dates (inclusive) is to come, under way or over at `at`. */
export function phaseOf(span: { startDate: string; endDate: string }, at: Date): Phase {
  const today = chinaDate(at)
  if (today < span.startDate) return 'upcoming'
  if (today > span.endDate) return 'ended'
  return 'running'
}
