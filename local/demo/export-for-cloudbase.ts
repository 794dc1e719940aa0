// `npm run export:demo`: writes the demo festival as one JSON Lines file per collection, the format the
// CloudBase console's database import takes, so a WeChat developer can load it into their environment;
// dated as seeded today (see index.ts).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoCollections } from './index'

const outDir = process.argv[2] ?? join(__dirname, '..', '..', '.data', 'cloudbase-import')
mkdirSync(outDir, { recursive: true })
for (const [collection, docs] of Object.entries(demoCollections())) {
  const file = join(outDir, `${collection}.json`)
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  console.log(`${file}  ${docs.length} 条`)
}
