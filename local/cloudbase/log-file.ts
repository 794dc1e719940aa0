// The on-disk form of the store's log, `db.jsonl`: one record a line, `<crc32> <line number> <EJSON>`
// (the checksum covers "<line number> <EJSON>"). Reading checks every line and stops at the first
// damaged one with a StoreDamagedError that names the file, the line and the way out; the only thing
// forgiven is a torn last line (no newline: a write cut off by a crash). Logs written before checksums
// ("legacy": every line plain EJSON) are read when the whole file is legacy. `repairLog` is the way
// out the error offers: it keeps the damaged file aside, then rewrites the log without the bad part.
import fs from 'fs'
import path from 'path'
import { crc32Hex } from './crc32'
import { parseEJSON } from './ejson'

export const LOG_FILE = 'db.jsonl'
const HEADER = /^([0-9a-f]{8}) ([1-9][0-9]*) /

export interface Reason {
  zh: string
  en: string
}

export function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

export class StoreDamagedError extends Error {
  readonly file: string
  readonly line: number

  constructor(file: string, line: number, total: number, reason: Reason) {
    const dir = path.dirname(file)
    const repair = 'npx tsx local/cloudbase/repair.ts'
    super([
      `数据文件已损坏，服务未启动：${file} 第 ${line} 行（完整的行共 ${total} 行）${reason.zh}。`,
      '文件没有被改动。恢复办法（先停止服务，在项目根目录运行；修复前会把原文件另存为 db.jsonl.damaged-<时间>）：',
      `  1. 有备份时：用备份的 db.jsonl 替换 ${file}；`,
      `  2. 恢复到损坏处之前的一致状态（丢弃第 ${line}–${total} 行）：${repair} ${dir} --truncate-at ${line}`,
      `  3. 只丢弃第 ${line} 行、保留其后的写入（之后运行各修复定时任务校正计数）：${repair} ${dir} --drop-line ${line}`,
      `Store damaged: ${file} line ${line} of ${total}: ${reason.en}. The file was left untouched. ` +
        `Restore a backup, or keep lines 1–${line - 1} (${repair} ${dir} --truncate-at ${line}), ` +
        `or drop line ${line} only (${repair} ${dir} --drop-line ${line}); the original is first kept as db.jsonl.damaged-<time>.`,
    ].join('\n'))
    this.name = 'StoreDamagedError'
    this.file = file
    this.line = line
  }
}

export function encodeLine(lineNumber: number, json: string): string {
  const body = `${lineNumber} ${json}`
  return `${crc32Hex(body)} ${body}\n`
}

/** fsync of a directory, so a rename inside it is on disk (not possible on Windows: skipped there). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export interface LogContents {
  /** The records of the complete lines, in order. */
  records: unknown[]
  /** The JSON text of each record (what its line carries after the header). */
  texts: string[]
  legacy: boolean
  /** Bytes up to and including the last newline; after them, `tornBytes` of a torn last line. */
  cleanBytes: number
  tornBytes: number
}

function checkLine(line: string, n: number, legacy: boolean): { text: string } | Reason {
  let text = line
  if (legacy) {
    if (!line.startsWith('{')) return { zh: '：旧格式文件中出现了不是 JSON 记录的行', en: 'a line that is not a JSON record in a log without checksums' }
  } else {
    const header = HEADER.exec(line)
    if (!header) return { zh: '：不是“校验和 行号 记录”的格式', en: 'not in the "<crc32> <line number> <record>" form' }
    if (crc32Hex(line.slice(9)) !== header[1]) return { zh: '：校验和不符（内容被改动）', en: 'checksum mismatch (the content was changed)' }
    if (Number(header[2]) !== n) {
      return { zh: `：行号应为 ${n}，实为 ${header[2]}（有行丢失、重复或错位）`, en: `line number ${header[2]} where ${n} was expected (a line was lost, repeated or moved)` }
    }
    text = line.slice(header[0].length)
  }
  return { text }
}

function splitLog(buf: Buffer): { lines: string[]; cleanBytes: number; tornBytes: number } {
  const cleanBytes = buf.lastIndexOf(0x0a) + 1
  const text = buf.subarray(0, cleanBytes).toString('utf8')
  return { lines: text ? text.slice(0, -1).split('\n') : [], cleanBytes, tornBytes: buf.length - cleanBytes }
}

/** Reads and checks the log; null when there is none. Throws StoreDamagedError at the first bad line. */
export function readLog(file: string): LogContents | null {
  let buf: Buffer
  try {
    buf = fs.readFileSync(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  const { lines, cleanBytes, tornBytes } = splitLog(buf)
  const legacy = (lines[0] ?? '').startsWith('{')
  const records: unknown[] = []
  const texts: string[] = []
  for (const [index, line] of lines.entries()) {
    const checked = checkLine(line, index + 1, legacy)
    if (!('text' in checked)) throw new StoreDamagedError(file, index + 1, lines.length, checked)
    try {
      records.push(parseEJSON(checked.text))
    } catch (err) {
      throw new StoreDamagedError(file, index + 1, lines.length, { zh: '：JSON 无法解析', en: `unparsable JSON (${(err as Error).message})` })
    }
    texts.push(checked.text)
  }
  return { records, texts, legacy, cleanBytes, tornBytes }
}

export type Repair = { truncateAt: number } | { dropLine: number }

export interface RepairResult {
  keptAside: string
  kept: number
  dropped: number
}

/**
 * Rewrites `<dir>/db.jsonl` without its damaged part: lines from `truncateAt` on, or line `dropLine`
 * alone (plus a torn last line). The original is first copied to db.jsonl.damaged-<time>; every line
 * kept must itself be whole (else nothing is changed); the result is renumbered, checksummed and
 * put in place crash-safely. The caller holds the dir's lock.
 */
export function repairLog(dir: string, repair: Repair): RepairResult {
  const file = path.join(dir, LOG_FILE)
  const { lines } = splitLog(fs.readFileSync(file))
  const cut = 'truncateAt' in repair ? repair.truncateAt : repair.dropLine
  if (!Number.isInteger(cut) || cut < 1 || cut > lines.length) throw new Error(`行号须在 1–${lines.length} 之间 / line must be 1–${lines.length}`)
  const keep = lines.map((_line, i) => ('truncateAt' in repair ? i + 1 < cut : i + 1 !== cut))
  const out: string[] = []
  for (const [index, line] of lines.entries()) {
    if (!keep[index]) continue
    const checked = checkLine(line, index + 1, line.startsWith('{'))
    if ('text' in checked) {
      try {
        parseEJSON(checked.text)
        out.push(encodeLine(out.length + 1, checked.text))
        continue
      } catch {
        // reported below like any other damaged line
      }
    }
    throw new Error(`第 ${index + 1} 行也已损坏，未作修改 / line ${index + 1} is damaged too; nothing was changed`)
  }
  const keptAside = `${file}.damaged-${stamp()}`
  fs.copyFileSync(file, keptAside)
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, out.join(''))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  fsyncDir(dir)
  return { keptAside, kept: out.length, dropped: lines.length - out.length }
}
