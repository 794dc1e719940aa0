// Launches Debian's Chromium through playwright-core (never a downloaded browser: this machine cannot
// fetch one) with the flags that keep it off the network. Playwright gives each launch a fresh profile.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`没有找到 Chromium（${CHROMIUM}）。请先安装：apt-get install -y chromium`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  })
}

export const OUTPUT_DIR = join(__dirname, '..', 'test-output')
