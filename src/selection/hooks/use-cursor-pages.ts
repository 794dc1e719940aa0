// Cursor-paged lists of the selections (gallery, ranking, review queue): the shared paged list, fed
// with the cursor the last page gave; items are told apart by `_id` (works) or `workId` (rankings).
import type { Result } from '@/contract'
import { usePagedList, type PagedList } from '@/hooks/use-paged-list'

export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

export type CursorPages<T> = PagedList<CursorPage<T>, T>

export function useCursorPages<T extends { _id?: string; workId?: string }>(
  load: (cursor?: string) => Promise<Result<CursorPage<T>>>,
  key: string,
): CursorPages<T> {
  return usePagedList(key, {
    load: (after) => load(after?.nextCursor ?? undefined),
    items: (page) => page.items,
    hasNext: (page) => Boolean(page.nextCursor),
    idOf: (item) => item._id ?? item.workId ?? '',
  })
}
