// Organisers run the festival from the app, in the browser against the running local app: an organiser
// edits an event and publishes it, and a resident then sees the change (and asks to be reminded of it);
// the organiser creates next year's edition from this one, which residents see only once it is published.
import { join } from 'node:path'
import { callAs, field, OUTPUT_DIR, phoneAs, pressAt, settle, useStage } from './stage'

const stage = useStage('organiser-content')

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

  // a fresh load, as a link opened from outside the app starts it: Taro's h5 router takes a hash change as
  // a browser back (POP), whose page depends on its stack (it held this editor once, for the event above)
  await page.goto('about:blank')
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

test('a resident asks to be reminded of an upcoming event; 我的 lists it and cancels it', async () => {
  const resident = await phoneAs(stage, 'resident-li')
  const { page } = resident
  const venue = await callAs(stage, resident.context.request, 'festival', 'venue', { venueId: 'yongchuan' })
  const upcoming = venue.events.find((e) => new Date(e.startAt).getTime() > Date.now() + 3600_000)
  if (!upcoming) throw new Error('the demo programme has no event still to come')
  await page.goto(`${stage.app.url}/#/pages/event/index?id=${upcoming._id}`)
  const event = page.locator('.taro_page').last()
  await pressAt(page, event.locator('.action-button').getByText('提醒我', { exact: true }))
  await event.getByText('🔔 已设置提醒：活动开始前一天通过微信服务通知提醒您（夜间不打扰）').waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-content-3-reminder.png'), fullPage: true })

  await page.goto(`${stage.app.url}/#/pages/me/index`)
  const me = page.locator('.taro_page').last()
  const card = me.locator('.my-reminder').filter({ hasText: upcoming.title })
  await card.getByText('待提醒').waitFor()
  await pressAt(page, card.getByText('取消提醒', { exact: true }))
  await page.getByText('确定取消', { exact: true }).click()
  await card.getByText('已取消').waitFor()
  expect(await callAs(stage, resident.context.request, 'festival', 'myReminders', {})).toEqual([])
  await resident.context.close()
})
