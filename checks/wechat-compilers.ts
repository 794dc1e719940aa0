// Runs WeChat's own WXML (wcc) and WXSS (wcsc) compilers from miniprogram-compiler, offline, over a
// weapp build. The package ships the Linux binaries without the execute bit, so we copy them out first.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

export interface CompileResult {
  status: number | null
  stderr: string
  outputBytes: number
}

function binaries(): { wcc: string; wcsc: string } {
  const source = join(require.resolve('miniprogram-compiler/package.json'), '..', 'bin', 'linux')
  const dir = mkdtempSync(join(tmpdir(), 'wechat-compilers-'))
  for (const name of ['wcc', 'wcsc']) {
    copyFileSync(join(source, name), join(dir, name))
    chmodSync(join(dir, name), 0o755)
  }
  return { wcc: join(dir, 'wcc'), wcsc: join(dir, 'wcsc') }
}

export function filesWithExtension(root: string, ext: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith(ext)) out.push(relative(root, path))
    }
  }
  walk(root)
  return out.sort()
}

function run(binary: string, args: string[], cwd: string): CompileResult {
  const result = spawnSync(binary, args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  return { status: result.status, stderr: result.stderr.toString('utf8'), outputBytes: result.stdout.length }
}

export function compileWxml(weappRoot: string): CompileResult {
  const files = [...filesWithExtension(weappRoot, '.wxml'), ...filesWithExtension(weappRoot, '.wxs')]
  return run(binaries().wcc, ['-d', ...files, '-gn', '$gwx'], weappRoot)
}

export function compileWxss(weappRoot: string): CompileResult {
  return run(binaries().wcsc, ['-db', '-pc', '0', ...filesWithExtension(weappRoot, '.wxss')], weappRoot)
}
