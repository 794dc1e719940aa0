// 到场方式 on the slot page and the 我的报名 card (h5): the venue's full address, 地图/导航 opens a web
// map at its coordinates, the phone dials through tel:, 添加到日历 downloads an .ics of the slot in China
// time; without the venue's details the slot's own place still shows. The .ics text itself.
import { fireEvent, render, screen } from '@testing-library/react'
import { ok } from '@/contract'
import ClinicSlotPage from '../slot/index'
import ClinicMinePage from '../mine/index'
import { icsText } from '@/utils/calendar'
import { calendarEntryOf } from '../components/getting-there'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { bananPlace, confirmedSignup, detailOf, openSlot, route } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let followed: Array<{ href: string; download: string }>
let blobs: Blob[]
beforeEach(() => {
  stubTaro()
  setRouterParams({ id: 'banan-0625am' })
  followed = []
  blobs = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    followed.push({ href: this.href, download: this.download })
  })
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => { blobs.push(blob); return 'blob:ics-1' }),
    revokeObjectURL: jest.fn(),
  })
})

const readBlob = (blob: Blob) => new Promise<string>((resolve) => {
  const reader = new FileReader()
  reader.onload = () => resolve(String(reader.result))
  reader.readAsText(blob)
})

test('the slot page shows the full address, opens the map, dials the venue and downloads the slot as .ics', async () => {
  route({ 'clinic.slot': () => ok(detailOf(openSlot)), 'clinic.lastEntries': () => ok([]), 'festival.places': () => ok([bananPlace]) })
  const open = jest.spyOn(window, 'open').mockReturnValue(window)
  render(<ClinicSlotPage />)
  expect(await screen.findByText('重庆市巴南区鱼洞街道 巴南区人民广场（巴南区人民广场 2 号帐篷）')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('festival', 'places', { venueIds: ['banan'] })
  fireEvent.click(screen.getByText('🗺 地图/导航'))
  expect(open).toHaveBeenCalledWith(expect.stringContaining('https://uri.amap.com/marker?position=106.527,29.389'), '_blank', 'noopener')
  fireEvent.click(screen.getByText('📞 023-66220000'))
  expect(followed[0]?.href).toBe('tel:023-66220000'.replace('-', ''))
  fireEvent.click(screen.getByText('📅 添加到日历'))
  expect(followed[1]).toEqual({ href: 'blob:ics-1', download: '义诊：两癌筛查专场.ics' })
  const ics = await readBlob(blobs[0] as Blob)
  expect(ics).toContain('DTSTART:20220625T010000Z')
  expect(ics).toContain('DTEND:20220625T033000Z')
  expect(ics).toContain('SUMMARY:义诊：两癌筛查专场')
})

test('without the venue’s details the slot’s own place shows, and the map searches for it', async () => {
  route({ 'clinic.slot': () => ok(detailOf(openSlot)), 'clinic.lastEntries': () => ok([]) })
  const open = jest.spyOn(window, 'open').mockReturnValue(null)
  render(<ClinicSlotPage />)
  expect((await screen.findAllByText('巴南分会场 · 巴南区人民广场 2 号帐篷')).length).toBeGreaterThan(0)
  expect(screen.queryByText(/📞/)).toBeNull()
  fireEvent.click(screen.getByText('🗺 地图/导航'))
  expect(open).toHaveBeenCalledWith(expect.stringContaining('https://uri.amap.com/search?keyword='), '_blank', 'noopener')
})

test('a confirmed place in 我的报名 carries the address, map, phone and calendar; a past one does not', async () => {
  const past = { ...confirmedSignup, _id: 'banan-0601-00000000aaaaaaaa', status: 'checked_in' as const, slot: { ...openSlot, _id: 'banan-0601', status: 'over' as const, title: '六一专场' } }
  route({ 'clinic.mySignups': () => ok([confirmedSignup, past]), 'clinic.myNotices': () => ok([]), 'festival.places': () => ok([bananPlace]) })
  render(<ClinicMinePage />)
  expect(await screen.findByText('📞 023-66220000')).toBeTruthy()
  expect(screen.getAllByText('📅 添加到日历')).toHaveLength(1)
  expect(callMock).toHaveBeenCalledWith('festival', 'places', { venueIds: ['banan'] })
})

test('the .ics escapes text, folds long lines and reminds an hour before', () => {
  const entry = { ...calendarEntryOf(openSlot), description: '第一行；含逗号,\n第二行'.repeat(6) }
  const text = icsText(entry, 'banan-0625am@fuyou-festival', new Date('2022-06-20T00:00:00Z'))
  expect(text).toContain('DTSTAMP:20220620T000000Z')
  expect(text).toContain('TRIGGER:-PT60M')
  expect(text).toContain('含逗号\\,\\n')
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
  expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true)
})
