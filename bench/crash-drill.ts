// The crash drill shared by the crash test (local/__tests__/crash.test.ts) and `npm run bench`
// (bench/crash.ts): the local runtime runs as a child process (bench/crash-child.ts); new visitors sign
// up for a clinic slot and vote for three works through the gateway, `concurrency` at a time; after
// `loadMs` the child is killed with SIGKILL mid-load and restarted at once on the same data dir. The
// restarted runtime checks that every acknowledged write (a sign-up or vote answered ok) is there, and
// measures counter drift (slot counters vs sign-up records, work vote counts vs valid ballots) before
// and after the repairs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callFn, newBrowser } from './gateway-client'

const REPO = join(__dirname, '..')
const CHILD = join(__dirname, 'crash-child.ts')
/** The restarted runtime's clock runs this far ahead, past the hold repair's 2-minute grace. */
const REPAIR_CLOCK_OFFSET_MS = 3 * 60_000

export interface DrillAcks {
  slotIds: string[]
  selectionIds: string[]
  signups: string[]
  votes: string[]
}

export interface Drift {
  /** Σ over slots |confirmed − confirmed sign-ups| + |waitlisted − waitlisted sign-ups|. */
  clinic: number
  /** Σ over works |votes − valid ballots|. */
  selection: number
}

export interface DrillCheck {
  lostSignups: string[]
  lostVotes: string[]
  before: Drift
  after: Drift
  repairs: Record<string, unknown>
  selectionRecountDeclared: boolean
}

export interface RoundResult extends DrillCheck {
  acknowledged: { signups: number; votes: number }
  failedCalls: number
  /** Every acknowledgement checked in this round (this round's and the earlier rounds'). */
  checked: DrillAcks
  /** From the kill to the restarted runtime answering (process start included), and its startLocalApp alone. */
  restartMs: number
  startAppMs: number
}

export interface DrillOptions {
  dataDir: string
  round: number
  quota: number
  waitlist: number
  concurrency: number
  loadMs: number
  /** The acknowledgements of earlier rounds on the same data dir, checked again. */
  earlier?: DrillAcks
}

interface Child {
  process: ChildProcessWithoutNullStreams
  /** Resolves with the rest of the first stdout line that starts with `prefix `. */
  line(prefix: string): Promise<string>
  exited: Promise<void>
}

function startChild(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, env: { ...process.env, ...env } })
  let out = ''
  let err = ''
  const waiting: Array<{ prefix: string; resolve: (rest: string) => void }> = []
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const scan = () => {
    for (const line of out.split('\n').slice(0, -1)) {
      for (const w of [...waiting]) {
        if (line.startsWith(`${w.prefix} `)) {
          waiting.splice(waiting.indexOf(w), 1)
          w.resolve(line.slice(w.prefix.length + 1))
        }
      }
    }
  }
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); scan() })
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString() })
  return {
    process: child,
    exited,
    line: (prefix) => new Promise((resolve, reject) => {
      waiting.push({ prefix, resolve })
      scan()
      void exited.then(() => reject(new Error(`crash-child ${args[0]} exited (${child.exitCode ?? child.signalCode}) before "${prefix}": ${err.slice(-2000)}`)))
    }),
  }
}

const person = (round: number, i: number) => ({
  relation: 'self', name: '王芳', phone: `13${String(round).padStart(2, '0')}${String(i).padStart(7, '0')}`, category: 'woman',
}) as const

export async function drillRound(opts: DrillOptions): Promise<RoundResult> {
  const serving = startChild(['serve', opts.dataDir, String(opts.round), String(opts.quota), String(opts.waitlist)])
  let setup: { url: string; slotId: string; selectionId: string; works: string[] }
  try {
    setup = JSON.parse(await serving.line('ready')) as typeof setup
  } catch (error) {
    serving.process.kill('SIGKILL')
    throw error
  }
  const acks: DrillAcks = {
    slotIds: [...(opts.earlier?.slotIds ?? []), setup.slotId],
    selectionIds: [...(opts.earlier?.selectionIds ?? []), setup.selectionId],
    signups: [],
    votes: [],
  }
  let stopped = false
  let failedCalls = 0
  let visitors = 0
  const visitor = async () => {
    while (!stopped) {
      const i = (visitors += 1)
      try {
        const browser = await newBrowser(setup.url)
        const signed = await callFn(setup.url, browser, 'clinic', 'signUp', {
          slotId: setup.slotId, person: person(opts.round, i), services: ['两癌筛查'], agreePrivacy: true, joinWaitlist: true,
        })
        const signupId = signed.ok ? signed.data.signup._id : undefined
        if (signupId) acks.signups.push(signupId)
        for (const [w, workId] of setup.works.entries()) {
          const requestId = `crash-${opts.round}-${i}-${w}`
          const voted = await callFn(setup.url, browser, 'selection', 'vote', { selectionId: setup.selectionId, workId, requestId })
          if (voted.ok && voted.data?.status === 'counted') acks.votes.push(requestId)
        }
      } catch {
        failedCalls += 1
      }
    }
  }
  const load = Promise.all(Array.from({ length: opts.concurrency }, visitor))
  await new Promise((resolve) => setTimeout(resolve, opts.loadMs))
  serving.process.kill('SIGKILL')
  const killedAt = performance.now()
  stopped = true
  await serving.exited

  const acksFile = join(mkdtempSync(join(tmpdir(), 'crash-acks-')), 'acks.json')
  const checked: DrillAcks = {
    ...acks,
    signups: [...(opts.earlier?.signups ?? []), ...acks.signups],
    votes: [...(opts.earlier?.votes ?? []), ...acks.votes],
  }
  const verifying = startChild(['verify', opts.dataDir, acksFile], { CRASH_CLOCK_OFFSET_MS: String(REPAIR_CLOCK_OFFSET_MS) })
  writeFileSync(acksFile, JSON.stringify(checked))
  try {
    const startAppMs = Number(await verifying.line('listening'))
    const restartMs = performance.now() - killedAt
    const check = JSON.parse(await verifying.line('result')) as DrillCheck
    await load
    await verifying.exited
    return { ...check, acknowledged: { signups: acks.signups.length, votes: acks.votes.length }, failedCalls, checked, restartMs, startAppMs }
  } finally {
    if (verifying.process.exitCode === null) verifying.process.kill('SIGKILL')
  }
}

/** Runs `rounds` drill rounds on one data dir (each round checks every earlier round's writes again). */
export async function drill(rounds: number, options: Omit<DrillOptions, 'dataDir' | 'round' | 'earlier'>, dataDir = mkdtempSync(join(tmpdir(), 'crash-drill-'))): Promise<RoundResult[]> {
  const results: RoundResult[] = []
  let earlier: DrillAcks | undefined
  for (let round = 1; round <= rounds; round += 1) {
    const result = await drillRound({ ...options, dataDir, round, earlier })
    results.push(result)
    earlier = result.checked
  }
  return results
}
