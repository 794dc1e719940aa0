// 科普大讲堂 and 惠民活动周 in the browser against the running local app: a resident opens the lecture
// tile on the home screen, narrows the list to a topic, reads a lecture (its view is counted once), and
// claims a discount-week offer, whose code the 巴南 staff then redeem once.
import { join } from 'node:path'
import { callAs, OUTPUT_DIR, phoneAs, pressAt, settle, useStage } from './stage'

const stage = useStage('learn')

/** Polls a condition of the database (the view is counted by a request the page sends on its own). */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test('a resident reads a lecture from the home tile and claims an offer; staff redeem its code once', async () => {
  const { context, page } = await phoneAs(stage, 'resident-wang')
  await page.goto(`${stage.app.url}/#/pages/index/index`)
  await pressAt(page, page.getByText('妇幼健康科普大讲堂', { exact: true }).first())
  const list = page.locator('.taro_page').last()
  await list.getByText('孕期营养与体重管理').waitFor()
  await list.locator('.choice-chip').getByText('更年期', { exact: true }).click()
  await list.getByText('✓ 更年期').waitFor()
  await list.getByText('更年期保健：平稳度过').waitFor()
  expect(await list.getByText('孕期营养与体重管理').count()).toBe(0)
  await pressAt(page, list.getByText('更年期保健：平稳度过'))

  const lecture = page.locator('.taro_page').last()
  await lecture.getByText('课程简介').waitFor()
  await lecture.locator('.expert-card__name').getByText('赵红（演示）').waitFor()
  await lecture.getByText('甲状腺与乳腺健康科普讲座').waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'learn-1-lecture.png'), fullPage: true })
  const views = async () => ((await stage.app.db.collection('lectures').doc('lecture-menopause').get()) as unknown as { data: { views: number } }).data.views
  await until(async () => (await views()) === 1)
  await page.reload()
  await page.locator('.taro_page').last().getByText('课程简介').waitFor()
  expect(await views()).toBe(1)

  await page.goto(`${stage.app.url}/#/learn/offers/index?venue=banan`)
  const offers = page.locator('.taro_page').last()
  const card = offers.locator('.offer-card').filter({ hasText: '「两癌」筛查套餐' })
  await card.getByText('剩余 100 / 100 个名额').waitFor()
  await pressAt(page, card.getByText('领取名额', { exact: true }))
  await card.locator('.qr-code__frame').waitFor()
  const code = (await card.locator('.qr-code__text').textContent()) ?? ''
  expect(code).toMatch(/^HM:offer-banan-two-cancers-/)
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'learn-2-claimed.png'), fullPage: true })

  const staff = await phoneAs(stage, 'staff-banan')
  expect((await callAs(stage, staff.context.request, 'content', 'redeem', { code })).outcome).toBe('redeemed')
  expect((await callAs(stage, staff.context.request, 'content', 'redeem', { code })).outcome).toBe('already')
  await page.goto(`${stage.app.url}/#/learn/claims/index`)
  await page.locator('.taro_page').last().getByText('已使用').waitFor()
  await staff.context.close()
  await context.close()
})
