// Crash figures (`npm run bench`, or standalone: npx tsx bench/crash.ts): three rounds on one data dir of
// new visitors signing up and voting through the gateway, 24 at a time, the runtime killed with SIGKILL
// after 3 s of load and restarted at once (bench/crash-drill.ts). Each round prints writes acknowledged /
// lost (every earlier round's writes are checked again), counter drift before and after the repairs,
// and the restart time.
import { drill } from './crash-drill'

const ROUNDS = 3

export async function crashFigures(): Promise<Array<[string, string]>> {
  const results = await drill(ROUNDS, { quota: 1000, waitlist: 200, concurrency: 24, loadMs: 3000 })
  const rows: Array<[string, string]> = [['crash drill', `${ROUNDS} rounds: 3 s of sign-ups + votes (24 visitors in flight), kill -9, restart at once`]]
  for (const [i, r] of results.entries()) {
    const lost = r.lostSignups.length + r.lostVotes.length
    if (lost > 0 || r.after.clinic > 0 || (r.selectionRecountDeclared && r.after.selection > 0)) process.exitCode = 1
    const recount = r.selectionRecountDeclared ? '' : ' (no selectionRecount trigger declared: not repaired)'
    rows.push(
      [`round ${i + 1}: acknowledged / lost`, `${r.acknowledged.signups} sign-ups + ${r.acknowledged.votes} votes / ${lost} lost (of ${r.checked.signups.length + r.checked.votes.length} checked, earlier rounds included); ${r.failedCalls} calls cut by the kill`],
      [`round ${i + 1}: drift before → after repair`, `slots ${r.before.clinic} → ${r.after.clinic}, vote counts ${r.before.selection} → ${r.after.selection}${recount}`],
      [`round ${i + 1}: restart`, `${(r.restartMs / 1000).toFixed(2)} s from the kill to answering (startLocalApp ${(r.startAppMs / 1000).toFixed(2)} s)`],
    )
  }
  return rows
}

function print(rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
}

if (require.main === module) {
  crashFigures().then(print, (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
