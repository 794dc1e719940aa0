// `npm run deploy -- --env <id> [--dry-run]`: builds the cloud functions and applies the plan (see
// deploy/README.md) to one CloudBase environment with @cloudbase/manager-node. `--dry-run` prints the
// plan and touches neither credentials nor the network. Credentials: TENCENTCLOUD_SECRETID and
// TENCENTCLOUD_SECRETKEY (TENCENTCLOUD_SESSIONTOKEN for temporary keys), read only when applying.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { applyPlan } from './apply'
import { credentialsFromEnv, managerApi } from './manager'
import { buildPlan, formatPlan } from './plan'

const root = join(__dirname, '..')

function parseArgs(argv: string[]): { envId: string | undefined; dryRun: boolean } {
  const at = argv.indexOf('--env')
  const inline = argv.find((a) => a.startsWith('--env='))
  return { envId: inline ? inline.slice('--env='.length) : at >= 0 ? argv[at + 1] : undefined, dryRun: argv.includes('--dry-run') }
}

async function main(): Promise<number> {
  const { envId, dryRun } = parseArgs(process.argv.slice(2))
  const plan = buildPlan(root)
  console.log(formatPlan(plan, envId ?? '<env>'))
  const manual = plan.messagePush.map((p) => `云开发控制台 → 设置 → 其他设置 → 消息推送：推送模式「云函数」，消息类型 ${p.msgType}，事件 ${p.event} → 云函数 ${p.functionName}`)
  if (dryRun) {
    console.log('\n（--dry-run：未读取密钥，未访问网络）')
    return 0
  }
  if (!envId) {
    console.error('请用 --env <环境 ID> 指定要部署的云开发环境，例如 npm run deploy -- --env festival-1a2b3c')
    return 1
  }
  const credentials = credentialsFromEnv(process.env)
  if (!credentials) {
    console.error('缺少腾讯云 API 密钥：请设置环境变量 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（访问管理 → API 密钥）后重试')
    return 1
  }
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-functions.mjs')], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) return 1
  const api = await managerApi(root, envId, credentials)
  await applyPlan(plan, api, process.env, (line) => console.log(`✓ ${line}`))
  console.log(`\n部署完成。仍需手动：\n  ${manual.join('\n  ')}`)
  return 0
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('部署失败：', error instanceof Error ? error.message : error)
  process.exit(1)
})
