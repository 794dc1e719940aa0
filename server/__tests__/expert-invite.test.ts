// Expert invites with categories: the organiser picks the typical-case selection and categories when
// creating an expert invite; whoever redeems it is an expert of exactly those categories at once (the
// selection function lets them list and score those cases, and refuses others). Wrong selections,
// unknown categories and categories on a non-expert invite are refused with what to fix.
import { getFirst } from '../core/db'
import { startHarness, type Harness } from './harness'
import type { Caller } from './typed-caller'

/** The harness seeds the demo as of 15 October 2022 (DEMO_REPLAY_DAY); its selections' windows are open then. */
const now = '2022-10-15T10:00:00+08:00'
let h: Harness
let acc: Caller<'account'>
let sel: Caller<'selection'>

beforeAll(async () => {
  h = await startHarness()
  const { installContentSecurity } = await import('../../local/content-security')
  await installContentSecurity({ registerOpenApi: (name, handler) => h.registerOpenApi(name, (data) => handler(data, { apiName: name, data })) }, async () => undefined, { verdictDelayMs: 60_000 }).close()
  const { accountHandlers } = await import('../account/handlers')
  const { selectionHandlers } = await import('../selection/handlers')
  acc = h.caller('account', accountHandlers, now)
  sel = h.caller('selection', selectionHandlers, now)
})
afterAll(() => h.close())

const ORGANISER = 'demo-organiser-1'

async function publishedCase(author: string, category: string, title: string): Promise<string> {
  const { cloud } = await import('../core/cloud')
  const bytes = Buffer.from('\x89PNG\r\n\x1a\nlocal case image')
  const ticket = await sel(author, 'uploadTicket', { ext: 'png', size: bytes.length })
  expect(ticket).toMatchObject({ ok: true })
  const upload = await cloud.uploadFile({ cloudPath: ticket.data.cloudPath, fileContent: bytes })
  const submitted = await sel(author, 'submit', {
    kind: 'cases', selectionId: 'cq-2022-cases', category, title, images: [upload.fileID],
    story: '申报材料：做法、成效与群众评价，共计二十字以上的说明文字。', applicant: { institution: '重庆市妇幼保健院' },
  })
  expect(submitted).toMatchObject({ ok: true })
  expect((await sel(ORGANISER, 'review', { workId: submitted.data._id, decision: 'approve' })).ok).toBe(true)
  return submitted.data._id
}

test('an expert invite with categories: the redeemer scores cases of those categories and no others', async () => {
  const created = await acc(ORGANISER, 'createInvite', { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: ['department', 'care'] } })
  expect(created).toMatchObject({ ok: true, data: { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: ['department', 'care'] } } })
  const listed = await acc(ORGANISER, 'listInvites', {})
  expect(listed.data.find((i) => i.code === created.data.code)).toMatchObject({ expertScope: { categories: ['department', 'care'] } })

  const mine = await publishedCase('applicant-a', 'department', '特色科室建设案例')
  const other = await publishedCase('applicant-b', 'brand', '妇幼用品品牌案例')
  expect(await sel('new-expert', 'expertCases', { selectionId: 'cq-2022-cases' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('邀请码') })

  expect(await acc('new-expert', 'redeemInvite', { code: created.data.code, displayName: '评审专家 周教授' })).toMatchObject({ ok: true, data: { role: 'expert' } })
  const cases = await sel('new-expert', 'expertCases', { selectionId: 'cq-2022-cases' })
  expect(cases.ok).toBe(true)
  expect(cases.data.items.map((c) => c.workId)).toEqual([mine])
  expect(await sel('new-expert', 'scoreCase', { workId: mine, score: 88 })).toMatchObject({ ok: true, data: { score: 88 } })
  expect(await sel('new-expert', 'scoreCase', { workId: other, score: 70 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('a second expert invite adds categories to those the expert already has', async () => {
  const first = await acc(ORGANISER, 'createInvite', { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: ['figure'] } })
  const second = await acc(ORGANISER, 'createInvite', { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: ['brand'] } })
  await acc('two-invites', 'redeemInvite', { code: first.data.code, displayName: '刘老师' })
  await acc('two-invites', 'redeemInvite', { code: second.data.code, displayName: '刘老师' })
  const doc = await getFirst<{ categories: string[] }>(h.db.collection('selectionExperts').where({ _id: 'cq-2022-cases_two-invites' }).limit(1))
  expect(doc?.categories).toEqual(['figure', 'brand'])
})

test('wrong selections, unknown categories and categories on other roles are refused', async () => {
  expect(await acc(ORGANISER, 'createInvite', { role: 'expert', expertScope: { selectionId: 'cq-2022-photo', categories: ['doctor'] } }))
    .toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('典型案例评选') })
  expect(await acc(ORGANISER, 'createInvite', { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: ['nope'] } }))
    .toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('「nope」') })
  const empty = await acc(ORGANISER, 'createInvite', { role: 'expert', expertScope: { selectionId: 'cq-2022-cases', categories: [] } })
  expect(empty).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(JSON.stringify(empty.issues)).toContain('请至少选择一个评审类别')
  const staff = await acc(ORGANISER, 'createInvite', { role: 'staff', venueId: 'banan', expertScope: { selectionId: 'cq-2022-cases', categories: ['doctor'] } })
  expect(JSON.stringify(staff)).toContain('只有评审专家的邀请码可以指定评审类别')
})
