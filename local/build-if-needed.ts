// Builds what the local app serves when it is missing or older than its sources: the cloud functions
// (esbuild, under a second, so always) and the h5 app (Taro, ~30 s, only when stale).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of readdirSync(path)) {
    if (name === '__tests__' || name.endsWith('.test.tsx') || name.endsWith('.test.ts')) continue
    newest = Math.max(newest, newestMtime(join(path, name)))
  }
  return newest
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`)
}

export function h5IsStale(root: string): boolean {
  const built = join(root, 'dist-h5', 'index.html')
  if (!existsSync(built)) return true
  const sources = ['src', 'config', 'babel.config.js', 'package.json'].map((p) => newestMtime(join(root, p)))
  return Math.max(...sources) > statSync(built).mtimeMs
}

export function buildIfNeeded(root: string, log: (line: string) => void): void {
  log('构建云函数 (cloudfunctions/*/index.js) ...')
  run(process.execPath, [join(root, 'scripts', 'build-functions.mjs')], root)
  if (h5IsStale(root)) {
    log('构建 H5 页面 (dist-h5/)，约需半分钟 ...')
    run(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], root)
  }
}
