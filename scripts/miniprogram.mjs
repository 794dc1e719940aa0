// The mini-program through WeChat's own packaging compiler (miniprogram-ci, DevTools' CI build):
//   npm run miniprogram -- preview [--desc 文字]          a preview QR code (printed, and test-output/preview.png)
//   npm run miniprogram -- upload --version 1.2.0 [--desc]  uploads a version for 提交审核
//   npm run miniprogram -- check [--dir d] [--json]        offline compile + code-quality check of dist/
// preview/upload need the AppID (MINIPROGRAM_APPID, else project.config.json's appid) and the upload key
// (小程序后台 → 开发管理 → 小程序代码上传密钥): MINIPROGRAM_PRIVATE_KEY (the key text) or
// MINIPROGRAM_PRIVATE_KEY_PATH (a file), with this machine's IP in the key's whitelist. `check` needs neither:
// the project is given its attributes (`attr`, undocumented) so miniprogram-ci does not ask WeChat's servers
// for them, and any privateKey string. Run `npm run build:weapp` first.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

/** What WeChat answers for an ordinary mini-program (sizes as documented: 2 MB a package, 20 MB in all). */
export const OFFLINE_ATTR = {
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100,
    MinTabbarCount: 2,
    MaxTabbarCount: 5,
    MaxCustomTabbarCount: 5,
    MaxTabbarIconSize: 40,
  },
}

/** The compile settings DevTools would use for this project (ES6 → ES5, WXML/WXSS minified and checked). */
export const SETTING = { es6: true, enhance: false, minifyJS: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true }

function projectConfig() {
  return JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'))
}

/** A miniprogram-ci Project over dist/. `offline` gives it the attributes instead of asking WeChat. */
export function makeProject({ offline = false, dir } = {}) {
  const ci = require('miniprogram-ci')
  const config = projectConfig()
  const appid = process.env.MINIPROGRAM_APPID || config.appid
  const key = process.env.MINIPROGRAM_PRIVATE_KEY
  const keyPath = process.env.MINIPROGRAM_PRIVATE_KEY_PATH
  if (!offline && !key && !keyPath) {
    throw new Error('缺少小程序代码上传密钥：请设置 MINIPROGRAM_PRIVATE_KEY（密钥内容）或 MINIPROGRAM_PRIVATE_KEY_PATH（密钥文件路径），在小程序后台 → 开发管理 → 小程序代码上传密钥 下载')
  }
  if (!offline && (!appid || appid === 'touristappid')) throw new Error('请设置 MINIPROGRAM_APPID 为小程序的 AppID（或写入 project.config.json 的 appid）')
  const options = {
    appid: offline ? 'wx0000000000000000' : appid,
    type: 'miniProgram',
    projectPath: dir ?? join(root, config.miniprogramRoot ?? 'dist/'),
    ignores: ['node_modules/**/*'],
    ...(offline ? { privateKey: 'offline-check', attr: async () => OFFLINE_ATTR } : key ? { privateKey: key } : { privateKeyPath: keyPath }),
  }
  return { ci, project: new ci.Project(options) }
}

/** Compiles dist/ as DevTools would and runs its code-quality check, without network or key. */
export async function offlineCheck(dir) {
  const { ci, project } = makeProject({ offline: true, dir })
  const compiled = await ci.getCompiledResult({ project, setting: SETTING })
  const quality = await ci.checkCodeQuality(project)
  return { files: Object.keys(compiled), quality }
}

function flag(args, name) {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

async function main(args) {
  const command = args[0]
  if (command === 'check') {
    const { files, quality } = await offlineCheck(flag(args, '--dir'))
    if (args.includes('--json')) {
      console.log(`MINIPROGRAM_CHECK ${JSON.stringify({ files: files.length, quality })}`)
      return 0
    }
    console.log(`编译通过：${files.length} 个文件`)
    for (const item of quality) console.log(`${item.success ? '✓' : '✗'} ${item.name}${item.text ? `：${item.text}` : ''}`)
    return 0
  }
  if (command !== 'preview' && command !== 'upload') {
    console.error('用法：npm run miniprogram -- preview | upload --version x.y.z | check')
    return 1
  }
  const { ci, project } = makeProject()
  const desc = flag(args, '--desc') ?? `fuyou-festival ${new Date().toISOString()}`
  if (command === 'preview') {
    mkdirSync(join(root, 'test-output'), { recursive: true })
    const dest = join(root, 'test-output', 'preview.png')
    await ci.preview({ project, desc, setting: SETTING, qrcodeFormat: 'image', qrcodeOutputDest: dest, onProgressUpdate: () => undefined })
    console.log(`预览二维码：${dest}（用微信扫码）`)
    return 0
  }
  const version = flag(args, '--version')
  if (!version) {
    console.error('请用 --version 指定版本号，例如 npm run miniprogram -- upload --version 1.0.0')
    return 1
  }
  await ci.upload({ project, version, desc, setting: SETTING, onProgressUpdate: () => undefined })
  console.log(`已上传版本 ${version}：在小程序后台 → 版本管理 提交审核`)
  return 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    console.error('失败：', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
