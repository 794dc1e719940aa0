// The photo selection in the weapp build, end to end: a resident adds a photo behind WeChat's privacy
// prompt (refused once, then agreed with the open-type button), which uploads through a ticket to the
// ticket's storage path; submits; the organiser approves it on 作品审核; another resident votes until
// the day's limit is spent and sees the limit; the ranking lists the work with its count.
import { R, PHOTO, url } from './routes'
import { call, docs, openidOf, photo, publishedPhoto } from '../scene'
import { ROLES, useWeapp } from './setup'
import type { Weapp } from '../harness'
import { textOf } from '../query'
import type { VNode } from '../view'

const { open, runtime } = useWeapp()

/** The 投票 ActionButton's state: disabled ones carry action-button--disabled and no tap binding. */
function voteButton(app: Weapp): string {
  const button = app.byClass('vote-panel')[0]?.children.find((c): c is VNode => typeof c === 'object' && String(c.attr.class ?? '').includes('action-button'))
  if (!button) return '（没有投票按钮）'
  return String(button.attr.class).split(/\s+/).includes('action-button--disabled') ? 'disabled' : 'enabled'
}

/** A node's text nodes on one line. */
function line(node: VNode): string {
  return textOf(node).split('\n').join(' ')
}

/** The vote panel's count as one line (its Text renders the heart, the number and 票 as separate nodes). */
function votesShown(app: Weapp): string {
  const count = app.byClass('vote-panel__count')
  return count.length === 1 ? line(count[0] as VNode) : `（${count.length} 个票数）`
}

test('upload behind the privacy prompt → submit → approve → vote to the daily limit → ranking', async () => {
  const author = { openid: 'weapp-tier-photo-author' }
  const app = await open(url(R.submit, { sel: PHOTO }), { as: author })
  await app.waitForText('照片（1–9 张）')

  await app.tap('添加照片')
  expect(app.ui.prompts.map((p) => p.kind)).not.toContain('chooseMedia')
  await app.waitForText('用户隐私保护提示')
  await app.tap('拒绝')
  expect(app.text()).not.toContain('用户隐私保护提示')
  expect(app.ui.toasts).toContain('未同意隐私保护指引，暂时不能选择照片或视频')
  expect(app.ui.prompts).toEqual([])
  expect(app.ui.privacyAgreed).toBe(false)

  await app.tap('添加照片')
  await app.tap('同意')
  expect(app.ui.privacyAgreed).toBe(true)
  expect((await app.prompt('chooseMedia')).detail).toMatchObject({ count: 9, mediaType: ['image'] })
  const bytes = photo(80, 60)
  await app.answer('chooseMedia', [bytes])
  expect(app.text()).not.toContain('上传中…')
  expect(app.text()).not.toContain('上传失败')
  expect(app.calls.filter((c) => c.action === 'uploadTicket')).toEqual([{ name: 'selection', action: 'uploadTicket', ok: true }])

  const tickets = await docs<{ cloudPath: string }>(runtime(), 'selectionUploads', { owner: author.openid })
  expect(tickets).toHaveLength(1)

  await app.input('给照片起个名字', '一家三口的周末')
  await app.tap('提交作品')
  expect((await app.prompt('showModal')).detail).toMatchObject({ title: '提交成功，审核中' })
  await app.answer('showModal', true)
  expect(app.route).toBe(R.selectionMine)
  await app.waitForText('一家三口的周末')
  await app.waitForText('审核中')

  const [work] = await docs<{ _id: string; images: string[] }>(runtime(), 'selectionWorks', { author: author.openid })
  expect(work?.images).toHaveLength(1)
  const [fileID] = work?.images ?? []
  expect(fileID?.endsWith(tickets[0]?.cloudPath ?? '?')).toBe(true)
  const { fileContent } = await runtime().cloud.downloadFile({ fileID: fileID ?? '' })
  expect(Buffer.compare(fileContent, bytes)).toBe(0)

  const organiser = await open(url(R.review, { sel: PHOTO }), { as: ROLES.organiser })
  await organiser.waitForText('一家三口的周末')
  const card = organiser.byClass('review-card').find((n) => organiser.byText('一家三口的周末', n).length > 0)
  if (!card) throw new Error('审核列表里没有这件作品的卡片')
  await organiser.tap('通过', card)
  const approved = organiser.ui.toasts.find((t) => t.startsWith('已通过，编号 '))
  expect(approved).toMatch(/^已通过，编号 \d{3} 号$/)
  expect(organiser.text()).not.toContain('一家三口的周末')
  const number = /编号 (\d{3} 号)/.exec(approved ?? '')?.[1] ?? ''

  const perDay = 5
  const others = []
  for (let i = 1; i < perDay; i++) others.push(await publishedPhoto(runtime(), `weapp-tier-photo-other-${i}`, PHOTO, `邻居的亲子照 ${i}`))
  const voter = openidOf(ROLES.resident2)
  for (const other of others.slice(0, perDay - 2)) await call(runtime(), voter, 'vote', { selectionId: PHOTO, workId: other.workId, requestId: `weapp-tier-${other.workId}` })

  const neighbour = await open(url(R.work, { id: work?._id ?? '' }), { as: ROLES.resident2 })
  await neighbour.waitForText(number)
  expect(votesShown(neighbour)).toBe('❤ 0 票')
  await neighbour.waitForText(`今天还可投 2 票（共 ${perDay} 票）`)
  expect(voteButton(neighbour)).toBe('enabled')
  await neighbour.tap('投票')
  expect(neighbour.ui.toasts).toContain('投票成功，谢谢支持')
  expect(votesShown(neighbour)).toBe('❤ 1 票')
  await neighbour.waitForText('今天已为这件作品投过票，明天再来支持吧')
  expect(voteButton(neighbour)).toBe('disabled')

  const last = others[perDay - 2]
  if (!last) throw new Error('少一件作品')
  const lastPage = await open(url(R.work, { id: last.workId }), { as: ROLES.resident2 })
  await lastPage.tap('投票')
  await lastPage.waitForText(`今天的 ${perDay} 票已经投完了，明天 0 点后可继续投票`)
  expect(voteButton(lastPage)).toBe('disabled')

  const ranking = await open(url(R.ranking, { sel: PHOTO }), { as: ROLES.resident })
  await ranking.waitForText('一家三口的周末')
  const rows = ranking.byClass('rank-row').map(line)
  // Every work has one vote: ties share rank 1.
  expect(rows).toContain(`1 ${number} 一家三口的周末 1 票`)
  expect(rows).toHaveLength(perDay)
})
