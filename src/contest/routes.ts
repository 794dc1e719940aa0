// Routes of the selections subpackage (征集评选): gallery, one work, upload, my works, ranking and the
// organisers' review queue. The gallery opens by selection id, or by kind from the home strands.
import type { SelectionKind } from '@/contract/selection'

const q = encodeURIComponent

export const contestRoutes = {
  gallery: (sel: string) => `/contest/gallery/index?sel=${q(sel)}`,
  galleryOfKind: (kind: SelectionKind) => `/contest/gallery/index?kind=${kind}`,
  work: (id: string) => `/contest/work/index?id=${q(id)}`,
  submit: (sel: string) => `/contest/submit/index?sel=${q(sel)}`,
  mine: '/contest/mine/index',
  ranking: (sel: string) => `/contest/ranking/index?sel=${q(sel)}`,
  review: (sel: string) => `/contest/review/index?sel=${q(sel)}`,
  manageOfKind: (kind: SelectionKind) => `/contest/manage/index?kind=${kind}`,
  watch: (sel: string) => `/contest/watch/index?sel=${q(sel)}`,
  results: (sel: string) => `/contest/results/index?sel=${q(sel)}`,
  /** 案例评审 (experts): the first typical-case selection unless one is named. */
  score: (sel?: string) => (sel ? `/contest/score/index?sel=${q(sel)}` : '/contest/score/index?kind=cases'),
}
