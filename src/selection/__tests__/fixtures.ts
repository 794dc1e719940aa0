// Realistic selection answers (the 2022 「幸福亲子照」collection) for the selection page tests; the
// `route` call mock is the clinic tests' one, answering by function and action.
import { DEFAULT_CASE_CATEGORIES, type SelectionView } from '@/contract/selection'
import type { ReviewItem, WorkCard, WorkDetail } from '@/contract/selection-views'

export { route, field, typeInto } from '@/clinic/__tests__/fixtures'

export const photoSelection: SelectionView = {
  _id: 'cq-2022-photo', festivalId: 'cq-2022', kind: 'photo', title: '「幸福亲子照」有奖征集点赞',
  intro: '晒出一家人的幸福亲子照，讲讲照片背后的故事。', order: 1,
  windows: { submitFrom: '2022-06-01T00:00:00+08:00', submitUntil: '2022-07-11T00:00:00+08:00', voteFrom: '2022-06-10T00:00:00+08:00', voteUntil: '2022-07-21T00:00:00+08:00' },
  limits: { perDay: 5, perWorkPerDay: 1 }, worksPerPerson: 3, weights: { vote: 100, expert: 0 }, categories: [], noticeDays: 7,
  phase: 'voting', canSubmit: true, canVote: true,
}

export const videoSelection: SelectionView = {
  ...photoSelection, _id: 'cq-2022-video', kind: 'video', title: '「1分钟说孕产健康」短视频有奖征集点赞', order: 2, worksPerPerson: 2,
}

export const caseSelection: SelectionView = {
  ...photoSelection, _id: 'cq-2022-cases', kind: 'cases', title: '妇幼健康高质量发展典型案例征集评选', order: 3,
  weights: { vote: 30, expert: 70 }, categories: DEFAULT_CASE_CATEGORIES,
}

export function card(number: number, title: string, votes = 0): WorkCard {
  return { _id: `w${number}`, selectionId: 'cq-2022-photo', kind: 'photo', number, title, votes, coverUrl: `https://tmp.example/w${number}.jpg` }
}

export function detail(votes: number, remainingToday: number, remainingForWork = 1): WorkDetail {
  return {
    work: {
      ...card(7, '外婆的生日', votes), number: 7, story: '三代人一起给外婆过生日。', imageUrls: ['https://tmp.example/w7.jpg', 'https://tmp.example/w7b.jpg'],
      status: 'published', mine: false, publishedAt: '2022-06-20T10:00:00+08:00',
    },
    voting: { open: true, remainingToday, remainingForWork, perDay: 5, perWorkPerDay: 1 },
  }
}

export const pendingItem: ReviewItem = {
  _id: 'w-pending-1', selectionId: 'cq-2022-photo', kind: 'photo', status: 'pending', number: null, title: '第一次游泳',
  story: '宝宝第一次下水。', imageUrls: ['https://tmp.example/p1.jpg'], showsChild: true, guardianConsent: true,
  checks: { text: 'pass', mediaPending: 0, mediaReview: 0, mediaRisky: 0, humanReviewVideo: false }, mediaState: 'pass', votes: 0,
  createdAt: '2022-06-21T09:00:00+08:00',
}
