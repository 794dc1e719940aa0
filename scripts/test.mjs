// `npm test`: everything a change must pass, in order — Chromium present (installed from Debian when
// missing and we are root), one typecheck per target, the linter (zero warnings), the builds (functions,
// weapp, h5), then one jest run over every project (service conformance, handlers and gateway, build
// checks, components, the weapp build run headlessly, browser).
// Ends with the plain line "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`  ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return result.status === 0
}

function ensureChromium() {
  if (existsSync(chromium)) return true
  if (process.getuid?.() !== 0) {
    console.error(`缺少 Chromium（${chromium}）：请以 root 运行 apt-get install -y chromium 后重试`)
    return false
  }
  return step('apt-get update', 'apt-get', ['update', '-qq']) &&
    step('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei', 'fonts-noto-color-emoji'], { DEBIAN_FRONTEND: 'noninteractive' })
}

const projects = ['local/cloudbase/jest.config.js', 'jest.server.config.js', 'jest.components.config.js', 'jest.weapp.config.js', 'jest.e2e.config.js']
mkdirSync(join(root, 'test-output'), { recursive: true })
const report = join(root, 'test-output', 'jest-results.json')

const prepared =
  ensureChromium() &&
  step('typecheck h5', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) &&
  step('typecheck weapp', bin('tsc'), ['-p', 'tsconfig.weapp.json', '--noEmit']) &&
  step('typecheck functions and local runtime', bin('tsc'), ['-p', 'tsconfig.server.json', '--noEmit']) &&
  step('lint', bin('eslint'), ['.', '--max-warnings', '0']) &&
  step('build cloud functions', process.execPath, ['scripts/build-functions.mjs']) &&
  // The local subscribe-message template ids (the local runtime's defaults) are built in, so the weapp
  // tier exercises wx.requestSubscribeMessage as a build with real ids would.
  step('build weapp', bin('taro'), ['build', '--type', 'weapp'], { CLINIC_TEMPLATE_REMINDER: 'local-template-reminder', CLINIC_TEMPLATE_PROMOTED: 'local-template-promoted', ...process.env }) &&
  step('build h5', bin('taro'), ['build', '--type', 'h5'])

if (!prepared) {
  console.log('\n0 passed, 1 failed')
  process.exit(1)
}

// One jest run over several projects takes a single test timeout (the projects' own are not applied), so
// it is set here to the browser tests' 2 minutes; the quicker suites finish far inside it.
const jestOk = step('jest', bin('jest'), ['--projects', ...projects, '--testTimeout', '120000', '--json', '--outputFile', report])
let passed = 0
let failed = jestOk ? 0 : 1
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites + (jestOk ? 0 : results.numFailedTests === 0 ? 1 : 0)
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(jestOk && failed === 0 ? 0 : 1)
