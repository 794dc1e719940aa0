// China-time helpers: right in China whatever the device timezone (this run is in America/New_York,
// set by test/jest-taro/environment.js; the first test proves it, so the others cannot pass by accident).
import {
  chinaDayKey, chinaMonthKey, formatClock, formatDate, formatDateRange, formatDayHeading, formatSlot, formatTimeRange, fromWallClock, groupByChinaDay,
} from '../time'
import { parseWallClock } from '../../selection/utils/clock'
import { lastDay } from '../../selection/utils/text'

test('the test process really runs far from China time', () => {
  expect(new Date('2022-06-25T09:00:00+08:00').getTimezoneOffset()).toBe(240)
  expect(new Date('2022-06-25T09:00:00+08:00').getHours()).toBe(21)
})

test('an instant is shown on China clocks', () => {
  expect(formatClock('2022-06-25T09:00:00+08:00')).toBe('09:00')
  expect(formatClock('2022-06-25T01:00:00Z')).toBe('09:00')
  expect(formatDayHeading('2022-06-25T09:00:00+08:00')).toBe('6月25日 周六')
})

test('the China day is used near midnight, not the device day', () => {
  expect(chinaDayKey('2022-06-26T07:30:00+08:00')).toBe('2022-06-26')
  expect(formatDayHeading('2022-06-26T07:30:00+08:00')).toBe('6月26日 周日')
  expect(chinaDayKey('2022-06-25T23:30:00+08:00')).toBe('2022-06-25')
  expect(formatDayHeading('2022-06-25T16:30:00Z')).toBe('6月26日 周日')
})

test('slots and ranges', () => {
  expect(formatSlot('2022-06-25T09:00:00+08:00', '2022-06-25T11:30:00+08:00')).toBe('09:00–11:30')
  expect(formatSlot('2022-06-25T09:00:00+08:00', '2022-07-02T18:00:00+08:00')).toBe('09:00 起，至7月2日')
  expect(formatSlot('2022-06-25T09:00:00+08:00')).toBe('09:00')
  expect(formatTimeRange('2022-06-25T09:00:00+08:00', '2022-06-25T11:30:00+08:00')).toBe('2022年6月25日 周六 09:00–11:30')
  expect(formatTimeRange('2022-06-25T09:00:00+08:00', '2022-07-02T18:00:00+08:00'))
    .toBe('2022年6月25日 周六 09:00 至 7月2日 周六 18:00')
  expect(formatTimeRange('2022-12-31T20:00:00+08:00', '2023-01-01T02:00:00+08:00'))
    .toBe('2022年12月31日 周六 20:00 至 2023年1月1日 周日 02:00')
})

test('calendar dates', () => {
  expect(formatDate('2022-04-29')).toBe('2022年4月29日')
  expect(formatDateRange('2022-04-29', '2022-12-31')).toBe('2022年4月29日 至 12月31日')
  expect(formatDateRange('2022-06-25', '2022-06-25')).toBe('2022年6月25日')
  expect(formatDateRange('2022-12-01', '2023-01-15')).toBe('2022年12月1日 至 2023年1月15日')
  expect(formatDate('29/04/2022')).toBe('时间待定')
  expect(formatClock('not a time')).toBe('时间待定')
})

test('grouping by China day keeps time order', () => {
  const items = [
    { id: 'b', startAt: '2022-06-26T07:30:00+08:00' },
    { id: 'a', startAt: '2022-06-25T09:00:00+08:00' },
    { id: 'c', startAt: '2022-06-25T23:00:00+08:00' },
  ]
  const groups = groupByChinaDay(items)
  expect(groups.map((g) => g.heading)).toEqual(['6月25日 周六', '6月26日 周日'])
  expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([['a', 'c'], ['b']])
})

test('a China wall-clock time is read back exactly, and impossible times are refused', () => {
  expect(fromWallClock('2022-06-25', '09:05')).toBe('2022-06-25T09:05:00+08:00')
  expect(fromWallClock('2022-02-30', '09:05')).toBeNull()
  expect(fromWallClock('2022-06-25', '24:00')).toBeNull()
  expect(parseWallClock('2022-06-25 9:05')).toBe('2022-06-25T09:05:00+08:00')
  expect(parseWallClock('2022-06-31 09:05')).toBeNull()
  expect(parseWallClock('2022-06-25 09:60')).toBeNull()
})

test('the month of an instant and the last day of an exclusive end are China ones', () => {
  expect(chinaMonthKey(Date.parse('2022-06-30T17:00:00Z'))).toBe('2022-07')
  expect(lastDay('2022-07-11T00:00:00+08:00')).toBe('7月10日')
  expect(lastDay('2022-07-10T18:00:00+08:00')).toBe('7月10日')
})
