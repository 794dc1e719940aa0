// Every page of dist/app.json boots cold for each role: no recorded error (unfaked API, page error,
// unhandled rejection, template warning, refused setData) and its expected first text, or its own
// no-permission / not-found screen, within a second.
import { R, appRoutes, url, PHOTO } from './routes'
import { ROLES, useWeapp } from './setup'

const { open } = useWeapp()

type Role = keyof typeof ROLES
const STAFF_ONLY = '此页面供分会场工作人员和组委会使用'
const ORGANISER_ONLY = '此功能仅限文化节组委会使用'
const EXPERT_ONLY = '此功能仅限评审专家使用'
const staffish = (role: Role) => role === 'staff' || role === 'organiser'

const pages: Record<string, { query?: Record<string, string>; expect: (role: Role) => string; absent?: (role: Role) => string | undefined }> = {
  [R.home]: { expect: () => '中国(重庆)2022妇幼健康公益文化节' },
  [R.venues]: { expect: () => '巴南分会场' },
  [R.venue]: { query: { id: 'banan' }, expect: () => '巴南区妇幼保健院' },
  [R.event]: { query: { id: 'banan-opening' }, expect: () => '巴南分会场开幕式暨授旗仪式' },
  [R.me]: { expect: (r) => ({ resident: '可以浏览文化节、分会场和活动日程', resident2: '居民', staff: '可以管理所在分会场的义诊场次和现场签到', organiser: '可以管理文化节全部分会场', expert: '可以参与典型案例的评审' })[r] },
  [R.notFound]: { expect: () => '页面不存在' },
  [R.clinicSlots]: { expect: () => '查看我的报名' },
  [R.clinicSlot]: { query: { id: 'banan-d1-am' }, expect: () => '广场便民义诊' },
  [R.clinicMine]: { expect: () => '您还没有报名义诊' },
  [R.checkIn]: { expect: (r) => (staffish(r) ? '扫描居民的签到码' : STAFF_ONLY) },
  [R.slotEdit]: { expect: (r) => (staffish(r) ? '场次名称' : STAFF_ONLY) },
  [R.invites]: { expect: (r) => (r === 'organiser' ? '生成邀请码' : ORGANISER_ONLY), absent: (r) => (r === 'organiser' ? ORGANISER_ONLY : undefined) },
  [R.redeem]: { expect: () => '请输入组委会发给您的邀请码' },
  [R.signups]: { expect: (r) => (staffish(r) ? '已报名 0' : STAFF_ONLY) },
  [R.gallery]: { query: { sel: PHOTO }, expect: () => '「幸福亲子照」有奖征集点赞' },
  [R.work]: { query: { id: 'no-such-work' }, expect: () => '没有找到这件作品' },
  [R.submit]: { query: { sel: PHOTO }, expect: () => '照片（1–9 张）' },
  [R.selectionMine]: { expect: () => '您还没有上传作品' },
  [R.ranking]: { query: { sel: PHOTO }, expect: () => '票数实时更新' },
  [R.review]: { query: { sel: PHOTO }, expect: (r) => (r === 'organiser' ? '待审核' : ORGANISER_ONLY), absent: (r) => (r === 'organiser' ? ORGANISER_ONLY : undefined) },
  [R.manage]: { query: { kind: 'photo' }, expect: (r) => (r === 'organiser' ? '本评选没有专家评分环节' : ORGANISER_ONLY), absent: (r) => (r === 'organiser' ? ORGANISER_ONLY : '发布结果') },
  [R.watch]: { query: { sel: PHOTO }, expect: (r) => (r === 'organiser' ? '近 6 小时' : ORGANISER_ONLY), absent: (r) => (r === 'organiser' ? ORGANISER_ONLY : undefined) },
  [R.results]: { query: { sel: PHOTO }, expect: () => '评选结果尚未公布' },
  [R.score]: { query: { kind: 'cases' }, expect: (r) => (r === 'expert' ? '暂时没有待评审的案例' : EXPERT_ONLY) },
  [R.lectures]: { expect: () => '妇幼健康专家录制的科普课程' },
  [R.lecture]: { query: { id: 'lecture-pregnancy-nutrition' }, expect: () => '孕期营养与体重管理' },
  [R.experts]: { expect: () => '汇聚妇幼健康领域的专家' },
  [R.expert]: { query: { id: 'expert-chen' }, expect: () => '专家简介' },
  [R.offers]: { expect: () => '「两癌」筛查套餐' },
  [R.claims]: { expect: () => '您还没有领取优惠' },
}

test('the table covers every page of app.json', () => {
  expect(Object.keys(pages).sort()).toEqual([...appRoutes.all].sort())
})

const cases = appRoutes.all.flatMap((route) => (['resident', 'staff', 'organiser', 'expert'] as const).map((role) => [route, role] as const))

test.each(cases)('%s boots cold for the %s', async (route, role) => {
  const page = pages[route]
  if (!page) throw new Error(`no expectation for ${route}`)
  const started = Date.now()
  const app = await open(url(route, page.query), { as: ROLES[role] })
  const elapsed = Date.now() - started
  app.expectClean()
  expect(app.route).toBe(route)
  await app.waitForText(page.expect(role))
  const absent = page.absent?.(role)
  if (absent) expect(app.text()).not.toContain(absent)
  expect(elapsed).toBeLessThan(1000)
})
