// Routes of the organiser subpackage: the content desk (editions, kinds, items, new edition, publish log)
// and the editor of one item.
import type { EditKind } from '@/contract'

export const organiserRoutes = {
  home: '/organiser/home/index',
  overview: (festivalId: string) => `/organiser/overview/index?festivalId=${encodeURIComponent(festivalId)}`,
  /** Without an id: a new item of that kind in that festival. */
  edit: (kind: EditKind, festivalId: string, id?: string) =>
    `/organiser/edit/index?kind=${kind}&festivalId=${encodeURIComponent(festivalId)}${id ? `&id=${encodeURIComponent(id)}` : ''}`,
}
