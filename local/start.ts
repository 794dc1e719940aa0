// `npm start`: build what is missing, start the local app on HOST (default 127.0.0.1) and PORT (default
// 10086) with its data in .data/ (DATA_DIR) and the h5 build from dist-h5/ (STATIC_DIR), load the
// demo festival on first start, run the functions' timer triggers (reminders, hold repair, retention
// purge; LOCAL_TIMERS=0 turns them off), and print the address and whether the demo sign-in is on
// (only on loopback unless LOCAL_DEMO_SIGNIN=1).
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed'
import { demoSignInSetting } from './gateway/local-auth'
import { REPO_ROOT, startLocalApp } from './runtime'
import type { TimerRun } from './timers'

function logTimerRun(run: TimerRun): void {
  const name = `${run.trigger.fn}/${run.trigger.name}`
  const result = run.result as { ok?: boolean; message?: string } | undefined
  if (run.error !== undefined || result?.ok === false) {
    console.error(`定时任务 ${name} 失败：`, run.error instanceof Error ? run.error.message : result?.message ?? run.error)
  } else {
    console.log(`定时任务 ${name} 已运行（${run.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`)
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 10086)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 必须是 0–65535 的整数，现在是「${process.env.PORT}」`)
  if (process.env.SKIP_BUILD !== '1') buildIfNeeded(REPO_ROOT, (line) => console.log(line))
  const host = process.env.HOST || '127.0.0.1'
  const demo = demoSignInSetting(host, process.env.LOCAL_DEMO_SIGNIN)
  const timers = process.env.LOCAL_TIMERS === '0' ? {} : { onTimerRun: logTimerRun }
  const staticDir = process.env.STATIC_DIR || undefined
  const app = await startLocalApp({ port, host, staticDir, demoSignIn: demo.enabled, dataDir: process.env.DATA_DIR ?? join(REPO_ROOT, '.data'), ...timers })
  if (app.seeded) console.log('已载入演示数据：中国(重庆)2022妇幼健康公益文化节')
  console.log(`妇幼健康公益文化节（本地版）已启动：${app.url}`)
  console.log(`本地演示登录${demo.reason}`)
  for (const { trigger, at } of app.timers?.next() ?? []) {
    console.log(`定时任务 ${trigger.fn}/${trigger.name}（${trigger.cron}）下次运行：${at?.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) ?? '不再运行'}`)
  }
  console.log(demo.enabled ? '用手机尺寸的浏览器窗口打开；在「我的」页可切换本地演示身份。按 Ctrl+C 停止。' : '用手机尺寸的浏览器窗口打开，以访客身份使用。按 Ctrl+C 停止。')
  const stop = () => {
    app.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('启动失败：', error instanceof Error ? error.message : error)
  process.exit(1)
})
