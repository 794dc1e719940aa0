// An expert scores a typical case in the weapp build. A new expert is bound by an organiser's invite
// scoped to the cases selection's 优秀助产士 category: 案例评审 first sends them to 输入邀请码, they redeem
// it, and then see only the cases of that category. The score 101 is refused on the card in Chinese
// (nothing sent), 88 is saved and shown as their score, and a second visit shows it again.
import { CASES, R, url } from './routes'
import { call, docs, openidOf, publishedCase } from '../scene'
import { ROLES, useWeapp } from './setup'

const { open, runtime } = useWeapp()

test('案例评审: a bad score is refused in Chinese, a good one is saved and shown', async () => {
  const mine = await publishedCase(runtime(), 'weapp-tier-case-applicant', CASES, 'midwife', '产房里的温柔守护')
  await publishedCase(runtime(), 'weapp-tier-case-applicant-2', CASES, 'doctor', '不归我评的好医生')

  const invite = await call(runtime(), openidOf(ROLES.organiser), 'createInvite', { role: 'expert', expertScope: { selectionId: CASES, categories: ['midwife'] } }, 'account')
  const expert = 'weapp-tier-new-expert'

  const app = await open(url(R.score, { kind: 'cases' }), { as: { openid: expert } })
  await app.waitForText('评审专家由组委会发放邀请码，绑定后即可评分。')
  await app.tap('输入邀请码')
  expect(app.route).toBe(R.redeem)
  await app.input('如 7K3M9Q2HXP', String(invite.code))
  await app.input('如 巴南分会场 张医生', '钱主任')
  await app.tap('绑定')
  await app.waitForText('钱主任，您现在的身份是「评审专家」。')
  await app.back()
  expect(app.route).toBe(R.score)
  await app.waitForText('产房里的温柔守护')
  expect(app.text()).not.toContain('不归我评的好医生')
  await app.waitForText('优秀助产士')
  await app.waitForText('我的评分：尚未评分')

  await app.input('请输入 0–100 的整数', '101')
  await app.tap('保存评分')
  await app.waitForText('评分应在 0–100 之间，您填的是 101')
  expect(app.calls.map((c) => c.action)).not.toContain('scoreCase')
  expect(app.text()).toContain('我的评分：尚未评分')

  await app.input('请输入 0–100 的整数', '88')
  await app.tap('保存评分')
  await app.waitForText('已保存：88 分')
  await app.waitForText('我的评分：88 分')
  expect(app.text()).not.toContain('评分应在 0–100 之间')
  expect(app.calls.filter((c) => c.action === 'scoreCase')).toEqual([{ name: 'selection', action: 'scoreCase', ok: true }])
  expect(app.byText('修改评分')).toHaveLength(1)

  expect(await docs(runtime(), 'selectionScores', { workId: mine.workId })).toEqual([expect.objectContaining({ expert, score: 88, category: 'midwife' })])

  const again = await open(url(R.score, { kind: 'cases' }), { as: { openid: expert } })
  await again.waitForText('我的评分：88 分')
})
