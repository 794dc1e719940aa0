// The organiser's side of the selections in the browser against the running local app: two photo works
// are uploaded and approved and several accounts vote through the app's API; the organiser sets the
// typical cases' weights, opens 投票监控 for the photo selection, voids the flagged range with a written
// reason and sees the recomputed count, publishes the results once voting has closed, and resident-li
// reads 结果公示 with the formula and the end of the notice period.
import type { ActionName, InputOf } from '../src/contract/api'
import { join } from 'node:path'
import type { APIRequestContext, Page } from 'playwright-core'
import { addChinaDays, chinaDate, toChinaIso } from '../server/core/china-time'
import { callAs, OUTPUT_DIR, phoneAs, pressAt, uploadJpeg, settle, useStage } from './stage'

const stage = useStage('organiser')
const SEL = 'cq-2022-photo'
const VOTERS = ['resident-wang', 'resident-li', 'staff-banan', 'staff-yongchuan', 'expert', 'organiser']
const api = <A extends ActionName<'selection'>>(request: APIRequestContext, action: A, input: InputOf<'selection', A>) => callAs(stage, request, 'selection', action, input)

async function submitPhoto(key: string, title: string, colour: string): Promise<string> {
  const who = await phoneAs(stage, key)
  const image = await uploadJpeg(stage, who, colour)
  const work = await api(who.context.request, 'submit', { kind: 'photo', selectionId: SEL, title, story: '', images: [image], showsChild: false })
  await who.context.close()
  return work._id
}

const top = (page: Page) => page.locator('.taro_page').last()

/**
 * 投票监控 reads the hourly counts the selectionRecount timer keeps, which cover votes older than two
 * minutes: the votes just cast are moved `minutes` back, as if cast then, and the timer runs once, as
 * CloudBase runs it every ten minutes.
 */
async function asIfCastMinutesAgo(minutes: number): Promise<void> {
  const shift = minutes * 60_000
  const ballots = stage.app.db.collection('selectionBallots')
  const { data } = (await ballots.where({ selectionId: SEL }).limit(100).get()) as unknown as { data: Array<{ _id: string; t?: number; votes: Array<{ t: number }> }> }
  for (const ledger of data) {
    const votes = ledger.votes.map((v) => ({ ...v, t: v.t - shift }))
    await ballots.doc(ledger._id).update({ data: { votes, ...(ledger.t ? { t: ledger.t - shift } : {}) } })
  }
  const run = (await stage.app.functions.call('selection', 'main', { Type: 'Timer', TriggerName: 'selectionRecount', Time: new Date().toISOString() })) as { ok?: boolean }
  expect(run.ok).toBe(true)
}

test('the organiser watches votes, voids a flagged range, publishes, and residents read the results', async () => {
  const first = await submitPhoto('resident-wang', 'E2E 监控作品甲', '#c8102e')
  const second = await submitPhoto('resident-li', 'E2E 监控作品乙', '#a85f00')
  const organiser = await phoneAs(stage, 'organiser')
  for (const workId of [first, second]) await api(organiser.context.request, 'review', { workId, decision: 'approve' })
  for (const [i, key] of VOTERS.entries()) {
    const voter = await phoneAs(stage, key)
    await api(voter.context.request, 'vote', { selectionId: SEL, workId: first, requestId: `e2e-first-${i}-vote` })
    if (i < 2) await api(voter.context.request, 'vote', { selectionId: SEL, workId: second, requestId: `e2e-second-${i}-vote` })
    await voter.context.close()
  }
  await asIfCastMinutesAgo(5)
  // The demo's watch thresholds are set for thousands of voters; this selection's are lowered as an
  // organiser would for a small trial, so six first-time voters within minutes are flagged.
  await stage.app.db.collection('selections').doc(SEL).update({ data: { watch: { burstVotes: 3, burstFactor: 2, newAccountVotes: 3, newAccountShare: 0.5 } } })

  const page = organiser.page
  await page.goto(`${stage.app.url}/#/selection/manage/index?sel=cq-2022-cases`)
  await top(page).getByText('最终得分 = 网络投票得分 × 30% + 专家评分 × 70%').waitFor()
  await top(page).locator('input[placeholder="网络投票权重"]').fill('40')
  await top(page).getByText('最终得分 = 网络投票得分 × 40% + 专家评分 × 60%').waitFor()
  expect(await top(page).locator('input[placeholder="专家评分权重"]').inputValue()).toBe('60')
  await pressAt(page, top(page).getByText('保存权重', { exact: true }))
  await page.getByText('权重已保存').waitFor()
  const selections = await api(organiser.context.request, 'selections', {})
  expect(selections.find((s) => s._id === 'cq-2022-cases')?.weights).toEqual({ vote: 40, expert: 60 })

  await page.goto(`${stage.app.url}/#/selection/manage/index?sel=${SEL}`)
  await pressAt(page, top(page).getByText('投票监控', { exact: true }))
  const watch = top(page)
  const flaggedCard = watch.locator('.watch-card').first()
  await flaggedCard.getByText(/E2E 监控作品甲/).first().waitFor()
  await flaggedCard.getByText(/来自当天首次投票的账号，请核查是否为新注册账号集中投票/).first().waitFor()
  await watch.getByText(/这段时间共 8 票，2 件作品获得投票，1 件有异常/).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-1-watch.png'), fullPage: true })

  await pressAt(page, flaggedCard.getByText('作废投票', { exact: true }).first())
  const form = top(page).locator('.void-form')
  await form.locator('textarea').fill('同一时段新账号集中投票，核实为刷票')
  await pressAt(page, form.locator('.action-button', { hasText: /^作废投票$/ }))
  await page.getByText('确认作废', { exact: true }).click()
  const outcome = await form.locator('.void-form__title').filter({ hasText: /^已作废 \d+ 票$/ }).textContent()
  const voided = Number(/已作废 (\d+) 票/.exec(outcome ?? '')?.[1])
  expect(voided).toBeGreaterThanOrEqual(3)
  await form.getByText(`「E2E 监控作品甲」现有有效票 ${6 - voided} 票，累计作废 ${voided} 票。`, { exact: false }).waitFor()
  const detail = await api(organiser.context.request, 'work', { workId: first })
  expect(detail.work.votes).toBe(6 - voided)
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-2-voided.png'), fullPage: true })
  await pressAt(page, form.getByText('返回投票监控', { exact: true }))
  await top(page).getByText(`这段时间共 ${8 - voided} 票`, { exact: false }).waitFor()

  // Voting closed: the demo's window runs for weeks, so its end is moved to 3 minutes ago, as the calendar
  // would (publishing waits 2 minutes after the close, while a last vote may still be being counted).
  const closed = toChinaIso(new Date(Date.now() - 3 * 60_000))
  await stage.app.db.collection('selections').doc(SEL).update({ data: { windows: { submitFrom: toChinaIso(new Date(Date.now() - 20 * 86400_000)), submitUntil: closed, voteFrom: toChinaIso(new Date(Date.now() - 10 * 86400_000)), voteUntil: closed } } })
  await page.goto(`${stage.app.url}/#/selection/manage/index?sel=${SEL}`)
  await page.reload()
  const manage = top(page)
  await manage.getByText('评审中', { exact: true }).waitFor()
  await manage.locator('input[placeholder="公示天数"]').fill('5')
  await pressAt(page, manage.locator('.action-button', { hasText: /^发布结果$/ }))
  await page.getByText('确认发布', { exact: true }).click()
  await manage.getByText('评选结果已发布').waitFor()
  await manage.getByText('共 2 件作品参与排名', { exact: false }).waitFor()
  const lastDay = addChinaDays(chinaDate(new Date()), 5).split('-').map(Number)
  const noticeEnd = `公示期至 ${lastDay[1]}月${lastDay[2]}日`
  await manage.getByText(noticeEnd, { exact: true }).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'organiser-3-published.png'), fullPage: true })
  await organiser.context.close()

  const li = await phoneAs(stage, 'resident-li')
  await li.page.goto(`${stage.app.url}/#/selection/gallery/index?sel=${SEL}`)
  await pressAt(li.page, top(li.page).getByText('查看结果公示', { exact: true }))
  const results = top(li.page)
  await results.getByText('最终得分 = 网络投票得分；网络投票得分 = 票数 ÷ 同组最高票数 × 100（典型案例按类别分组）').waitFor()
  await results.getByText(noticeEnd, { exact: true }).waitFor()
  await results.getByText(/请在公示期内向组委会实名反映/).waitFor()
  const winner = results.locator('.result-row').first()
  const leader = Math.max(6 - voided, 2)
  await winner.getByText(`${leader} ÷ ${leader} × 100 = 100.00；最终得分 100.00`).waitFor()
  expect(await results.locator('.result-row').count()).toBe(2)
  await settle(li.page)
  await li.page.screenshot({ path: join(OUTPUT_DIR, 'organiser-4-results.png'), fullPage: true })
  await li.context.close()
})

test('the organiser ends 作品征集 of the video selection from 评选管理 with a reason; the home tile and the form follow at once', async () => {
  const resident = await phoneAs(stage, 'resident-wang')
  await resident.page.goto(stage.app.url)
  const tile = resident.page.locator('.strand-tile', { hasText: '短视频征集' })
  await tile.getByText(/^征集中 · 至 /).waitFor()

  const organiser = await phoneAs(stage, 'organiser')
  await organiser.page.goto(`${stage.app.url}/#/selection/manage/index?kind=video`)
  const manage = top(organiser.page)
  const card = manage.locator('.windows-card')
  await card.getByText('阶段与时间').waitFor()
  await card.locator('.windows-card__row', { hasText: '作品征集' }).getByText(/^进行中，至 /).waitFor()
  await pressAt(organiser.page, card.getByText('立即结束作品征集', { exact: true }))
  await card.getByText('请写明调整理由（至少 2 个字），会记入操作日志').waitFor()
  await card.locator('input[placeholder="如：应参赛单位要求顺延一周"]').fill('征集数量已够，提前截止')
  await pressAt(organiser.page, card.getByText('立即结束作品征集', { exact: true }))
  await organiser.page.getByText('确定立即结束「作品征集」', { exact: false }).waitFor()
  await organiser.page.locator('.taro-model__confirm', { hasText: '确定' }).click()
  await card.locator('.windows-card__row', { hasText: '作品征集' }).getByText(/^已结束/).waitFor()
  await settle(organiser.page)
  await organiser.page.screenshot({ path: join(OUTPUT_DIR, 'organiser-6-windows.png'), fullPage: true })
  await organiser.context.close()

  await resident.page.reload()
  await resident.page.locator('.strand-tile', { hasText: '短视频征集' }).getByText(/^投票中 · 至 /).waitFor()
  await resident.page.goto(`${stage.app.url}/#/selection/submit/index?sel=cq-2022-video`)
  await top(resident.page).getByText('现在不在征集时间内').waitFor()
  await resident.context.close()
})
