// Applies a deploy plan through a small CloudApi (deploy/manager.ts implements it with CloudBase's
// @cloudbase/manager-node; the tests with a recording fake). Idempotent: collections and indexes that
// exist are left alone, rules are set every time, and a function's environment variables are merged —
// values set in the console (template ids, the bootstrap code) survive a deploy unless the deploying
// shell gives a new value.
import type { AccessRule, IndexDecl } from './cloudbase'
import type { FunctionPlan, Plan } from './plan'

export interface CloudApi {
  /** The function's current environment variables, or null when it does not exist yet. */
  functionEnv(name: string): Promise<Record<string, string> | null>
  /** Uploads cloudfunctions/<name>/ (dependencies installed in the cloud) and sets config and timers. */
  deployFunction(fn: FunctionPlan, env: Record<string, string>): Promise<void>
  ensureCollection(name: string): Promise<void>
  indexNames(collection: string): Promise<string[]>
  createIndexes(collection: string, indexes: IndexDecl[]): Promise<void>
  setCollectionRule(collection: string, rule: AccessRule): Promise<void>
  setStorageRule(rule: AccessRule): Promise<void>
}

export function mergeEnv(fn: FunctionPlan, current: Record<string, string> | null, shell: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = { ...(current ?? {}) }
  for (const v of fn.env) {
    const given = v.source === 'deploy' ? shell[v.name] : undefined
    if (given !== undefined && given !== '') env[v.name] = given
    else if (env[v.name] === undefined && v.default !== undefined) env[v.name] = v.default
  }
  return env
}

export async function applyPlan(plan: Plan, api: CloudApi, shell: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  for (const fn of plan.functions) {
    const env = mergeEnv(fn, await api.functionEnv(fn.name), shell)
    log(`云函数 ${fn.name}：上传并设置超时 ${fn.timeout} s、内存 ${fn.memorySize} MB、${fn.triggers.length} 个定时触发器、环境变量 ${Object.keys(env).join(', ') || '无'}`)
    await api.deployFunction(fn, env)
  }
  for (const c of plan.collections) {
    await api.ensureCollection(c.name)
    await api.setCollectionRule(c.name, c.rule)
    const existing = await api.indexNames(c.name)
    const missing = c.indexes.filter((i) => !existing.includes(i.name))
    if (missing.length > 0) await api.createIndexes(c.name, missing)
    log(`集合 ${c.name}：已关闭客户端读写${missing.length ? `，新建索引 ${missing.map((i) => i.name).join(', ')}` : ''}`)
  }
  await api.setStorageRule(plan.storage.rule)
  log(`云存储安全规则：${JSON.stringify(plan.storage.rule)}`)
}
