// Bundles each server/<fn>/index.ts into cloudfunctions/<fn>/index.js (CommonJS for CloudBase's Node
// runtime). wx-server-sdk stays external: WeChat DevTools installs it in the cloud from the folder's
// package.json, and locally it resolves to the repo's pinned copy. esbuild rather than tsc: one file per
// function, dependencies (zod, dayjs) inlined, well under a second. exceljs (clinicAdmin's Excel
// export) is inlined as well: esbuild bundles it for node without a warning (≈ 1.1 MB of that function's
// bundle) and `npm run bench` exports 10,000 rows through the built bundle, so it need not be external
// nor installed in the cloud; keeping it in clinicAdmin keeps it out of the residents' `clinic` function.
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export function functionNames() {
  return readdirSync(join(root, 'server')).filter((d) => d !== 'core' && existsSync(join(root, 'server', d, 'index.ts')))
}

export async function buildFunctions({ quiet = false } = {}) {
  const sizes = {}
  for (const fn of functionNames()) {
    const outdir = join(root, 'cloudfunctions', fn)
    for (const needed of ['package.json', 'config.json']) {
      if (!existsSync(join(outdir, needed))) throw new Error(`cloudfunctions/${fn}/${needed} is missing`)
    }
    const outfile = join(outdir, 'index.js')
    await build({
      entryPoints: [join(root, 'server', fn, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    })
    sizes[fn] = statSync(outfile).size
  }
  if (!quiet) {
    for (const [fn, size] of Object.entries(sizes)) console.log(`cloudfunctions/${fn}/index.js  ${(size / 1024).toFixed(1)} KB`)
  }
  return sizes
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
