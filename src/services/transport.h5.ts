// Local transport: POST to the gateway on the same origin; the session cookie carries identity.
// A call the platform refused (timeout, size: an errCode answer, as wx.cloud.callFunction rejects with)
// throws, so the page sees the same network failure it would see in WeChat.
import type { CallEnvelope } from '@/contract'

export async function invoke(name: string, envelope: CallEnvelope): Promise<unknown> {
  const res = await fetch(`/api/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(envelope),
  })
  const body: unknown = await res.json()
  if (typeof body === 'object' && body !== null && 'errCode' in body) {
    throw new Error(`cloud.callFunction:fail ${String((body as { errMsg?: unknown }).errMsg)}`)
  }
  return body
}
