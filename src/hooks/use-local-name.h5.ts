// Local runtime (h5): the name of the demo identity signed in (王秀英, …), which a resident's whoami does
// not carry (WeChat gives residents no name); read again when the identity changes.
import { useCallback, useEffect, useState } from 'react'
import { currentSession } from '../services/local-session'
import { IDENTITY_CHANGED } from '@/utils/app-events'
import { useReloadOn } from './use-reload-on'

export function useLocalName(): string | undefined {
  const [name, setName] = useState<string | undefined>(undefined)
  const read = useCallback(async () => {
    const res = await currentSession()
    setName(res.ok && res.data ? res.data.displayName : undefined)
  }, [])
  useEffect(() => {
    void read()
  }, [read])
  useReloadOn(IDENTITY_CHANGED, read)
  return name
}
