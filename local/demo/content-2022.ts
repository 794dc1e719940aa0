// Demo data of the 2022 edition's lecture library (科普大讲堂), think-tank (智库) and discount week (惠民活动周).
// Sources: shared/seeds/ — the festival recorded 科普大讲堂 and formed 妇幼健康智库 (festival intro); the
// hospitals and their services (巴南 001, 永川 000, 涪陵 003, 万州 002); 巴南's 便民惠民活动周 ran 25 June –
// 2 July 2022 (the demo's offers run the same eight days from the seeding day, as the demo clinic slots do, so
// a fresh demo can claim one). The experts are demo personas (no names from the articles): names, titles, lectures, prices
// and place counts are demo arrangements built from the topics the articles name. No lecture video is
// shipped: an organiser uploads it (the page says the video is coming until then).
import type { Expert, Lecture, Offer } from '../../src/contract/content'
import type { Festival, Strand } from '../../src/contract/model'
import { addChinaDays, chinaDate } from '../../server/core/china-time'

const FESTIVAL_ID = 'cq-2022'

export const demoExperts: Expert[] = [
  {
    _id: 'expert-chen', festivalId: FESTIVAL_ID, name: '陈静（演示）', title: '主任医师', hospital: '重庆市妇幼保健院',
    specialties: ['孕产保健', '高危妊娠'], photoConsent: false, order: 1, published: true,
    bio: '从事产科临床与孕产保健工作二十余年，擅长高危妊娠管理和孕期营养指导。',
    eventIds: ['banan-community-talk-1', 'banan-expert-exchange'],
  },
  {
    _id: 'expert-liu', festivalId: FESTIVAL_ID, name: '刘敏（演示）', title: '副主任医师', hospital: '巴南区妇幼保健院',
    specialties: ['儿童保健', '儿童眼保健'], photoConsent: true, order: 2, published: true,
    bio: '儿童保健科医师，长期开展0-6岁儿童健康管理、视力筛查和生长发育评估。',
    eventIds: ['banan-community-talk-2'],
  },
  {
    _id: 'expert-zhang', festivalId: FESTIVAL_ID, name: '张丽（演示）', title: '主任医师', hospital: '涪陵区妇幼保健院',
    specialties: ['妇女保健', '两癌筛查'], photoConsent: false, order: 3, published: true,
    bio: '妇女保健部专家，多次带队深入乡镇开展「两癌」免费筛查。',
    eventIds: ['fuling-two-cancers-talk'],
  },
  {
    _id: 'expert-wang', festivalId: FESTIVAL_ID, name: '王芳（演示）', title: '主治医师', hospital: '永川区妇幼保健院',
    specialties: ['产后康复', '母乳喂养'], photoConsent: false, order: 4, published: true,
    bio: '孕产保健部医师，负责产后康复门诊和母乳喂养咨询。',
    eventIds: ['yongchuan-open-class'],
  },
  {
    _id: 'expert-zhao', festivalId: FESTIVAL_ID, name: '赵红（演示）', title: '主任医师', hospital: '万州区妇幼保健院',
    specialties: ['更年期保健', '乳腺甲状腺'], photoConsent: false, order: 5, published: true,
    bio: '乳甲科与更年期门诊专家，倡导无病早防、有病早治。',
    eventIds: ['wanzhou-thyroid-breast-talk'],
  },
]

const speakerName = (id: string) => demoExperts.find((e) => e._id === id)?.name ?? ''

function lecture(
  _id: string, title: string, topic: Lecture['topic'], speakerId: string, minutes: number, publishedAt: string, summary: string,
  keywords: string[], eventIds: string[] = [],
): Lecture {
  return {
    _id, festivalId: FESTIVAL_ID, title, topic, speakerId, speakerName: speakerName(speakerId), summary, durationSec: minutes * 60,
    eventIds, keywords, views: 0, publishedAt, published: true,
  }
}

export const demoLectures: Lecture[] = [
  lecture('lecture-pregnancy-nutrition', '孕期营养与体重管理', 'pregnancy', 'expert-chen', 18, '2022-05-10T10:00:00+08:00',
    '孕早、中、晚期各需要哪些营养？体重增长多少合适？讲解孕期膳食搭配和体重监测的方法。', ['营养', '体重', '孕期保健'], ['banan-community-talk-1']),
  lecture('lecture-pregnancy-checkups', '孕前优生与孕期检查时间表', 'pregnancy', 'expert-chen', 15, '2022-05-20T10:00:00+08:00',
    '从婚检、孕前优生健康检查到孕期每一次产检，讲清楚什么时候做、查什么、为什么。', ['婚检', '孕前优生', '产检']),
  lecture('lecture-postpartum-recovery', '产后康复：盆底与腹直肌', 'postpartum', 'expert-wang', 16, '2022-06-01T10:00:00+08:00',
    '产后42天复查查什么，盆底功能和腹直肌分离如何自测与康复训练。', ['盆底', '产后复查', '康复'], ['yongchuan-open-class']),
  lecture('lecture-breastfeeding', '母乳喂养常见问题', 'postpartum', 'expert-wang', 12, '2022-06-10T10:00:00+08:00',
    '开奶、含接姿势、奶量不足和乳腺堵塞怎么办，回答新手妈妈最常问的问题。', ['母乳', '喂养', '新手妈妈']),
  lecture('lecture-child-vision', '儿童视力与眼保健', 'child', 'expert-liu', 14, '2022-06-15T10:00:00+08:00',
    '0-6岁儿童视力发育规律，何时做眼保健检查，如何预防近视。', ['视力', '近视', '眼保健'], ['banan-community-talk-2']),
  lecture('lecture-child-growth', '儿童生长发育与营养', 'child', 'expert-liu', 17, '2022-06-20T10:00:00+08:00',
    '身高体重怎么看，听力、口腔和心理行为发育的关键节点，合理膳食从何做起。', ['生长发育', '听力', '口腔', '心理发育']),
  lecture('lecture-two-cancers', '「两癌」筛查：早发现早治疗', 'women', 'expert-zhang', 15, '2022-06-22T10:00:00+08:00',
    '宫颈癌、乳腺癌筛查的意义、适龄人群与检查方法，免费「两癌」筛查如何预约。', ['两癌筛查', '宫颈癌', '乳腺癌'], ['fuling-two-cancers-talk']),
  lecture('lecture-menopause', '更年期保健：平稳度过', 'menopause', 'expert-zhao', 16, '2022-06-24T10:00:00+08:00',
    '潮热、失眠、情绪波动怎么办，更年期骨质疏松和心血管风险的预防。', ['更年期', '骨质疏松', '心理'], ['wanzhou-thyroid-breast-talk']),
  lecture('lecture-thyroid-breast', '甲状腺与乳腺彩超，多久查一次', 'menopause', 'expert-zhao', 13, '2022-06-24T15:00:00+08:00',
    '甲状腺结节和乳腺结节是什么，彩超报告怎么看，什么时候需要复查。', ['甲状腺', '乳腺', '彩超']),
]

/** The offers, valid from the seeding day's China date for `days[0]`–`days[1]` days. */
const OFFERS: Array<Offer & { days: [number, number] }> = [
  {
    _id: 'offer-banan-two-cancers', festivalId: FESTIVAL_ID, venueId: 'banan', hospital: '巴南区妇幼保健院', order: 1, published: true,
    title: '「两癌」筛查套餐', description: '宫颈癌筛查（TCT+HPV）与乳腺彩超套餐。', priceBefore: 398, priceAfter: 198,
    validFrom: '', validTo: '', days: [0, 7], conditions: '限35-64岁女性，每人限领1份。',
    howToRedeem: '活动周内到巴南区妇幼保健院妇女保健科出示核销码', places: 100, claimed: 0,
  },
  {
    _id: 'offer-banan-child-check', festivalId: FESTIVAL_ID, venueId: 'banan', hospital: '巴南区妇幼保健院', order: 2, published: true,
    title: '儿童视力听力口腔检查', description: '儿童视力筛查、听力筛查与口腔检查。', priceBefore: 120, priceAfter: 0,
    validFrom: '', validTo: '', days: [0, 7], conditions: '限0-6岁儿童。',
    howToRedeem: '直接到儿童保健科登记即可，无需领取', places: null, claimed: 0,
  },
  {
    _id: 'offer-yongchuan-postpartum', festivalId: FESTIVAL_ID, venueId: 'yongchuan', hospital: '永川区妇幼保健院', order: 3, published: true,
    title: '产后盆底功能评估', description: '产后盆底肌力评估与康复指导一次。', priceBefore: 260, priceAfter: 99,
    validFrom: '', validTo: '', days: [0, 15], conditions: '限产后42天至1年的妈妈，每人限领1份。',
    howToRedeem: '到永川区妇幼保健院产后康复门诊出示核销码', places: 50, claimed: 0,
  },
  {
    _id: 'offer-fuling-premarital', festivalId: FESTIVAL_ID, venueId: 'fuling', hospital: '涪陵区妇幼保健院', order: 4, published: true,
    title: '孕前优生健康检查咨询', description: '孕前优生咨询与基础检查。', priceBefore: null, priceAfter: 0,
    validFrom: '', validTo: '', days: [0, 36], conditions: '计划怀孕的夫妇。',
    howToRedeem: '到涪陵区妇幼保健院婚检孕检中心出示核销码', places: 30, claimed: 0,
  },
  {
    _id: 'offer-wanzhou-thyroid', festivalId: FESTIVAL_ID, venueId: 'wanzhou', hospital: '万州区妇幼保健院', order: 5, published: true,
    title: '甲状腺、乳腺彩超', description: '甲状腺与乳腺彩超各一次。', priceBefore: 280, priceAfter: 120,
    validFrom: '', validTo: '', days: [0, 20], conditions: '每人限领1份。',
    howToRedeem: '到万州区妇幼保健院乳甲科出示核销码', places: 60, claimed: 0,
  },
]

export function demoOffers(now: Date = new Date()): Offer[] {
  const today = chinaDate(now)
  return OFFERS.map(({ days, ...offer }) => ({ ...offer, validFrom: addChinaDays(today, days[0]), validTo: addChinaDays(today, days[1]) }))
}

const OFFERS_STRAND: Strand = {
  key: 'offers',
  title: '惠民活动周',
  summary: '活动周期间各分会场妇幼保健院推出妇女儿童优惠项目，限量名额在线领取，到院出示核销码使用。',
  live: true,
}

/** The festival with its lecture and think-tank strands published and the discount week added. */
export function withContentStrands(list: Festival[]): Festival[] {
  return list.map((f) => {
    const strands = f.strands.map((s) => (s.key === 'lectures' || s.key === 'thinktank' ? { ...s, live: true } : s))
    return { ...f, strands: strands.some((s) => s.key === 'offers') ? strands : [...strands, OFFERS_STRAND] }
  })
}
