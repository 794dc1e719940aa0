// Free-clinic flows in the weapp build: sign-up with bad then good input (the subscribe prompt inside
// the tap) → 我的报名 with the check-in code (its QR image scans to it); a full slot → waitlist →
// someone cancels → the waiter's promotion notice; the door's scan check-in, where a second scan says when and by whom.
import { R, url } from './routes'
import { useWeapp } from './setup'
import { decodeQrDataUrl } from '../../src/utils/__tests__/qr-pixels'

const { open, runtime } = useWeapp()

/** A sign-up made straight through the built clinic function (setting the scene, not under test). */
async function signUpDirectly(openid: string, slotId: string, name: string, phone: string): Promise<{ outcome: string; signup: { checkInCode?: string } }> {
  const fn = runtime().functions.get('clinic')
  if (!fn) throw new Error('clinic function missing')
  const input = { slotId, person: { relation: 'self', name, phone, category: 'woman' }, services: ['孕产保健咨询'], agreePrivacy: true, remind: false }
  const result = (await fn.invoke({ action: 'signUp', input }, { openid })) as { ok: boolean; data: { outcome: string; signup: { checkInCode?: string } } }
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.data
}

test('sign-up: bad input is marked per field, good input signs up and 我的报名 shows the check-in code', async () => {
  const app = await open(url(R.clinicSlot, { id: 'banan-d1-am' }), { as: { openid: 'weapp-tier-clinic-1' } })
  await app.tap('提交报名')
  for (const message of ['请填写姓名', '请填写手机号码', '请至少选择一项义诊服务', '请按红色提示修改后再提交']) expect(app.text()).toContain(message)
  await app.input('请填写真实姓名', '王小红')
  await app.input('11 位手机号码', '1380000')
  await app.tap('妇女', app.field('人群类别'))
  await app.tap('两癌筛查', app.field('想要的义诊服务（可多选）'))
  await app.tap('我已阅读并同意以上说明')
  await app.tap('提交报名')
  await app.waitForText('请填写 11 位大陆手机号码')
  expect(app.calls.map((c) => c.action)).not.toContain('signUp')

  await app.input('11 位手机号码', '13800001234')
  await app.tap('提交报名')
  expect((await app.prompt('requestSubscribeMessage')).detail.tmplIds).toEqual(expect.arrayContaining(['local-template-reminder']))
  await app.answer('requestSubscribeMessage', 'accept')
  const modal = await app.prompt('showModal')
  expect(modal.detail).toMatchObject({ title: '报名成功', confirmText: '查看报名' })
  await app.answer('showModal', true)
  expect(app.route).toBe(R.clinicMine)
  expect(app.pages.stack).toHaveLength(1)
  await app.waitForText('签到码：到场后请向工作人员出示')
  const code = /banan-d1-am-[0-9a-f]+\.\S+/.exec(app.text())?.[0]
  expect(code).toBeDefined()
  const images = app.byClass('qr-code__image')
  expect(images).toHaveLength(1)
  expect(decodeQrDataUrl(String(images[0]?.attr.src))).toBe(code)
  expect(app.text()).toContain('138****1234')
})

test('full slot → waitlist → a cancel promotes the waiter, who sees the notice', async () => {
  const slot = 'banan-d1-pm'
  await signUpDirectly('weapp-tier-wait-a', slot, '甲女士', '13900000001')
  await signUpDirectly('weapp-tier-wait-b', slot, '乙女士', '13900000002')

  const waiter = await open(url(R.clinicSlot, { id: slot }), { as: { openid: 'weapp-tier-wait-c' } })
  await waiter.waitForText('候补报名')
  await waiter.input('请填写真实姓名', '丙女士')
  await waiter.input('11 位手机号码', '13900000003')
  await waiter.tap('妇女', waiter.field('人群类别'))
  await waiter.tap('孕产保健咨询', waiter.field('想要的义诊服务（可多选）'))
  await waiter.tap('我已阅读并同意以上说明')
  await waiter.tap('加入候补')
  await waiter.answer('requestSubscribeMessage', 'reject')
  expect((await waiter.prompt('showModal')).detail).toMatchObject({ title: '已加入候补' })
  expect(String((await waiter.prompt('showModal')).detail.content)).toContain('您未允许微信提醒')
  await waiter.answer('showModal', true)
  await waiter.waitForText('候补')

  const first = await open(url(R.clinicMine), { as: { openid: 'weapp-tier-wait-a' } })
  await first.tap('取消报名')
  expect((await first.prompt('showModal')).detail).toMatchObject({ title: '取消报名', confirmText: '确定取消' })
  await first.answer('showModal', false)
  expect(first.calls.map((c) => c.action)).not.toContain('cancel')
  await first.tap('取消报名')
  await first.answer('showModal', true)
  expect(first.ui.toasts).toContain('已取消报名')

  const promoted = await open(url(R.clinicMine), { as: { openid: 'weapp-tier-wait-c' } })
  await promoted.waitForText('报名成功')
  await promoted.waitForText('候补成功，已为您保留名额')
  await promoted.waitForText('有名额空出，已按候补顺序为您转为报名成功')
})

test('staff check-in by scan: cancel does nothing, a scan checks in, a second scan says when and by whom', async () => {
  const { signup } = await signUpDirectly('weapp-tier-door-1', 'banan-d0-all', '丁女士', '13700000004')
  const code = signup.checkInCode
  const app = await open(url(R.checkIn), { as: 'staff-banan' })
  await app.tap('扫描居民的签到码')
  await app.answer('scanCode', null)
  expect(app.text()).not.toContain('签到成功')
  await app.tap('扫描居民的签到码')
  await app.answer('scanCode', code)
  await app.waitForText('✅ 签到成功')
  await app.tap('扫描居民的签到码')
  await app.answer('scanCode', code)
  await app.waitForText('⚠️ 已经签到过，请勿重复签到')
  await app.waitForText(/这位居民已于 \d+月\d+日 \d\d:\d\d 由 陈护士（巴南分会场） 签到，无需重复签到/)
})
