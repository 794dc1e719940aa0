// Realistic organiser-side answers for the 2022 selections: a vote-watch reading of the photo collection
// with one flagged work, the typical-case selection before and after publication, and its results.
import { DEFAULT_CASE_CATEGORIES, type SelectionView } from '@/contract/selection'
import type { ResultEntry, ResultsView, ReviewItem, VoteWatch } from '@/contract/selection-views'
import { pendingItem, photoSelection } from './fixtures'

export const photoJudging: SelectionView = { ...photoSelection, phase: 'judging', canSubmit: false, canVote: false }

export const casesSelection: SelectionView = {
  ...photoSelection, _id: 'cq-2022-cases', kind: 'cases', title: '妇幼健康高质量发展典型案例征集评选', order: 3,
  weights: { vote: 30, expert: 70 }, categories: DEFAULT_CASE_CATEGORIES, phase: 'voting', canSubmit: false,
}

export const casesPublished: SelectionView = {
  ...casesSelection, phase: 'notice', canVote: false,
  results: {
    publishedAt: '2022-07-21T10:00:00+08:00', noticeUntil: '2022-07-29T00:00:00+08:00',
    formula: '最终得分 = 网络投票得分 × 30% + 专家评分平均分 × 70%；网络投票得分 = 票数 ÷ 同组最高票数 × 100（典型案例按类别分组）',
  },
}

/** Six hours of 5-minute buckets; 「第一次游泳」 got 40 votes at 09:05, 36 of them from accounts new that day. */
export const watchReading: VoteWatch = {
  selectionId: 'cq-2022-photo', from: '2022-06-25T03:10:00+08:00', to: '2022-06-25T09:10:00+08:00', bucketMinutes: 5, coveredUntil: '2022-06-25T09:10:00+08:00',
  works: [
    {
      workId: 'w2', number: 2, title: '爸爸的肩膀', total: 9, newAccountVotes: 1,
      series: [{ start: '2022-06-25T08:00:00+08:00', votes: 5, newAccountVotes: 1 }, { start: '2022-06-25T08:30:00+08:00', votes: 4, newAccountVotes: 0 }],
      flags: [],
    },
    {
      workId: 'w3', number: 3, title: '第一次游泳', total: 52, newAccountVotes: 37,
      series: [
        { start: '2022-06-25T07:00:00+08:00', votes: 12, newAccountVotes: 1 },
        { start: '2022-06-25T09:05:00+08:00', votes: 40, newAccountVotes: 36 },
      ],
      flags: [
        { kind: 'burst', start: '2022-06-25T09:05:00+08:00', votes: 40, message: '6月25日 09:05 起 5 分钟内获得 40 票，远高于平时（平均每段 0.7 票），请核查是否集中刷票' },
        { kind: 'new_accounts', start: '2022-06-25T09:05:00+08:00', votes: 36, message: '6月25日 09:05 起 5 分钟内有 36 票（90%）来自当天首次投票的账号，请核查是否为新注册账号集中投票' },
      ],
    },
  ],
  totalVotes: 61, worksWithVotes: 2, flaggedWorks: 1,
}

function entry(rank: number, number: number, title: string, institution: string, votes: number, voteScore: number, expert: number, final: number, max: number): ResultEntry {
  return {
    rank, workId: `c${number}`, number, title, category: 'development', applicant: { institution }, votes, voteScore,
    expertScore: expert, expertCount: 5, finalScore: final,
    working: `${votes} ÷ ${max} × 100 = ${voteScore.toFixed(2)}；${voteScore.toFixed(2)} × 30% + ${expert.toFixed(2)} × 70% = ${final.toFixed(2)}`,
  }
}

export function resultsOf(category: string): ResultsView {
  const items = category === 'doctor'
    ? [{ ...entry(1, 21, '扎根乡镇三十年的儿科医生', '永川区妇幼保健院', 640, 100, 90.2, 93.14, 640), category: 'doctor' }]
    : [entry(1, 4, '全孕周期健康管理', '巴南区妇幼保健院', 1024, 100, 88.5, 91.95, 1024), entry(2, 9, '两癌筛查进社区', '涪陵区妇幼保健院', 812, 79.3, 86.5, 84.34, 1024)]
  return {
    selectionId: 'cq-2022-cases', phase: 'notice', publishedAt: casesPublished.results?.publishedAt ?? '', noticeUntil: '2022-07-29T00:00:00+08:00',
    weights: { vote: 30, expert: 70 }, formula: casesPublished.results?.formula ?? '', category, items, nextCursor: null,
  }
}

export const pendingCase: ReviewItem = {
  ...pendingItem, _id: 'c-pending-1', selectionId: 'cq-2022-cases', kind: 'cases', title: '全孕周期健康管理', story: '建立从孕前到产后的全程健康档案。',
  category: 'development', applicant: { institution: '巴南区妇幼保健院' },
}
