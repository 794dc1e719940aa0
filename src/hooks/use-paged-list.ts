// One paged list for every 加载更多 list (义诊场次, 报名名单, gallery, ranking, review queue): page 1
// through useResult (loading / error / 重试), later pages appended one request at a time from the
// last page (a page number or a cursor — the caller's `load` decides). Answers that arrive after
// `key` changed (another filter, search or order) are dropped; items repeated across pages show once.
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Result } from '@/contract'
import { useResult, type Loaded } from './use-result'

export interface PagedListSource<P, T> {
  /** Loads page 1 when `after` is undefined, else the page that follows `after`. */
  load: (after?: P) => Promise<Result<P>>
  items: (page: P) => T[]
  hasNext: (page: P) => boolean
  /** Identifies an item, so one that moved to the next page while paging shows once. */
  idOf?: (item: T) => string
}

export interface PagedList<P, T> {
  first: Loaded<P>
  items: T[]
  hasMore: boolean
  loadingMore: boolean
  moreError?: string
  loadMore: () => Promise<void>
  reload: () => Promise<void>
}

interface More<P> {
  key: string
  pages: P[]
  busy: boolean
  error?: string
}

export function usePagedList<P, T>(key: string, source: PagedListSource<P, T>): PagedList<P, T> {
  const { load, items: itemsOf, hasNext, idOf } = source
  const first = useResult(() => load(), key)
  const [more, setMore] = useState<More<P>>({ key, pages: [], busy: false })
  const keyRef = useRef(key)
  keyRef.current = key
  /** The key whose next page is being loaded: a request for an earlier key does not hold up the new list. */
  const busyKey = useRef<string | null>(null)
  const pages = useMemo(() => (more.key === key ? more.pages : []), [more, key])
  const last = pages[pages.length - 1] ?? first.data
  const accessors = useRef({ itemsOf, idOf })
  accessors.current = { itemsOf, idOf }
  const items = useMemo(() => {
    const { itemsOf, idOf } = accessors.current
    const all = [first.data, ...pages].flatMap((page) => (page === undefined ? [] : itemsOf(page)))
    if (!idOf) return all
    const seen = new Set<string>()
    return all.filter((item) => {
      const id = idOf(item)
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
  }, [first.data, pages]) // itemsOf and idOf are pure accessors (read through a ref): the pages alone decide the list

  const loadMore = async () => {
    if (last === undefined || !hasNext(last) || busyKey.current === key) return
    busyKey.current = key
    const requested = key
    setMore({ key, pages, busy: true })
    const result = await load(last)
    if (busyKey.current === requested) busyKey.current = null
    if (keyRef.current !== requested) return
    setMore(result.ok ? { key, pages: [...pages, result.data], busy: false } : { key, pages, busy: false, error: result.message })
  }

  const { reload: reloadFirst } = first
  const reload = useCallback(async () => {
    setMore({ key: keyRef.current, pages: [], busy: false })
    await reloadFirst()
  }, [reloadFirst])

  return {
    first,
    items,
    hasMore: last !== undefined && hasNext(last),
    loadingMore: more.key === key && more.busy,
    moreError: more.key === key ? more.error : undefined,
    loadMore,
    reload,
  }
}
