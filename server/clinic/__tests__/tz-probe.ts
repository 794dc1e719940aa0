// Run by china-time.test.ts in a child process with TZ set to a non-China zone (jest's sandboxed
// process.env cannot change the zone of a running process): prints the China-time rules' answers.
import { addChinaDays, chinaDate, chinaHour, chinaInstant, toChinaIso } from '../../core/china-time'
import { slotStatus } from '../../shared/slot-rules'
import type { SlotRead } from '../../shared/clinic-records'

const slot = {
  date: '2022-06-26', startTime: '09:00', endTime: '11:30', closed: false, quota: 2, confirmed: 0, waitlisted: 0,
  signupOpensAt: '2022-06-24T09:00:00+08:00', signupClosesAt: '2022-06-26T08:00:00+08:00',
} as SlotRead
const status = (iso: string) => slotStatus(slot, new Date(iso))
const runAt = new Date('2022-06-24T16:30:00Z')

console.log(JSON.stringify({
  offset: new Date('2022-06-25T12:00:00Z').getTimezoneOffset(),
  dates: [chinaDate(new Date('2022-06-25T15:59:59Z')), chinaDate(new Date('2022-06-25T16:00:00Z'))],
  hour: chinaHour(runAt),
  tomorrow: addChinaDays(chinaDate(runAt), 1),
  instant: chinaInstant('2022-06-26', '09:00').toISOString(),
  iso: toChinaIso(runAt),
  window: ['2022-06-24T00:59:59Z', '2022-06-24T01:00:00Z', '2022-06-26T00:00:00Z', '2022-06-26T03:30:00Z'].map(status),
}))
