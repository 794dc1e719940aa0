// `npm run deploy -- --env <envId> [--dry-run]`: applies the plan (deploy/plan.ts) to a CloudBase
// environment with CloudBase's own management SDK, @cloudbase/manager-node: every function with its
// timeout, memory, runtime, variables and timer triggers (dependencies installed in the cloud), every
// collection created, closed to clients and indexed, the storage rule. `--dry-run` prints the plan with
// no credentials and no network. The SDK is loaded only for a real deploy (it is not a dependency of the
// app or the tests): install it once with `npm i --no-save @cloudbase/manager-node@5`. Credentials come
// from TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for temporary ones).
import { join } from 'node:path'
import { buildPlan, formatPlan, type Plan } from './plan'

const ROOT = join(__dirname, '..')

interface ManagerApp {
  functions: { createFunction(options: Record<string, unknown>): Promise<unknown> }
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>
    updateCollection(name: string, options: Record<string, unknown>): Promise<unknown>
  }
  commonService(service?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> }
}

function argOf(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function apply(plan: Plan, envId: string): Promise<void> {
  const secretId = process.env.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) throw new Error('请先设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（腾讯云访问密钥）')
  const { default: CloudBase } = (await import('@cloudbase/manager-node' as string).catch(() => {
    throw new Error('缺少 @cloudbase/manager-node：请先运行 npm i --no-save @cloudbase/manager-node@5')
  })) as { default: { init(o: Record<string, unknown>): ManagerApp } }
  const app = CloudBase.init({ secretId, secretKey, token: process.env.TENCENTCLOUD_SESSIONTOKEN, envId })
  for (const fn of plan.functions) {
    const envVariables = Object.fromEntries(fn.env.flatMap((v) => (v.source === 'deploy' && process.env[v.name] ? [[v.name, process.env[v.name]]] : [])))
    console.log(`云函数 ${fn.name} …`)
    await app.functions.createFunction({
      func: { name: fn.name, timeout: fn.timeout, memorySize: fn.memorySize, runtime: fn.runtime, envVariables, triggers: fn.triggers, installDependency: true },
      functionRootPath: join(ROOT, 'cloudfunctions'),
      force: true,
    })
  }
  for (const c of plan.collections) {
    console.log(`集合 ${c.name} …`)
    await app.database.createCollectionIfNotExists(c.name)
    await app.commonService().call({ Action: 'ModifySafeRule', Param: { CollectionName: c.name, EnvId: envId, AclTag: 'CUSTOM', Rule: JSON.stringify(c.rule) } })
    if (c.indexes.length > 0) {
      await app.database.updateCollection(c.name, {
        CreateIndexes: c.indexes.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIsUnique: Boolean(i.unique), MgoIndexKeys: i.fields.map((f) => ({ Name: f.field, Direction: String(f.direction) })) },
        })),
      })
    }
  }
  await app.commonService().call({ Action: 'ModifyStorageSafeRule', Param: { EnvId: envId, AclTag: 'CUSTOM', Rule: JSON.stringify(plan.storage.rule) } })
  console.log('完成。仍需在控制台手动完成：消息推送 wxa_media_check → selection；订阅消息模板 id；第一位组委会成员（见 README）。')
}

async function main(): Promise<void> {
  const envId = argOf('--env')
  const dryRun = process.argv.includes('--dry-run')
  if (!envId && !dryRun) throw new Error('用法：npm run deploy -- --env <云开发环境 ID> [--dry-run]')
  const plan = buildPlan(ROOT)
  console.log(formatPlan(plan, envId ?? '（演练）'))
  if (!dryRun) await apply(plan, envId ?? '')
}

main().catch((error: unknown) => {
  console.error('部署失败：', error instanceof Error ? error.message : error)
  process.exit(1)
})
