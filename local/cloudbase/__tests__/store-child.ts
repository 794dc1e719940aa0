// A child process for the store's crash tests (run with `node --import tsx`): opens the store of a data
// dir and either holds it (`hold`: prints "ready <pid>") or writes records as fast as it can (`write`:
// prints each id once `apply` has returned, i.e. once the write is acknowledged), until it is killed.
import fs from 'fs'
import { Store } from '../store'
import type { LockKind } from '../dir-lock'

/** Writes to stdout synchronously; a full pipe (EAGAIN) is retried until the parent has read. */
function say(text: string): void {
  for (;;) {
    try {
      fs.writeSync(1, text)
      return
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err
    }
  }
}

async function main(): Promise<void> {
  const [dir, mode, lockKind] = process.argv.slice(2)
  if (!dir) throw new Error('usage: store-child.ts <dir> hold|write [lockKind]')
  const store = await Store.open(dir, { lockKind: lockKind as LockKind | undefined, fsync: false })
  if (mode === 'write') {
    store.createCollection('c')
    say('ready\n')
    for (let i = 0; ; i += 1) {
      store.apply([{ c: 'c', put: { _id: `w${i}`, i, phone: '13900000000' } }])
      say(`${i}\n`)
    }
  }
  fs.writeSync(1, `ready ${process.pid}\n`)
  setInterval(() => undefined, 60_000)
}

main().catch((err: unknown) => {
  fs.writeSync(2, `${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
