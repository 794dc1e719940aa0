// The deploy plan: deploy/cloudbase.ts joined with each cloudfunctions/<fn>/config.json (timeout, memory,
// runtime, timer triggers). Pure: reads files, no credentials, no network — `--dry-run` prints it and the
// tests check it. Also the rule by which an index serves a query (used by the tests).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLOSED, clientUploadPrefixes, collections, envVariables, messagePush, storageRule, type AccessRule, type EnvVarDecl, type IndexDecl, type QueryShape } from './cloudbase'

export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

export interface FunctionPlan {
  name: string
  /** Seconds, 1–60 (CloudBase's default is 3). */
  timeout: number
  memorySize: number
  runtime: string
  triggers: TimerTrigger[]
  env: EnvVarDecl[]
}

export interface Plan {
  functions: FunctionPlan[]
  collections: Array<{ name: string; rule: AccessRule; indexes: IndexDecl[] }>
  storage: { rule: AccessRule; clientUploadPrefixes: string[] }
  messagePush: Array<{ msgType: string; event: string; functionName: string }>
}

const MEMORY_SIZES = [128, 256, 512, 1024, 2048]
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15']

function readFunctionConfig(root: string, name: string): FunctionPlan {
  const file = join(root, 'cloudfunctions', name, 'config.json')
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const where = `cloudfunctions/${name}/config.json`
  const timeout = raw.timeout
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 60) {
    throw new Error(`${where}: timeout 须为 1–60 之间的整数（秒），CloudBase 默认只有 3 秒`)
  }
  const memorySize = raw.memorySize
  if (typeof memorySize !== 'number' || !MEMORY_SIZES.includes(memorySize)) throw new Error(`${where}: memorySize 须为 ${MEMORY_SIZES.join(' / ')} 之一（MB）`)
  const runtime = raw.runtime
  if (typeof runtime !== 'string' || !RUNTIMES.includes(runtime)) throw new Error(`${where}: runtime 须为 ${RUNTIMES.join(' / ')} 之一`)
  const triggers = Array.isArray(raw.triggers) ? (raw.triggers as Array<Record<string, unknown>>) : []
  const timers = triggers.map((t): TimerTrigger => {
    if (t.type !== 'timer' || typeof t.name !== 'string' || typeof t.config !== 'string' || t.config.trim().split(/\s+/).length !== 7) {
      throw new Error(`${where}: 触发器 ${String(t.name)} 须为 timer，config 为 7 段 cron（秒 分 时 日 月 周 年）`)
    }
    return { name: t.name, type: 'timer', config: t.config }
  })
  return { name, timeout, memorySize, runtime, triggers: timers, env: envVariables[name] ?? [] }
}

export function functionNames(root: string): string[] {
  return readdirSync(join(root, 'cloudfunctions')).filter((d) => existsSync(join(root, 'cloudfunctions', d, 'config.json'))).sort()
}

export function buildPlan(root: string): Plan {
  return {
    functions: functionNames(root).map((name) => readFunctionConfig(root, name)),
    collections: Object.entries(collections).map(([name, indexes]) => ({ name, rule: CLOSED, indexes })),
    storage: { rule: storageRule, clientUploadPrefixes },
    messagePush,
  }
}

/**
 * Whether an index serves a query: its leading fields are filter fields (only equality-matched ones when
 * the query sorts), followed directly by the sort fields; a trailing `_id` sort may be left out (the key
 * is unique), and a query with no filter field sorted only by `_id` needs no index.
 */
export function serves(index: IndexDecl, query: QueryShape): boolean {
  const sort = [...(query.sort ?? [])]
  if (sort[sort.length - 1] === '_id' && !index.fields.some((f) => f.field === '_id')) sort.pop()
  const fields = index.fields.map((f) => f.field)
  if (sort.length === 0) {
    const filter = [...query.equal, ...(query.operator ?? [])].filter((f) => f !== '_id')
    return filter.includes(fields[0] ?? '')
  }
  const leading = query.equal.filter((f) => f !== '_id' && !sort.includes(f))
  let i = 0
  while (i < fields.length && leading.includes(fields[i] ?? '')) i++
  if (leading.length > 0 && i === 0) return false
  return sort.every((field, k) => fields[i + k] === field)
}

export function needsIndex(query: QueryShape): boolean {
  const fields = [...query.equal, ...(query.operator ?? []), ...(query.sort ?? [])].filter((f) => f !== '_id')
  return fields.length > 0
}

export function formatPlan(plan: Plan, envId: string): string {
  const lines: string[] = [`CloudBase 部署计划（环境 ${envId}）`, '', '云函数（上传代码，云端安装依赖）：']
  for (const fn of plan.functions) {
    lines.push(`  ${fn.name}: 超时 ${fn.timeout} s，内存 ${fn.memorySize} MB，运行时 ${fn.runtime}`)
    for (const t of fn.triggers) lines.push(`    定时触发器 ${t.name}: ${t.config}`)
    for (const v of fn.env) {
      const from = v.source === 'manual' ? '手动设置，部署只保留' : `取自部署环境变量 ${v.name}${v.default ? `，未设置且云端没有时为 ${v.default}` : '，未设置时保留云端的值'}`
      lines.push(`    环境变量 ${v.name}（${v.about}）：${from}`)
    }
  }
  lines.push('', '数据库集合（安全规则 {"read": false, "write": false}）：')
  for (const c of plan.collections) {
    const idx = c.indexes.map((i) => i.fields.map((f) => `${f.field}${f.direction === -1 ? '↓' : ''}`).join('+'))
    lines.push(`  ${c.name}${idx.length ? `  索引: ${idx.join(', ')}` : ''}`)
  }
  lines.push('', `云存储安全规则: ${JSON.stringify(plan.storage.rule)}`)
  lines.push('', '消息推送（无 CloudBase 接口，需在控制台设置一次，部署结束时提示）：')
  for (const p of plan.messagePush) lines.push(`  ${p.msgType}/${p.event} → 云函数 ${p.functionName}`)
  return lines.join('\n')
}
