// The data dir's lock dies with its process: a store opened by a child that is then kill -9'd can be
// opened again at once (the old PID file refused while the PID was alive); a live second opener, in
// another process, is refused with a message naming it. Acknowledged writes survive the kill.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process'
import fs from 'fs'
import path from 'path'
import { Store } from '../store'
import { DirInUseError, type LockKind } from '../dir-lock'
import { removeTempDirs, tempDir } from './helpers'

const REPO = path.join(__dirname, '..', '..', '..')
const CHILD = path.join(__dirname, 'store-child.ts')
const children: ChildProcessWithoutNullStreams[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  removeTempDirs()
})

function startChild(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO })
  children.push(child)
  return child
}

/** Resolves with the child's stdout once `done(out)` holds; rejects if it exits first. */
function untilOutput(child: ChildProcessWithoutNullStreams, done: (out: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString() })
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (done(out)) resolve(out)
    })
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering: ${err}`)))
  })
}

const exited = (child: ChildProcessWithoutNullStreams) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve()
  else child.once('exit', () => resolve())
})

for (const kind of ['abstract', 'file'] as LockKind[]) {
  test(`${kind} lock: after kill -9 of the holder the dir opens at once; a live holder is refused by name`, async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, '.lock'), String(process.ppid))
    const holder = startChild([dir, 'hold', kind])
    const pid = Number((await untilOutput(holder, (out) => out.includes('\n'))).split(' ')[1])
    expect(pid).toBe(holder.pid)

    const refused = await Store.open(dir, { lockKind: kind }).then((s) => { s.close(); return null }, (e: unknown) => e)
    expect(refused).toBeInstanceOf(DirInUseError)
    expect((refused as Error).message).toContain(`正被进程 ${pid} 使用`)
    expect((refused as Error).message).toContain(dir)

    holder.kill('SIGKILL')
    await exited(holder)
    const started = performance.now()
    const store = await Store.open(dir, { lockKind: kind })
    const ms = performance.now() - started
    store.close()
    expect(ms).toBeLessThan(1000)
  })
}

test('every write acknowledged before kill -9 is there after an immediate reopen', async () => {
  const dir = tempDir()
  const writer = startChild([dir, 'write'])
  const out = await untilOutput(writer, (text) => text.split('\n').length > 3000)
  writer.kill('SIGKILL')
  await exited(writer)
  const acknowledged = out.split('\n').filter((l) => /^\d+$/.test(l)).map(Number)
  const store = await Store.open(dir, { warn: () => undefined })
  try {
    const missing = acknowledged.filter((i) => store.get('c', `w${i}`) === undefined)
    expect(missing).toEqual([])
    expect(store.docs('c')?.size).toBeGreaterThanOrEqual(acknowledged.length)
  } finally {
    store.close()
  }
})
