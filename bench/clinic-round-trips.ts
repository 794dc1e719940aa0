// `npx tsx bench/clinic-round-trips.ts`: database requests per clinic action through the full local stack, alone (the whole bench takes minutes).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from '../local/build-if-needed'
import { REPO_ROOT, startLocalApp } from '../local/runtime'
import { clinicRoundTrips } from './clinic'
async function main() {
  buildIfNeeded(REPO_ROOT, (l) => console.log(l))
  const app = await startLocalApp({ dataDir: mkdtempSync(join(tmpdir(), 'rt-')), port: 0 })
  try { for (const [k, v] of await clinicRoundTrips(app)) console.log(`${k}  ${v}`) } finally { await app.close() }
}
void main()
