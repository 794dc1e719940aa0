// Applying the plan through a recording CloudApi: every function, collection, rule and missing index is
// sent; indexes that exist are not recreated; environment variables set in the console survive a deploy.
import { join } from 'node:path'
import type { AccessRule, IndexDecl } from '../cloudbase'
import { applyPlan, type CloudApi } from '../apply'
import { buildPlan, type FunctionPlan } from '../plan'

const plan = buildPlan(join(__dirname, '..', '..'))

function recorder(existingEnv: Record<string, Record<string, string>>, existingIndexes: Record<string, string[]>) {
  const calls = { functions: new Map<string, { fn: FunctionPlan; env: Record<string, string> }>(), collections: [] as string[], rules: new Map<string, AccessRule>(), indexes: new Map<string, string[]>(), storage: null as AccessRule | null }
  const api: CloudApi = {
    functionEnv: async (name) => existingEnv[name] ?? null,
    deployFunction: async (fn, env) => void calls.functions.set(fn.name, { fn, env }),
    ensureCollection: async (name) => void calls.collections.push(name),
    indexNames: async (c) => existingIndexes[c] ?? [],
    createIndexes: async (c, list: IndexDecl[]) => void calls.indexes.set(c, list.map((i) => i.name)),
    setCollectionRule: async (c, rule) => void calls.rules.set(c, rule),
    setStorageRule: async (rule) => void (calls.storage = rule),
  }
  return { api, calls }
}

test('a deploy sends every function, collection, closed rule, missing index and the storage rule', async () => {
  const { api, calls } = recorder({}, { clinicSignups: ['openid_createdAt'] })
  await applyPlan(plan, api, {}, () => undefined)
  expect([...calls.functions.keys()]).toEqual(plan.functions.map((f) => f.name))
  expect(calls.functions.get('clinicAdmin')?.fn.timeout).toBe(60)
  expect(calls.collections).toEqual(plan.collections.map((c) => c.name))
  for (const c of plan.collections) expect(calls.rules.get(c.name)).toEqual({ read: false, write: false })
  expect(calls.indexes.get('clinicSignups')).not.toContain('openid_createdAt')
  expect(calls.indexes.get('clinicSignups')).toContain('slotId_status_waitKey')
  expect(calls.indexes.has('staff')).toBe(false)
  expect(calls.storage?.read).toBe(false)
})

test('environment variables: the shell gives new values, console values are kept, defaults fill gaps, secrets are never written', async () => {
  const { api, calls } = recorder({ clinic: { CLINIC_TEMPLATE_PROMOTED: 'old-promoted', OTHER: 'x' }, account: { FESTIVAL_BOOTSTRAP_CODE: 'console-secret-0001' } }, {})
  await applyPlan(plan, api, { CLINIC_TEMPLATE_REMINDER: 'new-reminder', FESTIVAL_BOOTSTRAP_CODE: 'from-shell' }, () => undefined)
  expect(calls.functions.get('clinic')?.env).toEqual({ CLINIC_TEMPLATE_PROMOTED: 'old-promoted', OTHER: 'x', CLINIC_TEMPLATE_REMINDER: 'new-reminder', CLINIC_MINIPROGRAM_STATE: 'formal' })
  expect(calls.functions.get('account')?.env).toEqual({ FESTIVAL_BOOTSTRAP_CODE: 'console-secret-0001' })
  expect(calls.functions.get('clinicAdmin')?.env).toEqual({ CLINIC_RETENTION_DAYS: '30' })
})
