// The page's route parameters on h5, following the address bar: Taro's h5 router keeps the page instance
// when only the query changes (?kind=photo → ?kind=cases by a link, a bookmark or typing), so the router's
// params would stay those the page opened with. While the page is shown, a change of the address to the
// same page with another query gives the new params; pages key their state by them.
import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro'

type Params = Partial<Record<string, string>>

/** The path and the query of a hash address such as '#/selection/manage/index?sel=a'. */
function fromHash(hash: string): { path: string; params: Params } {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  const params: Params = {}
  new URLSearchParams(query).forEach((value, key) => {
    params[key] = value
  })
  return { path, params }
}

const same = (a: Params, b: Params): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => k !== 'stamp' && !k.startsWith('$')))
  return [...keys].every((k) => a[k] === b[k])
}

export function useRouteParams(): Params {
  const router = useRouter()
  const [params, setParams] = useState<Params>(router.params)
  const shown = useRef(true)
  const ownPath = router.path.split('?')[0] ?? ''
  useDidShow(() => {
    shown.current = true
  })
  useDidHide(() => {
    shown.current = false
  })
  useEffect(() => {
    const follow = () => {
      const now = fromHash(window.location.hash)
      if (!shown.current || now.path !== ownPath) return
      setParams((old) => (same(old, now.params) ? old : now.params))
    }
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [ownPath])
  return params
}
