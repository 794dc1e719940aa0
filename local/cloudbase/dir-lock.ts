// The data dir's lock, held by the operating system so that it dies with its process: a listening local
// socket whose name is derived from the dir's real path. The kernel frees the name the moment the holder
// exits, kill -9 and power loss included, so a restart never meets a stale lock and no PID is trusted.
// The holder answers its PID to whoever connects, which the refusal names.
//   - Linux: an abstract socket (no file at all).
//   - Windows: a named pipe.
//   - elsewhere (macOS): a socket file in the temp dir; one nobody listens on is stale and replaced.
// Chosen over proper-lockfile (mkdir + mtime refresh): a lock it left behind blocks a restart until it
// is stale (2 s at the least), and an event loop blocked past that time (a long synchronous log replay)
// marks a live lock compromised. fs-ext's flock would do but is a native module to compile.
import crypto from 'crypto'
import fs from 'fs'
import net from 'net'
import os from 'os'
import path from 'path'

export type LockKind = 'abstract' | 'pipe' | 'file'

export interface DirLock {
  readonly address: string
  release(): void
}

export class DirInUseError extends Error {
  readonly holderPid: number | null

  constructor(dir: string, holderPid: number | null) {
    const who = holderPid ? `进程 ${holderPid} ` : '另一个进程'
    super(
      `数据目录 ${dir} 正被${who}使用（另一个 npm start 或测试？）：请先停止它再启动，或换一个数据目录。` +
      `\nData dir ${dir} is in use by ${holderPid ? `live process ${holderPid}` : 'another live process'}; stop it first or use another data dir.`,
    )
    this.name = 'DirInUseError'
    this.holderPid = holderPid
  }
}

export function defaultLockKind(): LockKind {
  if (process.platform === 'linux') return 'abstract'
  if (process.platform === 'win32') return 'pipe'
  return 'file'
}

export function lockAddress(dir: string, kind: LockKind): string {
  const id = crypto.createHash('sha256').update(dir).digest('hex').slice(0, 32)
  if (kind === 'abstract') return `\0fuyou-cloudbase-${id}`
  if (kind === 'pipe') return `\\\\.\\pipe\\fuyou-cloudbase-${id}`
  return path.join(os.tmpdir(), `fuyou-cloudbase-${id}.sock`)
}

function listen(address: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => socket.destroy())
      socket.end(`${process.pid}\n`)
    })
    server.once('error', reject)
    server.listen(address, () => {
      server.removeListener('error', reject)
      server.unref()
      resolve(server)
    })
  })
}

/** Asks the holder for its PID: null when nobody answers (nobody listens: a stale socket file). */
function askHolder(address: string): Promise<{ listening: boolean; pid: number | null }> {
  return new Promise((resolve) => {
    let text = ''
    const socket = net.connect(address)
    const done = (listening: boolean) => {
      socket.destroy()
      const pid = Number.parseInt(text, 10)
      resolve({ listening, pid: Number.isFinite(pid) && pid > 0 ? pid : null })
    }
    socket.setTimeout(2000, () => done(true))
    socket.on('data', (chunk: Buffer) => { text += chunk.toString('utf8') })
    socket.on('end', () => done(true))
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code !== 'ECONNREFUSED' && err.code !== 'ENOENT'))
  })
}

/** Takes the lock of `dir` (a real path) or throws DirInUseError naming the live holder. */
export async function acquireDirLock(dir: string, kind: LockKind = defaultLockKind()): Promise<DirLock> {
  const address = lockAddress(dir, kind)
  for (let attempt = 0; ; attempt += 1) {
    try {
      const server = await listen(address)
      return {
        address,
        release: () => {
          server.close()
          if (kind === 'file') fs.rmSync(address, { force: true })
        },
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
      const holder = await askHolder(address)
      if (holder.listening || kind !== 'file' || attempt > 0) throw new DirInUseError(dir, holder.pid)
      fs.rmSync(address, { force: true })
    }
  }
}
