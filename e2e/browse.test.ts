// A resident on a phone-sized screen: home → 分会场 → 巴南分会场 → an event, against the running local
// app (gateway + built functions + local service) in Debian Chromium. Also: 320 px with enlarged text
// stays within the screen, and an unreachable backend shows an error the user can act on.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { OUTPUT_DIR, phoneAs, settle, useStage } from './stage'

const stage = useStage('browse')

async function phone(width = 375): Promise<Page> {
  return (await phoneAs(stage, undefined, { width })).page
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
  // The replayed demo stands on the day the last sub-venue opened, so the opening ceremony has ended:
  // it is folded under 已结束的活动 until opened.
  await venue.getByText(/^已结束的活动（\d+）$/).first().click()
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

test('320 px wide with enlarged text: nothing runs off the screen', async () => {
  const page = await phone(320)
  await page.goto(`${stage.app.url}/#/pages/venue/index?id=banan`)
  await page.locator('.venue-page .timeline-item').first().waitFor()
  // Taro's h5 build sizes text in rem, so a larger root font is what an enlarged system font does.
  await page.addStyleTag({ content: 'html { font-size: 140% !important; }' })
  await settle(page)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: join(OUTPUT_DIR, 'browse-5-320px-large-text.png'), fullPage: true })
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
