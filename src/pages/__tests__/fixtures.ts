// Realistic API answers (the 2022 demo festival and its Banan sub-venue) for the page tests.
import type { EventDetail, FestivalEvent, FestivalView, HomeView, VenueDetail, VenueSummary } from '@/contract'

export const festival: FestivalView = {
  _id: 'cq-2022',
  name: '中国(重庆)2022妇幼健康公益文化节',
  slogan: '爱佑新生，心系妇幼',
  year: 2022,
  city: '重庆',
  startDate: '2022-04-29',
  endDate: '2022-12-31',
  intro: '文化节以"爱佑新生，心系妇幼"为主题，4月29日启动，持续至12月，12月举办闭幕峰会。',
  guides: ['市卫生健康委', '市药监局', '重庆日报'],
  hosts: ['重庆日报传媒', '重庆市妇幼保健协会', '重庆市妇幼保健院'],
  coOrganisers: ['上游新闻健康频道', '重庆电视台《喜闻乐见》'],
  strands: [
    { key: 'clinic', title: '便民惠民义诊', summary: '专家进社区，义诊送到家门口', live: true },
    { key: 'photo', title: '幸福亲子照', summary: '有奖征集点赞', live: false },
    { key: 'video', title: '1分钟说孕产健康', summary: '短视频有奖征集', live: false },
  ],
  phase: 'running',
}

export const venues: VenueSummary[] = [
  { _id: 'banan', name: '巴南分会场', host: '巴南区妇幼保健院', district: '巴南区', place: '巴南区人民广场', startDate: '2022-06-25', endDate: '2022-12-31', theme: '关注全孕周期，关爱妇幼健康', phase: 'running' },
  { _id: 'yongchuan', name: '永川分会场', host: '永川区妇幼保健院', district: '永川区', place: '永川区妇幼保健院新院区', startDate: '2022-07-16', endDate: '2022-12-31', phase: 'upcoming' },
  { _id: 'wanzhou', name: '万州分会场', host: '万州区妇幼保健院', district: '万州区', place: '万州区某中学', startDate: '2022-05-20', endDate: '2022-05-20', phase: 'ended' },
]

export const home: HomeView = { festival, venues }

const base = { festivalId: 'cq-2022', venueId: 'banan', place: '巴南区人民广场', description: '' }

export const events: FestivalEvent[] = [
  { ...base, _id: 'banan-opening', title: '巴南分会场开幕式', kind: 'ceremony', startAt: '2022-06-25T09:00:00+08:00', endAt: '2022-06-25T09:40:00+08:00', description: '舞蹈《用爱守护妇幼健康》、授旗仪式。' },
  { ...base, _id: 'banan-clinic', title: '专家义诊', kind: 'clinic', startAt: '2022-06-25T10:30:00+08:00', endAt: '2022-06-25T12:00:00+08:00', services: ['两癌筛查', '儿童保健', '孕产保健咨询'] },
  { ...base, _id: 'banan-discount', title: '妇幼便民惠民活动周', kind: 'promotion', startAt: '2022-06-25T08:00:00+08:00', endAt: '2022-07-02T17:30:00+08:00', place: '巴南区妇幼保健院' },
  { ...base, _id: 'banan-walk', title: '晨练健康指导', kind: 'lecture', startAt: '2022-06-26T07:30:00+08:00', place: '龙洲湾社区' },
]

export const venueDetail: VenueDetail = {
  venue: {
    _id: 'banan', festivalId: 'cq-2022', name: '巴南分会场', host: '巴南区妇幼保健院', organisers: ['巴南区卫生健康委'],
    district: '巴南区', place: '巴南区人民广场', address: '重庆市巴南区鱼洞街道人民广场', latitude: 29.38, longitude: 106.52,
    theme: '关注全孕周期，关爱妇幼健康', startDate: '2022-06-25', endDate: '2022-12-31', intro: '巴南区妇幼保健院始建于1953年。', phase: 'running',
  },
  events,
}

export const eventDetail: EventDetail = {
  event: events[1] as FestivalEvent,
  venue: { _id: 'banan', name: '巴南分会场', host: '巴南区妇幼保健院', address: '重庆市巴南区鱼洞街道人民广场', place: '巴南区人民广场' },
}
