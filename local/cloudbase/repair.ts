// The way out of a damaged db.jsonl that the service's refusal names. Run from the project root with the
// service stopped:
//   npx tsx local/cloudbase/repair.ts <dataDir> --truncate-at N   keep lines 1..N-1 (the state before the damage)
//   npx tsx local/cloudbase/repair.ts <dataDir> --drop-line N     drop line N only, keep the writes after it
// The original is first copied to db.jsonl.damaged-<time>; the dir's lock is taken, so a running service
// is never repaired under its feet.
import fs from 'fs'
import { acquireDirLock } from './dir-lock'
import { readLog, repairLog, LOG_FILE, type Repair } from './log-file'

async function main(argv: string[]): Promise<void> {
  const [dataDir, flag, value] = argv
  const line = Number(value)
  if (!dataDir || (flag !== '--truncate-at' && flag !== '--drop-line') || !Number.isInteger(line)) {
    throw new Error('用法 / usage: npx tsx local/cloudbase/repair.ts <dataDir> --truncate-at N | --drop-line N')
  }
  const dir = fs.realpathSync(dataDir)
  const lock = await acquireDirLock(dir)
  try {
    const repair: Repair = flag === '--truncate-at' ? { truncateAt: line } : { dropLine: line }
    const result = repairLog(dir, repair)
    readLog(`${dir}/${LOG_FILE}`)
    console.log(`已修复：保留 ${result.kept} 行，丢弃 ${result.dropped} 行；原文件保存在 ${result.keptAside}。`)
    console.log(`Repaired: kept ${result.kept} lines, dropped ${result.dropped}; the original is kept as ${result.keptAside}.`)
  } finally {
    lock.release()
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
