// Cursor-paged lists (gallery, ranking, review queue): page 1 through useResult (loading / error / 重试),
// later pages appended with the cursor the last page gave. Answers that arrive after the key changed
// (another order, search or category) are dropped; one next-page request at a time.
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Result } from '@/contract'
import { useResult, type Loaded } from '@/hooks/use-result'

export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

interface More<T> {
  key: string
  pages: CursorPage<T>[]
  busy: boolean
  error?: string
}

export interface CursorPages<T> {
  first: Loaded<CursorPage<T>>
  items: T[]
  hasMore: boolean
  loadingMore: boolean
  moreError?: string
  loadMore: () => Promise<void>
  reload: () => Promise<void>
}

export function useCursorPages<T extends { _id?: string; workId?: string }>(
  load: (cursor?: string) => Promise<Result<CursorPage<T>>>,
  key: string,
): CursorPages<T> {
  const first = useResult(() => load(), key)
  const [more, setMore] = useState<More<T>>({ key, pages: [], busy: false })
  const keyRef = useRef(key)
  keyRef.current = key
  const busy = useRef(false)
  const pages = useMemo(() => (more.key === key ? more.pages : []), [more, key])
  const last = pages[pages.length - 1] ?? first.data
  const items = useMemo(() => {
    const seen = new Set<string>()
    return [first.data, ...pages].flatMap((page) => page?.items ?? []).filter((item) => {
      const id = item._id ?? item.workId ?? ''
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
  }, [first.data, pages])

  const loadMore = async () => {
    const cursor = last?.nextCursor
    if (!cursor || busy.current) return
    busy.current = true
    const requested = key
    setMore({ key, pages, busy: true })
    const result = await load(cursor)
    busy.current = false
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
    hasMore: Boolean(last?.nextCursor),
    loadingMore: more.key === key && more.busy,
    moreError: more.key === key ? more.error : undefined,
    loadMore,
    reload,
  }
}
