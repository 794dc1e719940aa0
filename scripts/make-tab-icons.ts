// Draws the tab-bar icons (WeChat wants PNG files, ≤ 40 KB, 81×81 recommended) from small SVG shapes
// with Debian Chromium, so they can be regenerated in another colour. Run: npx tsx scripts/make-tab-icons.ts
import { join } from 'node:path'
import { launchChromium } from '../e2e/browser'

const shapes: Record<string, string> = {
  home: '<path d="M12 40 L40.5 14 L69 40" fill="none" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/><path d="M20 36 V68 H61 V36" fill="none" stroke-width="6" stroke-linejoin="round"/><rect x="34" y="48" width="13" height="20" rx="2" stroke="none"/>',
  venues: '<path d="M40.5 72 C24 52 18 42 18 32 A22.5 22.5 0 0 1 63 32 C63 42 57 52 40.5 72 Z" fill="none" stroke-width="6" stroke-linejoin="round"/><circle cx="40.5" cy="32" r="8" stroke="none"/>',
  me: '<circle cx="40.5" cy="28" r="13" fill="none" stroke-width="6"/><path d="M15 70 C17 53 28 46 40.5 46 C53 46 64 53 66 70" fill="none" stroke-width="6" stroke-linecap="round"/>',
}
const colours = { '': '#6b4f3f', '-active': '#c8102e' }

async function main(): Promise<void> {
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, shape] of Object.entries(shapes)) {
    for (const [suffix, colour] of Object.entries(colours)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" stroke="${colour}" fill="${colour}">${shape}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({ path: join(__dirname, '..', 'src', 'assets', 'tab', `${name}${suffix}.png`), omitBackground: true })
    }
  }
  await browser.close()
}

void main()
