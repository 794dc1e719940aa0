// Local runtime only: the gateway's demo sign-in endpoints (/api/local/*). Same Result shape as the
// cloud functions; never throws (a failed request is a NETWORK result).
import { fail, isResult, type Result, type Role } from '@/contract'

export interface DemoIdentity {
  key: string
  displayName: string
  role: Role
  /** For sub-venue staff: the venue they work on. */
  venueName?: string
}

export interface LocalSession {
  key: string
  displayName: string
  role: Role
}

async function request<T>(path: string, body?: unknown): Promise<Result<T>> {
  let raw: unknown
  try {
    const res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    raw = await res.json()
  } catch {
    return fail('NETWORK')
  }
  return isResult(raw) ? (raw as Result<T>) : fail('INTERNAL')
}

export const listIdentities = () => request<DemoIdentity[]>('/api/local/identities')
export const currentSession = () => request<LocalSession | null>('/api/local/session')
export const signIn = (key: string) => request<{ displayName: string; role: Role }>('/api/local/sign-in', { key })
export const signOut = () => request<null>('/api/local/sign-out', {})
