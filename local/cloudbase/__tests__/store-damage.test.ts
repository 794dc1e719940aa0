// db.jsonl damage: every line is checksummed and numbered; any damage other than a torn last line stops
// the store with the file, the line and the way out, and leaves the file untouched; the repair keeps the
// damaged file aside; old logs without checksums are converted; compaction is crash-safe; writers can
// wait for their lines to be on disk, one sync shared by concurrent writers.
import fs from 'fs'
import path from 'path'
import { Store, StoreDamagedError } from '../store'
import { crc32Hex, crc32Portable } from '../crc32'
import { encodeLine, readLog, repairLog } from '../log-file'
import { removeTempDirs, tempDir } from './helpers'

afterAll(removeTempDirs)

const quiet = { warn: () => undefined }

async function storeWith(count: number, dir = tempDir()): Promise<string> {
  const store = await Store.open(dir, quiet)
  store.createCollection('signups')
  for (let i = 1; i <= count; i += 1) {
    store.apply([{ c: 'signups', put: { _id: `s${i}`, name: '王芳', phone: `1390000000${i % 10}`, status: 'confirmed' } }])
  }
  store.close()
  return dir
}

const logOf = (dir: string) => path.join(dir, 'db.jsonl')
const linesOf = (dir: string) => fs.readFileSync(logOf(dir), 'utf8').split('\n').slice(0, -1)
const writeLines = (dir: string, lines: string[]) => fs.writeFileSync(logOf(dir), lines.map((l) => `${l}\n`).join(''))

async function refusal(dir: string): Promise<StoreDamagedError> {
  const before = fs.readFileSync(logOf(dir))
  const err = await Store.open(dir, quiet).then(
    (store) => {
      store.close()
      throw new Error('the damaged store was opened')
    },
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(StoreDamagedError)
  expect(fs.readFileSync(logOf(dir))).toEqual(before)
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('db.jsonl'))).toEqual(['db.jsonl'])
  return err as StoreDamagedError
}

test('CRC-32 is the standard one, native or portable', () => {
  expect(crc32Hex('123456789')).toBe('cbf43926')
  for (const text of ['', 'a', '{"name":"王芳","phone":"13900000001"}', '🎉 妇幼健康'.repeat(50)]) {
    expect(crc32Portable(text).toString(16).padStart(8, '0')).toBe(crc32Hex(text))
  }
})

test('a changed digit inside valid JSON (a phone number) stops the store, naming the file, the line and the repair', async () => {
  const dir = await storeWith(5)
  const lines = linesOf(dir)
  lines[3] = (lines[3] as string).replace('13900000003', '13900000008')
  writeLines(dir, lines)
  const err = await refusal(dir)
  expect(err.line).toBe(4)
  expect(err.message).toContain(logOf(dir))
  expect(err.message).toContain('第 4 行')
  expect(err.message).toContain('校验和不符')
  expect(err.message).toContain(`repair.ts ${dir} --truncate-at 4`)
  expect(err.message).toContain(`repair.ts ${dir} --drop-line 4`)
})

test('an unparsable middle line stops the store (it was once dropped and the log compacted without a word)', async () => {
  const dir = await storeWith(5)
  const lines = linesOf(dir)
  lines[2] = (lines[2] as string).slice(0, 30)
  writeLines(dir, lines)
  expect((await refusal(dir)).line).toBe(3)
})

test('a lost or repeated middle line stops the store (line numbers)', async () => {
  const dir = await storeWith(5)
  const lines = linesOf(dir)
  writeLines(dir, [...lines.slice(0, 2), ...lines.slice(3)])
  expect((await refusal(dir)).message).toContain('行号应为 3')
  writeLines(dir, [...lines.slice(0, 3), lines[2] as string, ...lines.slice(3)])
  expect((await refusal(dir)).line).toBe(4)
})

test('a well-formed, checksummed line that is not a record stops the store too', async () => {
  const dir = await storeWith(2)
  const lines = linesOf(dir)
  lines[1] = encodeLine(2, '{"nope":1}').trimEnd()
  writeLines(dir, lines)
  const err = await refusal(dir)
  expect(err.line).toBe(2)
  expect(err.message).toContain('：记录内容不合法')
})

test('a damaged last line that ends in a newline is damage too, not a torn write', async () => {
  const dir = await storeWith(3)
  const lines = linesOf(dir)
  lines[3] = (lines[3] as string).replace('confirmed', 'cancelled')
  writeLines(dir, lines)
  expect((await refusal(dir)).line).toBe(4)
})

test('a torn last line is dropped with a printed notice and the store goes on', async () => {
  const dir = await storeWith(3)
  const whole = fs.readFileSync(logOf(dir), 'utf8')
  fs.appendFileSync(logOf(dir), '6c2e1a0b 5 {"ops":[{"c":"signups","put":{"_id":"s4","na')
  const notices: string[] = []
  const store = await Store.open(dir, { warn: (m) => notices.push(m) })
  expect(notices).toHaveLength(1)
  expect(notices[0]).toContain('最后一行不完整')
  expect(store.docs('signups')?.size).toBe(3)
  expect(fs.readFileSync(logOf(dir), 'utf8')).toBe(whole)
  store.apply([{ c: 'signups', put: { _id: 's4', name: '李娜' } }])
  store.close()
  const again = await Store.open(dir, quiet)
  expect(again.get('signups', 's4')).toEqual({ _id: 's4', name: '李娜' })
  again.close()
})

test('repair keeps the damaged file aside, then truncates at the damage or drops the one line', async () => {
  const dir = await storeWith(6)
  const lines = linesOf(dir)
  lines[3] = (lines[3] as string).replace('王芳', '王方')
  writeLines(dir, lines)
  const damaged = fs.readFileSync(logOf(dir))

  const dropped = repairLog(dir, { dropLine: 4 })
  expect(fs.readFileSync(dropped.keptAside)).toEqual(damaged)
  expect(dropped).toMatchObject({ kept: 6, dropped: 1 })
  let store = await Store.open(dir, quiet)
  expect([...(store.docs('signups')?.keys() ?? [])]).toEqual(['s1', 's2', 's4', 's5', 's6'])
  store.close()

  const dir2 = await storeWith(6)
  writeLines(dir2, lines)
  expect(repairLog(dir2, { truncateAt: 4 })).toMatchObject({ kept: 3, dropped: 4 })
  store = await Store.open(dir2, quiet)
  expect([...(store.docs('signups')?.keys() ?? [])]).toEqual(['s1', 's2'])
  store.close()
})

test('an old log without checksums is read, rewritten with checksums, and the original kept', async () => {
  const dir = tempDir()
  const legacy = ['{"create":"signups"}', '{"ops":[{"c":"signups","put":{"_id":"a","n":1}}]}', '{"ops":[{"c":"signups","put":{"_id":"a","n":2}}]}']
  writeLines(dir, legacy)
  const notices: string[] = []
  const store = await Store.open(dir, { warn: (m) => notices.push(m) })
  expect(store.get('signups', 'a')).toEqual({ _id: 'a', n: 2 })
  store.close()
  expect(notices.join('')).toContain('旧格式')
  const kept = fs.readdirSync(dir).find((f) => f.startsWith('db.jsonl.legacy-'))
  expect(kept && fs.readFileSync(path.join(dir, kept), 'utf8')).toBe(legacy.map((l) => `${l}\n`).join(''))
  expect(readLog(logOf(dir))?.legacy).toBe(false)
})

test('an old log with an unparsable middle line is refused, not tolerated', async () => {
  const dir = tempDir()
  writeLines(dir, ['{"create":"signups"}', '{"ops":[{"c":"signups","put":{"_id":"a"', '{"ops":[{"c":"signups","put":{"_id":"b"}}]}'])
  expect((await refusal(dir)).line).toBe(2)
})

test('compaction writes a synced tmp file, renames it, then syncs the dir; a leftover tmp file is ignored', async () => {
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, 'db.jsonl.tmp'), 'half a compaction')
  const store = await Store.open(dir, quiet)
  expect(fs.existsSync(path.join(dir, 'db.jsonl.tmp'))).toBe(false)
  store.createCollection('hot')
  const calls: string[] = []
  const fsync = jest.spyOn(fs, 'fsyncSync').mockImplementation(() => { calls.push('fsync') })
  const rename = jest.spyOn(fs, 'renameSync')
  rename.mockImplementation((from, to) => {
    calls.push(`rename ${path.basename(String(from))}`)
    rename.mockRestore()
    fs.renameSync(from, to)
  })
  try {
    for (let i = 0; i < 2100; i += 1) store.apply([{ c: 'hot', put: { _id: 'x', n: i } }])
  } finally {
    fsync.mockRestore()
    rename.mockRestore()
  }
  expect(calls).toEqual(['fsync', 'rename db.jsonl.tmp', 'fsync'])
  store.close()
  expect(readLog(logOf(dir))?.records.length).toBeLessThan(1200)
  const again = await Store.open(dir, quiet)
  expect(again.get('hot', 'x')).toEqual({ _id: 'x', n: 2099 })
  again.close()
})

test('writers are answered after an fdatasync, one sync shared by the writes made meanwhile', async () => {
  const dir = tempDir()
  const store = await Store.open(dir, { ...quiet, fsync: true })
  store.createCollection('c')
  await store.whenDurable()
  const sync = jest.spyOn(fs, 'fdatasync')
  try {
    let durable = false
    store.apply([{ c: 'c', put: { _id: 'a' } }])
    const first = store.whenDurable().then(() => { durable = true })
    expect(sync).toHaveBeenCalledTimes(1)
    expect(durable).toBe(false)
    const rest = Array.from({ length: 50 }, (_x, i) => {
      store.apply([{ c: 'c', put: { _id: `b${i}` } }])
      return store.whenDurable()
    })
    await Promise.all([first, ...rest])
    expect(durable).toBe(true)
    expect(sync).toHaveBeenCalledTimes(2)
    await store.whenDurable()
    expect(sync).toHaveBeenCalledTimes(2)
  } finally {
    sync.mockRestore()
    store.close()
  }
})
