// The slot list with its filters and paging: page 1 loads through useResult (loading / error / 重试);
// 加载更多 appends the next pages, dropping answers that arrive after the filters changed.
import { useCallback, useMemo, useRef, useState } from 'react'
import type { ClinicSlotPage, ClinicSlotSummary, InputOf } from '@/contract'
import { call } from '@/services/client'
import { useResult, type Loaded } from '@/hooks/use-result'

export interface SlotFilters {
  venueId?: string
  date?: string
  service?: string
}

interface More {
  key: string
  pages: ClinicSlotPage[]
  busy: boolean
  error?: string
}

export interface SlotPages {
  first: Loaded<ClinicSlotPage>
  items: ClinicSlotSummary[]
  hasMore: boolean
  loadingMore: boolean
  moreError?: string
  loadMore: () => Promise<void>
  reload: () => Promise<void>
}

function toInput(filters: SlotFilters): InputOf<'clinic', 'slots'> {
  const input: InputOf<'clinic', 'slots'> = {}
  if (filters.venueId) input.venueId = filters.venueId
  if (filters.date) input.date = filters.date
  if (filters.service) input.service = filters.service
  return input
}

export function useSlotPages(filters: SlotFilters): SlotPages {
  const input = toInput(filters)
  const key = JSON.stringify(input)
  const first = useResult(() => call('clinic', 'slots', input), `clinic.slots:${key}`)
  const [more, setMore] = useState<More>({ key, pages: [], busy: false })
  const keyRef = useRef(key)
  keyRef.current = key
  const pages = useMemo(() => (more.key === key ? more.pages : []), [more, key])
  const last = pages[pages.length - 1] ?? first.data
  const items = useMemo(() => {
    const seen = new Set<string>()
    return [first.data, ...pages].flatMap((page) => page?.items ?? []).filter((slot) => {
      if (seen.has(slot._id)) return false
      seen.add(slot._id)
      return true
    })
  }, [first.data, pages])

  const loadMore = async () => {
    if (!last || !last.hasMore || (more.key === key && more.busy)) return
    const requested = key
    setMore({ key, pages, busy: true })
    const result = await call('clinic', 'slots', { ...input, page: last.page + 1 })
    if (keyRef.current !== requested) return
    setMore(result.ok
      ? { key, pages: [...pages, result.data], busy: false }
      : { key, pages, busy: false, error: result.message })
  }

  const { reload: reloadFirst } = first
  const reload = useCallback(async () => {
    setMore({ key: keyRef.current, pages: [], busy: false })
    await reloadFirst()
  }, [reloadFirst])

  return {
    first,
    items,
    hasMore: Boolean(last?.hasMore),
    loadingMore: more.key === key && more.busy,
    moreError: more.key === key ? more.error : undefined,
    loadMore,
    reload,
  }
}
