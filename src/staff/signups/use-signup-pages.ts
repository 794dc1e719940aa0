// A slot's sign-up list, paged: page 1 through useResult (loading / error / 重试), 加载更多 appends the
// next pages; answers that arrive after the slot, search or status changed are dropped.
import { useCallback, useMemo, useRef, useState } from 'react'
import type { InputOf, SignupListEntry, SignupListPage } from '@/contract'
import { call } from '@/services/client'
import { useResult, type Loaded } from '@/hooks/use-result'

type ListInput = InputOf<'clinicAdmin', 'signupList'>

interface More {
  key: string
  pages: SignupListPage[]
  busy: boolean
  error?: string
}

export interface SignupPages {
  first: Loaded<SignupListPage>
  items: SignupListEntry[]
  hasMore: boolean
  loadingMore: boolean
  moreError?: string
  loadMore: () => Promise<void>
  reload: () => Promise<void>
}

export function useSignupPages(input: ListInput): SignupPages {
  const key = JSON.stringify(input)
  const first = useResult(() => call('clinicAdmin', 'signupList', input), `clinicAdmin.signupList:${key}`)
  const [more, setMore] = useState<More>({ key, pages: [], busy: false })
  const keyRef = useRef(key)
  keyRef.current = key
  const pages = useMemo(() => (more.key === key ? more.pages : []), [more, key])
  const last = pages[pages.length - 1] ?? first.data
  const items = useMemo(() => [first.data, ...pages].flatMap((page) => page?.items ?? []), [first.data, pages])

  const loadMore = async () => {
    if (!last || !last.hasMore || (more.key === key && more.busy)) return
    const requested = key
    setMore({ key, pages, busy: true })
    const result = await call('clinicAdmin', 'signupList', { ...input, page: last.page + 1 })
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
    hasMore: Boolean(last?.hasMore),
    loadingMore: more.key === key && more.busy,
    moreError: more.key === key ? more.error : undefined,
    loadMore,
    reload,
  }
}
