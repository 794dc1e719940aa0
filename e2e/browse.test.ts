// A resident on a phone-sized screen: home → 分会场 → 巴南分会场 → an event, against the running local
// app (gateway + built functions + local service) in Debian Chromium. Also: 320 px with enlarged text
// stays within the screen on every page of the h5 build, a grandparent's 140 % text keeps the tab labels
// and title bar at least 14 px, the title bar goes back (or home when opened by link), and an unreachable
// backend shows an error the user can act on.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { OUTPUT_DIR, phoneAs, settle, useStage } from './stage'

const stage = useStage('browse')

async function phone(width = 375): Promise<Page> {
  return (await phoneAs(stage, undefined, width)).page
}


test('home → 分会场 → 巴南分会场 → an event', async () => {
  const page = await phone()
  await page.goto(stage.app.url)
  const home = page.locator('.home-page')
  await home.getByText('中国(重庆)2022妇幼健康公益文化节').first().waitFor()
  await home.getByText('爱佑新生，心系妇幼').first().waitFor()
  await home.getByText('重庆市妇幼保健院').first().waitFor()
  await home.getByText('线下便民惠民义诊').first().waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-1-home.png'), fullPage: true })

  await home.getByText('全部分会场').click()
  const venues = page.locator('.venues-page')
  const banan = venues.locator('.venue-card', { hasText: '巴南分会场' })
  await banan.waitFor()
  await venues.locator('.venue-card', { hasText: '永川分会场' }).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-2-venues.png'), fullPage: true })

  await banan.click()
  const venue = page.locator('.venue-page')
  await venue.getByText('巴南区妇幼保健院').first().waitFor()
  await venue.getByText('6月25日', { exact: false }).first().waitFor()
  const past = venue.locator('.event-programme__toggle')
  if (await past.count()) await past.click()
  const opening = venue.locator('.timeline-item', { hasText: '09:00' }).first()
  await opening.waitFor()
  expect(await venue.locator('.timeline-item').count()).toBeGreaterThanOrEqual(7)
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-3-banan.png'), fullPage: true })

  const title = (await opening.locator('.timeline-item__title').innerText()).trim()
  await opening.click()
  const event = page.locator('.event-page')
  await event.locator('.event-head__title', { hasText: title }).waitFor()
  await event.getByText('巴南区人民广场').first().waitFor()
  await event.getByText('巴南分会场').first().waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-4-event.png'), fullPage: true })
  await page.context().close()
})

/** Every page of the h5 build, read from the app manifest as the h5 build sees it (TARO_ENV=h5). */
function h5Routes(): string[] {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = 'h5'
  Object.assign(globalThis, { defineAppConfig: (config: unknown) => config })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../src/app.config') as { default: { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> } }).default
  process.env.TARO_ENV = saved
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}

/** The query each page needs to show real content (the demo's records); pages not named open bare. */
async function queriesFor(organiser: Page): Promise<Record<string, string>> {
  const slots = await organiser.request.post(`${stage.app.url}/api/fn/clinic`, { data: { action: 'slots', input: {} } })
  const slotId = ((await slots.json()) as { data: { items: Array<{ _id: string }> } }).data.items[0]?._id ?? ''
  const gallery = await organiser.request.post(`${stage.app.url}/api/fn/selection`, { data: { action: 'gallery', input: { selectionId: 'cq-2022-photo' } } })
  const workId = ((await gallery.json()) as { data: { items: Array<{ _id: string }> } }).data.items[0]?._id ?? 'no-such-work'
  return {
    'pages/venue/index': 'id=banan',
    'pages/event/index': 'id=banan-opening',
    'clinic/slot/index': `id=${slotId}`,
    'clinic/slots/index': 'venueId=banan',
    'staff/door-list/index': `slotId=${slotId}`,
    'selection/gallery/index': 'sel=cq-2022-photo',
    'selection/work/index': `id=${workId}`,
    'selection/submit/index': 'sel=cq-2022-photo',
    'selection/ranking/index': 'sel=cq-2022-photo',
    'selection/review/index': 'sel=cq-2022-photo',
    'selection/manage/index': 'kind=cases',
    'selection/watch/index': 'sel=cq-2022-photo',
    'selection/results/index': 'sel=cq-2022-photo',
    'selection/score/index': 'kind=cases',
    'learn/lecture/index': 'id=lecture-pregnancy-nutrition',
    'learn/expert/index': 'id=expert-chen',
  }
}

test('every page, 320 px wide with text at 140 %: nothing runs off the screen', async () => {
  const { page } = await phoneAs(stage, 'organiser', 320)
  const queries = await queriesFor(page)
  const routes = h5Routes()
  expect(routes.length).toBeGreaterThanOrEqual(30)
  const overflowing: string[] = []
  for (const route of routes) {
    const query = queries[route]
    await page.goto(`${stage.app.url}/#/${route}${query ? `?${query}` : ''}`)
    await page.reload()
    await page.addStyleTag({ content: 'html { font-size: 140% !important; }' })
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => (document.querySelector('.taro_page:last-of-type')?.textContent ?? '').trim().length > 0)
    await settle(page)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    if (overflow > 0) {
      overflowing.push(`${route} (+${overflow} px)`)
      await page.screenshot({ path: join(OUTPUT_DIR, `overflow-${route.replace(/\//g, '-')}.png`), fullPage: true })
    }
  }
  await page.goto(`${stage.app.url}/#/pages/venue/index?id=banan`)
  await page.addStyleTag({ content: 'html { font-size: 140% !important; }' })
  await page.locator('.venue-page .timeline-item').first().waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-5-320px-large-text.png'), fullPage: true })
  expect(overflowing).toEqual([])
  await page.context().close()
})

test('a grandparent at 140 % text: tab labels and the title bar read at least 14 px; a non-tab page has 返回', async () => {
  const page = await phone()
  await page.goto(stage.app.url)
  await page.addStyleTag({ content: 'html { font-size: 140% !important; }' })
  await page.locator('.home-page').getByText('爱佑新生，心系妇幼').first().waitFor()
  await settle(page)
  const labelSizes = await page.$$eval('.weui-tabbar__label', (els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)))
  expect(labelSizes).toHaveLength(3)
  for (const size of labelSizes) expect(size).toBeGreaterThanOrEqual(14)
  expect(await page.locator('.taro-navigation-bar-back-icon').count()).toBe(0)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-7-large-text-home.png') })
  await page.locator('.home-page').getByText('全部分会场').click()
  await page.locator('.venues-page .venue-card', { hasText: '巴南分会场' }).click()
  await page.locator('.venue-page').getByText('巴南区妇幼保健院').first().waitFor()
  await settle(page)
  await page.locator('.taro-navigation-bar-back-icon').waitFor()
  const title = page.locator('.taro-navigation-bar-title')
  expect(await title.innerText()).toBe('巴南分会场')
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth && parseFloat(getComputedStyle(el).fontSize) >= 17)).toBe(true)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-8-title-bar.png') })
  await page.locator('.taro-navigation-bar-back').click()
  await page.locator('.venues-page .venue-card', { hasText: '巴南分会场' }).waitFor()
  await page.context().close()
})

test('opened by link, a page offers 首页 in its title bar', async () => {
  const page = await phone()
  await page.goto(`${stage.app.url}/#/pages/event/index?id=banan-opening`)
  await page.locator('.event-page .event-head__title').waitFor()
  await page.locator('.taro-navigation-bar-home-icon').waitFor()
  await page.locator('.taro-navigation-bar-home').click()
  await page.locator('.home-page').getByText('爱佑新生，心系妇幼').first().waitFor()
  await page.context().close()
})

test('backend unreachable: a Chinese error with 重试 that recovers', async () => {
  const page = await phone()
  let down = true
  await page.route('**/api/fn/**', (route) => (down ? route.abort('connectionrefused') : route.continue()))
  await page.goto(stage.app.url)
  await page.locator('.home-page').getByText('网络连接失败', { exact: false }).waitFor()
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-6-offline.png') })
  down = false
  await page.locator('.home-page').getByText('重试', { exact: true }).click()
  await page.locator('.home-page').getByText('爱佑新生，心系妇幼').first().waitFor()
  await page.context().close()
})

test('a link to a page that does not exist shows 页面不存在 with the way home', async () => {
  const page = await phone()
  await page.goto(`${stage.app.url}/#/pages/no-such-page/index?from=old-share`)
  const notFound = page.locator('.not-found-page')
  await notFound.getByText('页面不存在', { exact: true }).waitFor()
  await notFound.getByText('返回首页', { exact: true }).click()
  await page.locator('.home-page').getByText('爱佑新生，心系妇幼').first().waitFor()
  await page.context().close()
})

test('the h5 build serves its icon: /favicon.ico answers an image and a page load logs no console error', async () => {
  const icon = await fetch(`${stage.app.url}/favicon.ico`)
  expect(icon.status).toBe(200)
  expect(Buffer.from(await icon.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG')
  const page = await phone()
  const errors: string[] = []
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  await page.goto(stage.app.url)
  await page.locator('.home-page').getByText('爱佑新生，心系妇幼').first().waitFor()
  await settle(page)
  expect(errors).toEqual([])
  await page.context().close()
})
