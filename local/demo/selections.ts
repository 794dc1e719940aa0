// Demo data: the three selections of the 2022 festival — 「幸福亲子照」and「1分钟说孕产健康」(prize
// collections with public like-voting) and the 妇幼健康高质量发展典型案例 selection (categories, on-site
// inspection, public vote, expert review 30/70, announcement). Their windows are set relative to the day
// the demo is seeded, so submitting and voting work in a demo today; limits and weights are demo choices.
import { DEFAULT_CASE_CATEGORIES, type Selection } from '../../src/contract/selection'
import { addChinaDays, chinaDate } from '../../server/core/china-time'

const FESTIVAL_ID = 'cq-2022'

/** The selections as seeded on `today` (China date). */
export function demoSelections(today: string = chinaDate(new Date())): Selection[] {
  /** 00:00 China time, `days` from the seeding day, as ISO 8601 +08:00. */
  const dayStart = (days: number) => `${addChinaDays(today, days)}T00:00:00+08:00`
  return [
    {
      _id: 'cq-2022-photo',
      festivalId: FESTIVAL_ID,
      kind: 'photo',
      title: '「幸福亲子照」有奖征集点赞',
      intro: '晒出一家人的幸福亲子照，讲讲照片背后的故事。作品审核通过后公开展示，邀请亲友点赞，按票数评出获奖作品。照片中有儿童的，须由监护人同意后提交。',
      order: 1,
      windows: { submitFrom: dayStart(-20), submitUntil: dayStart(20), voteFrom: dayStart(-10), voteUntil: dayStart(30) },
      limits: { perDay: 5, perWorkPerDay: 1 },
      worksPerPerson: 3,
      weights: { vote: 100, expert: 0 },
      categories: [],
      noticeDays: 7,
      lastNumber: 0,
      published: true,
    },
    {
      _id: 'cq-2022-video',
      festivalId: FESTIVAL_ID,
      kind: 'video',
      title: '「1分钟说孕产健康」短视频有奖征集点赞',
      intro: '用不超过1分钟的短视频讲一讲孕产健康知识。视频经人工审核后公开展示，邀请亲友点赞，按票数评出获奖作品。',
      order: 2,
      windows: { submitFrom: dayStart(-20), submitUntil: dayStart(20), voteFrom: dayStart(-10), voteUntil: dayStart(30) },
      limits: { perDay: 3, perWorkPerDay: 1 },
      worksPerPerson: 2,
      weights: { vote: 100, expert: 0 },
      categories: [],
      noticeDays: 7,
      lastNumber: 0,
      published: true,
    },
    {
      _id: 'cq-2022-cases',
      festivalId: FESTIVAL_ID,
      kind: 'cases',
      title: '妇幼健康高质量发展典型案例征集评选',
      intro:
        '面向全市妇幼保健机构、医疗机构和妇幼用品企业征集典型案例。程序：公布标准 → 自主申报（文字和图片）→ 组委会实地考察 → 网络投票 → 专家审读评分 → ' +
        '结合网络投票形成推荐名单 → 结果公示 → 闭幕峰会命名授牌。坚持公开、公平、公正。',
      order: 3,
      windows: { submitFrom: dayStart(-40), submitUntil: dayStart(10), voteFrom: dayStart(-5), voteUntil: dayStart(20) },
      limits: { perDay: 10, perWorkPerDay: 1 },
      worksPerPerson: 3,
      weights: { vote: 30, expert: 70 },
      categories: DEFAULT_CASE_CATEGORIES,
      noticeDays: 7,
      lastNumber: 0,
      published: true,
    },
  ]
}

/** The demo expert (demo-expert-1, 评审专家 孙教授) scores three case categories. */
export const demoExpertAssignments = [
  { _id: 'cq-2022-cases_demo-expert-1', selectionId: 'cq-2022-cases', expert: 'demo-expert-1', categories: ['development', 'doctor', 'midwife'] },
]
