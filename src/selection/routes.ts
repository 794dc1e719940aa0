// Routes of the selections subpackage (征集评选): gallery, one work, upload, my works, ranking and the
// organisers' review queue. The gallery opens by selection id, or by kind from the home strands.
import type { SelectionKind } from '@/contract/selection'

const q = encodeURIComponent

export const selectionRoutes = {
  gallery: (sel: string) => `/selection/gallery/index?sel=${q(sel)}`,
  galleryOfKind: (kind: SelectionKind) => `/selection/gallery/index?kind=${kind}`,
  work: (id: string) => `/selection/work/index?id=${q(id)}`,
  submit: (sel: string) => `/selection/submit/index?sel=${q(sel)}`,
  /** 修改后重新提交: the submit form of `sel`, starting from the rejected work `redo`. */
  resubmit: (sel: string, redo: string) => `/selection/submit/index?sel=${q(sel)}&redo=${q(redo)}`,
  mine: '/selection/mine/index',
  ranking: (sel: string) => `/selection/ranking/index?sel=${q(sel)}`,
  review: (sel: string) => `/selection/review/index?sel=${q(sel)}`,
  manageOfKind: (kind: SelectionKind) => `/selection/manage/index?kind=${kind}`,
  watch: (sel: string) => `/selection/watch/index?sel=${q(sel)}`,
  results: (sel: string) => `/selection/results/index?sel=${q(sel)}`,
  /** 案例评审 (experts): the first typical-case selection unless one is named. */
  score: (sel?: string) => (sel ? `/selection/score/index?sel=${q(sel)}` : '/selection/score/index?kind=cases'),
}
