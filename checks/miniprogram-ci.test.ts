// The weapp build through WeChat's own packaging compiler (miniprogram-ci, offline: scripts/miniprogram.mjs
// check): app.json, page configs, usingComponents, JS (ES6 → ES5), WXML and WXSS all compile, and the
// code-quality check finds the main package under its size advice and no code left unused or misplaced.
// A broken project is refused, so the check can fail. Needs dist/ (npm run build:weapp).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '..')

interface CheckItem {
  name: string
  success: boolean
  text?: string
}

function check(dir?: string) {
  const args = [join(root, 'scripts', 'miniprogram.mjs'), 'check', '--json', ...(dir ? ['--dir', dir] : [])]
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 170_000 })
  const line = run.stdout.split('\n').find((l) => l.startsWith('MINIPROGRAM_CHECK '))
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, result: line ? (JSON.parse(line.slice('MINIPROGRAM_CHECK '.length)) as { files: number; quality: CheckItem[] }) : null }
}

// Settings items (*_OPEN) follow DevTools' project switches, not the code; the rest judge the package.
const CONTENT_ITEMS = ['PACKAGE_SIZE_LIMIT', 'IMAGE_AND_AUDIO_LIMIT', 'CONTAINS_OTHER_PKG_JS', 'CONTAINS_OTHER_PKG_COMPONENTS', 'CONTAINS_UNUSED_PLUGINS', 'CONTAINS_UNUSED_COMPONENTS', 'CONTAINS_UNUSED_CODES']

test('miniprogram-ci compiles dist/ offline and its code-quality check passes', () => {
  const { status, output, result } = check()
  expect({ status, output: status === 0 ? '' : output }).toEqual({ status: 0, output: '' })
  expect(result?.files).toBeGreaterThan(50)
  const items = new Map((result?.quality ?? []).map((i) => [i.name, i]))
  for (const name of CONTENT_ITEMS) expect({ name, success: items.get(name)?.success, text: items.get(name)?.text }).toEqual(expect.objectContaining({ name, success: true }))
}, 180_000)

test('miniprogram-ci refuses a project whose app.json names a missing page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broken-mp-'))
  mkdirSync(join(dir, 'pages'))
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/missing/missing'] }))
  writeFileSync(join(dir, 'app.js'), 'App({})')
  writeFileSync(join(dir, 'project.config.json'), JSON.stringify({ miniprogramRoot: './', compileType: 'miniprogram', appid: 'touristappid' }))
  const { status, output, result } = check(dir)
  expect(status).not.toBe(0)
  expect(result).toBeNull()
  expect(output).toContain('could not find the corresponding file: "pages/missing/missing.wxml"')
}, 180_000)
