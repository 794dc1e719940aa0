// Demo free-clinic slots (场次) for the sub-venues, dated from the seeding day in China time (within the
// demo edition's dates, index.ts) so a demo resident can sign up right away: sign-up opened today at 00:00, slots over the next few days.
// One small slot (2 places) shows "full → waitlist" quickly; one opens only tomorrow; one runs all day
// today, so the door's check-in (allowed only on the slot's own China date) can be shown. Services are
// the ones the festival's clinics offered. Counters start at zero (no sign-ups are seeded).
import { addChinaDays, chinaDate, chinaInstant, toChinaIso } from '../../server/core/china-time'
import type { SlotDoc } from '../../server/shared/clinic-records'
import type { ClinicCategory } from '../../src/contract/clinic'
import { festivals, venues } from './festival-2022'

const CHILD_CARE = '儿童保健（生长发育、视力、听力、口腔、心理发育）'
const ALL: ClinicCategory[] = ['pregnant', 'child', 'woman', 'other']

interface DemoSlot {
  id: string
  venueId: string
  day: number
  startTime: string
  endTime: string
  title: string
  place: string
  services: string[]
  audience: ClinicCategory[]
  quota: number
  waitlistLimit?: number
  opensDay?: number
  /** Sign-up closes and cancelling stops at these times of the slot's day, instead of at/before its start. */
  closesAt?: string
  cutoffAt?: string
}

const DEMO_SLOTS: DemoSlot[] = [
  { id: 'banan-d0-all', venueId: 'banan', day: 0, startTime: '08:00', endTime: '23:59', title: '便民咨询台（当天可签到）', place: '巴南区人民广场',
    services: ['孕产保健咨询', CHILD_CARE, '血压血糖'], audience: ALL, quota: 20, closesAt: '23:59', cutoffAt: '23:30' },
  { id: 'banan-d1-am', venueId: 'banan', day: 1, startTime: '09:00', endTime: '11:30', title: '广场便民义诊', place: '巴南区人民广场',
    services: ['两癌筛查', '孕产保健咨询', CHILD_CARE, '血压血糖', '更年期保健', '心理咨询'], audience: ALL, quota: 30 },
  { id: 'banan-d1-pm', venueId: 'banan', day: 1, startTime: '14:30', endTime: '16:30', title: '孕产保健咨询专场', place: '巴南区妇幼保健院',
    services: ['孕产保健咨询', '两癌筛查'], audience: ['pregnant', 'woman'], quota: 2, waitlistLimit: 5 },
  { id: 'banan-d5-am', venueId: 'banan', day: 5, startTime: '09:00', endTime: '11:30', title: '社区义诊（明天开放报名）', place: '巴南区鱼洞街道社区卫生服务中心',
    services: ['血压血糖', CHILD_CARE], audience: ALL, quota: 40, opensDay: 1 },
  { id: 'yongchuan-d2-am', venueId: 'yongchuan', day: 2, startTime: '09:30', endTime: '12:00', title: '婚育便民义诊', place: '永川区妇幼保健院新院区',
    services: ['婚检/孕前优生', '孕产保健咨询', CHILD_CARE, '两癌筛查'], audience: ALL, quota: 40 },
  { id: 'fuling-d2-am', venueId: 'fuling', day: 2, startTime: '09:30', endTime: '12:00', title: '「两癌」义诊', place: '涪陵区妇幼保健院',
    services: ['两癌筛查', '婚检/孕前优生', '孕产保健咨询'], audience: ['pregnant', 'woman'], quota: 50 },
  { id: 'wanzhou-d3-pm', venueId: 'wanzhou', day: 3, startTime: '14:30', endTime: '17:30', title: '「医校共建」校园义诊', place: '万州区上海中学教育集团长岭学校',
    services: ['血压血糖', '甲状腺/乳腺彩超', '健康咨询'], audience: ['woman', 'other'], quota: 20 },
]

/** The demo slots relative to `now` (China calendar days). */
export function demoClinicSlots(now: Date = new Date()): SlotDoc[] {
  const today = chinaDate(now)
  const festivalId = festivals[0]?._id ?? 'cq-2022'
  const created = toChinaIso(now)
  return DEMO_SLOTS.map((s) => {
    const date = addChinaDays(today, s.day)
    const start = chinaInstant(date, s.startTime)
    const opens = chinaInstant(addChinaDays(today, s.opensDay ?? 0), s.opensDay ? '09:00' : '00:00')
    const venue = venues.find((v) => v._id === s.venueId)
    return {
      _id: s.id, festivalId, venueId: s.venueId, venueName: venue?.name ?? s.venueId,
      title: s.title, date, startTime: s.startTime, endTime: s.endTime, place: s.place, services: s.services, audience: s.audience,
      quota: s.quota, perAccountLimit: 3, waitlistLimit: s.waitlistLimit ?? s.quota,
      signupOpensAt: toChinaIso(opens),
      signupClosesAt: toChinaIso(s.closesAt ? chinaInstant(date, s.closesAt) : start),
      cancelCutoffAt: toChinaIso(s.cutoffAt ? chinaInstant(date, s.cutoffAt) : new Date(start.getTime() - 2 * 3600 * 1000)),
      closed: false, confirmed: 0, waitlisted: 0, rev: 1, h: {}, createdAt: created, createdBy: 'demo-organiser-1', updatedAt: created,
    }
  })
}
