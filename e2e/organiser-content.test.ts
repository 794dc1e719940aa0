// Organisers run the festival from the app, in the browser against the running local app: an organiser
// edits an event and publishes it, and a resident then sees the change (and asks to be reminded of it);
// the organiser creates next year's edition from this one, which residents see only once it is published.
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { callAs, OUTPUT_DIR, phoneAs, pressAt, settle, useStage } from './stage'

const stage = useStage('organiser-content')

const field = (scope: Locator, label: string) => scope.locator('.form-field').filter({ has: scope.page().getByText(label, { exact: true }) })

test('an organiser edits an event and publishes it; the resident sees it; next year\'s edition follows', async () => {
  const organiser = await phoneAs(stage, 'organiser')
  const resident = await phoneAs(stage, 'resident-wang')
  const { page } = organiser

  await page.goto(`${stage.app.url}/#/organiser/edit/index?kind=event&festivalId=cq-2022&id=banan-opening`)
  const editor = page.locator('.taro_page').last()
  const title = field(editor, '活动名称').locator('input')
  await editor.getByText('活动 · 已发布').waitFor()
  await title.fill('巴南分会场开幕式（新版）')
  await field(editor, '主讲人').locator('input').fill('巴南区妇幼保健院 院长')
  await pressAt(page, editor.getByText('保存草稿', { exact: true }))
  await editor.getByText('草稿已保存，居民仍看到已发布的内容；确认无误后请点「发布」').waitFor()

  await resident.page.goto(`${stage.app.url}/#/pages/event/index?id=banan-opening`)
  await resident.page.locator('.taro_page').last().getByText('巴南分会场开幕式暨授旗仪式').first().waitFor()

  await pressAt(page, editor.getByText('发布', { exact: true }))
  await editor.getByText(/^已发布，居民现在看到新内容（修改了 2 项）$/).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-content-1-published.png'), fullPage: true })

  await resident.page.reload()
  const event = resident.page.locator('.taro_page').last()
  await event.getByText('巴南分会场开幕式（新版）').first().waitFor()
  const audit = await callAs(stage, organiser.context.request, 'content', 'auditLog', { festivalId: 'cq-2022' })
  expect(audit[0]).toMatchObject({ targetId: 'banan-opening', by: '组委会 赵老师' })
  expect(audit[0]?.changes.map((c) => c.field)).toEqual(['title', 'speaker'])

  const home = await callAs(stage, resident.context.request, 'festival', 'home', {})
  const current = home.festival
  if (!current) throw new Error('the demo has no published festival')
  const next = current.year + 1
  const shift = (ymd: string) => `${Number(ymd.slice(0, 4)) + 1}${ymd.slice(4)}`
  await page.goto(`${stage.app.url}/#/organiser/home/index`)
  const desk = page.locator('.taro_page').last()
  await desk.locator('.section__title').getByText('创建下一届').waitFor()
  await field(desk, '开始日期').locator('input').fill(shift(current.startDate))
  await field(desk, '结束日期').locator('input').fill(shift(current.endDate))
  await pressAt(page, desk.locator('.action-button').getByText('创建下一届'))
  await desk.getByText(/^已创建「.*」（草稿）：分会场和板块已复制，请修改后发布$/).waitFor()
  await desk.getByText(`${next} （草稿）`).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-content-2-next-edition.png'), fullPage: true })
  expect((await callAs(stage, resident.context.request, 'festival', 'home', {})).festival?._id).toBe('cq-2022')

  await page.goto(`${stage.app.url}/#/organiser/edit/index?kind=festival&festivalId=cq-${next}&id=cq-${next}`)
  const festivalEditor = page.locator('.taro_page').last()
  await festivalEditor.getByText('文化节 · 尚未发布').waitFor()
  await pressAt(page, festivalEditor.getByText('发布', { exact: true }))
  await festivalEditor.getByText(/^已发布/).waitFor()
  const after = await callAs(stage, resident.context.request, 'festival', 'home', {})
  expect(after.festival?._id).toBe(`cq-${next}`)
  expect(after.venues.map((v) => v._id)).toContain(`banan-${next}`)
  const editions = await callAs(stage, resident.context.request, 'festival', 'editions', {})
  expect(editions.map((e) => e._id)).toEqual([`cq-${next}`, 'cq-2022'])
  await resident.context.close()
  await organiser.context.close()
})
