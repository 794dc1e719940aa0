// The organiser's sign-up list: rows are masked; revealing one asks for a reason (too short is refused
// on the page), then shows the full entry and leaves a record in the audit log. Staff see no reveal.
import { R, url } from './routes'
import { useWeapp } from './setup'

const { open, runtime } = useWeapp()

test('masked rows, a reason-checked reveal, and its audit record', async () => {
  const fn = runtime().functions.get('clinic')
  const input = { slotId: 'banan-d0-all', person: { relation: 'self', name: '戊晓梅', phone: '13600000005', category: 'woman' }, services: ['孕产保健咨询'], agreePrivacy: true, remind: false }
  expect(await fn?.invoke({ action: 'signUp', input }, { openid: 'weapp-tier-listed-1' })).toMatchObject({ ok: true })

  const staff = await open(url(R.signups), { as: 'staff-banan' })
  await staff.waitForText('136****0005')
  expect(staff.text()).not.toContain('显示完整信息')

  const app = await open(url(R.signups), { as: 'organiser' })
  await app.waitForText('136****0005')
  expect(app.text()).not.toContain('13600000005')
  expect(app.text()).not.toContain('戊晓梅')
  await app.tap('显示完整信息')
  await app.input('查看原因，如「电话通知改期」', '看')
  await app.tap('确认查看（将记录在审计日志）')
  await app.waitForText('请先写明查看原因（至少 2 个字）')
  expect(app.calls.map((c) => c.action)).not.toContain('revealSignup')
  await app.input('查看原因，如「电话通知改期」', '电话通知改期')
  await app.tap('确认查看（将记录在审计日志）')
  await app.waitForText('戊晓梅 · 13600000005')

  const audit = (await runtime().db.collection('clinicAudit').where({ action: 'reveal' }).get()) as { data: unknown[] }
  expect(audit.data).toEqual([expect.objectContaining({ action: 'reveal', reason: '电话通知改期' })])
})
