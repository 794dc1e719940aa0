// Free clinics in the browser against the running local app: a resident signs up for a slot, sees the
// check-in QR code, and cancels; a sub-venue staff member checks a resident in at the door, and a
// second scan says it was already done; in 报名名单 staff see masked rows and search by phone tail, and
// the organiser reveals one after giving a reason and exports the slot as .xlsx. Slots are created by
// the demo organiser through the gateway, dated from today's China date so the test holds whenever it runs.
import type { ActionName, InputOf, OutputOf } from '../src/contract/api'
import type { FunctionName } from '../src/contract/schemas'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OUTPUT_DIR, phoneAs, pressAt, settle, useStage } from './stage'

const stage = useStage('clinic')

const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** A gateway session signed in as a demo identity, for calls the test makes outside the browser. */
async function apiAs(key: string) {
  const signIn = await fetch(`${stage.app.url}/api/local/sign-in`, { method: 'POST', body: JSON.stringify({ key }) })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return async <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>> => {
    const res = await fetch(`${stage.app.url}/api/fn/${fn}`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ action, input }) })
    const body = (await res.json()) as { ok: boolean; data: OutputOf<F, A>; message?: string }
    if (!body.ok) throw new Error(`${fn}.${action}: ${body.message}`)
    return body.data
  }
}

async function createSlot(title: string, date: string, times: { start: string; end: string; closes: string; cutoff: string }) {
  const organiser = await apiAs('organiser')
  const slot = await organiser('clinic', 'createSlot', {
    venueId: 'banan', title, date, startTime: times.start, endTime: times.end, place: '巴南区人民广场',
    services: ['两癌筛查', '血压血糖'], audience: ['pregnant', 'child', 'woman', 'other'], quota: 5,
    signupOpensAt: `${chinaDay(-1)} 00:00`, signupClosesAt: `${date} ${times.closes}`, cancelCutoffAt: `${date} ${times.cutoff}`,
  })
  return slot._id as string
}

test('a resident signs up, sees the check-in code, and cancels', async () => {
  const tomorrow = chinaDay(1)
  const slotId = await createSlot('E2E 广场便民义诊', tomorrow, { start: '09:00', end: '11:30', closes: '09:00', cutoff: '08:00' })
  const { context, page } = await phoneAs(stage, 'resident-wang')
  await page.goto(`${stage.app.url}/#/clinic/slot/index?id=${slotId}`)
  const form = page.locator('.taro_page').last()
  await form.locator('input[placeholder="请填写真实姓名"]').fill('王秀英')
  await form.locator('input[placeholder="11 位手机号码"]').fill('13812345678')
  await form.getByText('妇女', { exact: true }).click()
  await form.getByText('两癌筛查', { exact: true }).last().click()
  await form.getByText('我已阅读并同意以上说明').click()
  await pressAt(page, form.getByText('提交报名', { exact: true }))
  await page.getByText('查看报名', { exact: true }).click()

  const card = page.locator('.signup-card').first()
  await card.getByText('签到码：到场后请向工作人员出示').waitFor()
  expect(await card.locator('.qr-code__frame').count()).toBe(1)
  await card.getByText('报名成功').first().waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'clinic-1-signed-up.png'), fullPage: true })

  await card.getByText('取消报名', { exact: true }).click()
  await page.getByText('确定取消', { exact: true }).click()
  await card.getByText('已取消').first().waitFor()
  expect(await card.locator('.qr-code__frame').count()).toBe(0)
  await page.screenshot({ path: join(OUTPUT_DIR, 'clinic-2-cancelled.png'), fullPage: true })
  await context.close()
})

test('a staff member checks a resident in at the door; a second scan says when and by whom', async () => {
  const today = chinaDay(0)
  const slotId = await createSlot('E2E 当天义诊', today, { start: '00:00', end: '23:59', closes: '23:59', cutoff: '23:59' })
  const resident = await apiAs('resident-li')
  await resident('clinic', 'signUp', {
    slotId, person: { relation: 'self', name: '李建国', phone: '13987654321', category: 'other' },
    services: ['血压血糖'], agreePrivacy: true,
  })
  const mine = await resident('clinic', 'mySignups', {})
  const code = mine.find((s) => s.slotId === slotId)?.checkInCode
  expect(code).toBeTruthy()

  const { context, page } = await phoneAs(stage, 'staff-banan')
  await page.goto(`${stage.app.url}/#/staff/check-in/index`)
  const door = page.locator('.taro_page').last()
  await door.locator('input[placeholder="签到码"]').fill(String(code))
  await door.getByText('签到', { exact: true }).click()
  await door.getByText('✅ 签到成功').waitFor()
  await door.getByText('李*国 · 139****4321').first().waitFor()
  await page.screenshot({ path: join(OUTPUT_DIR, 'clinic-3-checked-in.png'), fullPage: true })

  await door.locator('input[placeholder="签到码"]').fill(String(code))
  await door.getByText('签到', { exact: true }).click()
  await door.getByText('已经签到过', { exact: false }).first().waitFor()
  await context.close()
})

test('报名名单: staff see masked rows and search by phone tail (never by name); the organiser reveals one with a reason and exports the slot', async () => {
  const slotId = await createSlot('E2E 名单义诊', chinaDay(0), { start: '00:00', end: '23:59', closes: '23:59', cutoff: '23:59' })
  const people = [
    { key: 'resident-wang', name: '王秀英', phone: '13812345678' },
    { key: 'resident-li', name: '李建国', phone: '13987654321' },
  ]
  for (const p of people) {
    const resident = await apiAs(p.key)
    await resident('clinic', 'signUp', {
      slotId, person: { relation: 'self', name: p.name, phone: p.phone, category: 'other' }, services: ['血压血糖'], agreePrivacy: true,
    })
  }

  const staff = await phoneAs(stage, 'staff-banan')
  await staff.page.goto(`${stage.app.url}/#/staff/signups/index`)
  const list = staff.page.locator('.taro_page').last()
  await list.getByText('E2E 名单义诊', { exact: false }).first().click()
  await list.getByText('王*英 · 138****5678').waitFor()
  await list.getByText('李*国 · 139****4321').waitFor()
  expect(await list.getByText('王秀英').count()).toBe(0)
  expect(await list.getByText('显示完整信息').count()).toBe(0)
  await list.locator('input[placeholder="手机号后 4 位或报名号"]').fill('4321')
  await list.getByText('搜索', { exact: true }).click()
  await list.getByText('王*英 · 138****5678').waitFor({ state: 'detached' })
  await list.getByText('李*国 · 139****4321').waitFor()
  await staff.page.screenshot({ path: join(OUTPUT_DIR, 'clinic-4-signups-staff.png'), fullPage: true })
  await staff.context.close()

  const organiser = await phoneAs(stage, 'organiser')
  await organiser.page.goto(`${stage.app.url}/#/staff/signups/index`)
  const full = organiser.page.locator('.taro_page').last()
  await full.getByText('E2E 名单义诊', { exact: false }).first().click()
  const row = full.locator('.signup-row', { hasText: '王*英 · 138****5678' })
  await row.getByText('显示完整信息').click()
  await row.getByText('确认查看（将记录在审计日志）').click()
  await row.getByText('请先写明查看原因', { exact: false }).waitFor()
  await row.locator('input[placeholder="查看原因，如「电话通知改期」"]').fill('电话通知改期')
  await row.getByText('确认查看（将记录在审计日志）').click()
  await full.locator('.signup-row', { hasText: '王秀英 · 13812345678' }).waitFor()

  await pressAt(organiser.page, full.getByText('导出本场 Excel', { exact: true }))
  const fileName = `巴南分会场-E2E名单义诊-${chinaDay(0)}-报名名单.xlsx`
  await organiser.page.getByText(`「${fileName}」共 2 条`, { exact: false }).waitFor()
  const download = organiser.page.waitForEvent('download')
  await organiser.page.getByText('打开', { exact: true }).click()
  expect((await download).suggestedFilename()).toBe(fileName)
  const file = await (await download).path()
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')
  await organiser.context.close()
})

test('a resident goes from 巴南分会场 to its clinic slots, signs up, finds the way there and her 报名号 under 即将开始', async () => {
  await createSlot('E2E 孕产保健咨询专场', chinaDay(2), { start: '09:00', end: '11:30', closes: '09:00', cutoff: '08:00' })
  const { context, page } = await phoneAs(stage, 'resident-li')
  await page.goto(`${stage.app.url}/#/pages/venue/index?id=banan`)
  await page.locator('.venue-page').getByText('本分会场义诊报名 ›').click()
  const list = page.locator('.taro_page').last()
  await list.getByText('巴南分会场 · 不限日期 · 全部服务').waitFor()
  await list.getByText('E2E 孕产保健咨询专场').click()
  const form = page.locator('.taro_page').last()
  await form.getByText('到场方式').waitFor()
  await form.getByText('🗺 地图/导航').waitFor()
  await form.getByText('📅 添加到日历').waitFor()
  await form.getByText('不勾选也能正常报名', { exact: false }).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'clinic-5-getting-there.png'), fullPage: true })
  const ics = page.waitForEvent('download')
  await form.getByText('📅 添加到日历').click()
  expect((await ics).suggestedFilename()).toBe('义诊：E2E 孕产保健咨询专场.ics')
  expect(readFileSync(await (await ics).path() as string, 'utf8')).toContain('BEGIN:VEVENT')
  await form.locator('input[placeholder="请填写真实姓名"]').fill('李建国')
  await form.locator('input[placeholder="11 位手机号码"]').fill('13987654321')
  const other = form.getByText('其他', { exact: true })
  if (await other.count()) await other.click()
  await form.getByText('两癌筛查', { exact: true }).last().click()
  await form.getByText('我已阅读并同意以上说明').click()
  await pressAt(page, form.getByText('提交报名', { exact: true }))
  await page.getByText('查看报名', { exact: true }).click()
  const mine = page.locator('.clinic-mine')
  await mine.getByText('即将开始（1）', { exact: false }).waitFor()
  const card = mine.locator('.signup-card', { hasText: 'E2E 孕产保健咨询专场' })
  await card.getByText(/^报名号 [0-9A-F]{8}$/).waitFor()
  await card.getByText('🗺 地图/导航').waitFor()
  expect(await card.getByText('办理记录', { exact: true }).count()).toBe(0)
  await card.getByText('详情与办理记录 ▾').click()
  await card.getByText('办理记录', { exact: true }).waitFor()
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'clinic-6-mine-grouped.png'), fullPage: true })
  await context.close()
})

test('door staff print the door list: places in name order, masked, with 报名号 and a box to tick', async () => {
  const slotId = await createSlot('E2E 门口名单', chinaDay(0), { start: '00:00', end: '23:59', closes: '23:59', cutoff: '23:59' })
  for (const [key, name, phone] of [['resident-wang', '王秀英', '13812345678'], ['resident-li', '李建国', '13987654321']] as const) {
    const resident = await apiAs(key)
    await resident('clinic', 'signUp', { slotId, person: { relation: 'self', name, phone, category: 'other' }, services: ['血压血糖'], agreePrivacy: true })
  }
  const { context, page } = await phoneAs(stage, 'staff-banan')
  await page.goto(`${stage.app.url}/#/staff/door-list/index?slotId=${slotId}`)
  const sheet = page.locator('.door-list')
  await sheet.getByText('巴南分会场 · E2E 门口名单').waitFor()
  const names = await sheet.locator('.door-list__cell--name').allInnerTexts()
  expect(names).toEqual(['姓名 · 手机', '李*国（本人）139****4321', '王*英（本人）138****5678'])
  expect(await sheet.innerText()).not.toMatch(/1\d{10}|王秀英|李建国/)
  await settle(page)
  await page.screenshot({ path: join(OUTPUT_DIR, 'clinic-7-door-list.png'), fullPage: true })
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: join(OUTPUT_DIR, 'clinic-7-door-list.pdf'), format: 'A4' }).catch(() => undefined)
  expect(await page.locator('.door-list__tools').isVisible()).toBe(false)
  await context.close()
})
