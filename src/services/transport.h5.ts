// Local transport: POST to the gateway on the same origin; the session cookie carries identity.
import type { CallEnvelope } from '@/contract'

export async function invoke(name: string, envelope: CallEnvelope): Promise<unknown> {
  const res = await fetch(`/api/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(envelope),
  })
  return res.json()
}
