// CloudApi over CloudBase's Node management SDK (@cloudbase/manager-node): functions (code, config,
// timers, environment variables), collections, indexes, collection security rules (TCB ModifySafeRule
// through the SDK's commonService) and the storage rule. Loaded only for a real deploy, with the
// credentials read from the environment at that moment.
import { join } from 'node:path'
import type { CloudApi } from './apply'

interface Credentials {
  secretId: string
  secretKey: string
  token?: string
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials | null {
  const secretId = env.TENCENTCLOUD_SECRETID
  const secretKey = env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) return null
  return { secretId, secretKey, token: env.TENCENTCLOUD_SESSIONTOKEN || undefined }
}

export async function managerApi(root: string, envId: string, credentials: Credentials): Promise<CloudApi> {
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const app = new CloudBase({ ...credentials, envId })
  const tcb = app.commonService('tcb', '2018-06-08')
  const functionRootPath = join(root, 'cloudfunctions')
  const notFound = (error: unknown) => /ResourceNotFound|not exist|不存在/i.test(error instanceof Error ? error.message : String(error))

  return {
    async functionEnv(name) {
      try {
        const detail = await app.functions.getFunctionDetail(name)
        return Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]))
      } catch (error) {
        if (notFound(error)) return null
        throw error
      }
    },
    async deployFunction(fn, env) {
      await app.functions.createFunction({
        func: {
          name: fn.name,
          timeout: fn.timeout,
          memorySize: fn.memorySize,
          runtime: fn.runtime,
          envVariables: env,
          installDependency: true,
          triggers: fn.triggers,
          ignore: ['node_modules', 'node_modules/**/*'],
        },
        functionRootPath,
        force: true,
      })
    },
    async ensureCollection(name) {
      await app.database.createCollectionIfNotExists(name)
    },
    async indexNames(collection) {
      const info = await app.database.describeCollection(collection)
      return (info.Indexes ?? []).map((i) => i.Name)
    },
    async createIndexes(collection, indexes) {
      await app.database.updateCollection(collection, {
        CreateIndexes: indexes.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIsUnique: i.unique ?? false, MgoIndexKeys: i.fields.map((f) => ({ Name: f.field, Direction: String(f.direction) })) },
        })),
      })
    },
    async setCollectionRule(collection, rule) {
      await tcb.call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) } })
    },
    async setStorageRule(rule) {
      await app.storage.setStorageAcl('CUSTOM', rule)
    },
  }
}
