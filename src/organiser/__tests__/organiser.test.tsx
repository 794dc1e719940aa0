// 内容管理 and 编辑内容: an organiser edits an event (times typed as China wall clock), saves it as a draft
// and publishes it; a server issue lands under its field; staff see only their kinds; residents are told
// whom the pages are for; 创建下一届 sends the chosen edition as the template.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok, type EditableView, type EditItem } from '@/contract'
import EditPage from '../edit/index'
import OrganiserHome from '../home/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { route } from '../../clinic/__tests__/fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

const organiser = { role: 'organiser', displayName: '组委会 赵老师' }
const live = {
  venueId: 'banan', title: '巴南分会场开幕式暨授旗仪式', kind: 'ceremony', startAt: '2022-06-25T09:00:00+08:00',
  endAt: '2022-06-25T09:30:00+08:00', place: '巴南区人民广场', description: '开幕式',
}
const view: EditableView = { kind: 'event', id: 'banan-opening', festivalId: 'cq-2022', live, draft: null }
const inputs = (action: string) => callMock.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input)

beforeEach(() => {
  stubTaro()
})

/** Types into the box of the field labelled `label`, once it is rendered (under load the label can come first). */
async function typeInField(label: string, value: string) {
  const box = await waitFor(() => {
    const found = screen.getByText(label).closest('.form-field')?.querySelector('input, textarea')
    if (!found) throw new Error(`「${label}」 has no input box yet`)
    return found
  })
  fireEvent.input(box, { target: { value }, detail: { value } })
}

test('an organiser edits an event, saves the draft and publishes it', async () => {
  setRouterParams({ kind: 'event', festivalId: 'cq-2022', id: 'banan-opening' })
  route({
    'account.whoami': () => ok(organiser),
    'content.editable': () => ok(view),
    'content.saveDraft': (input) => ok({ ...view, draft: (input as { data: EditableView['live'] }).data, draftBy: '组委会 赵老师' }),
    'content.publish': () => ok({ kind: 'event', id: 'banan-opening', publishedAt: '2022-06-25T10:00:00+08:00', changes: [{ field: 'title', before: 'a', after: 'b' }] }),
  })
  render(<EditPage />)
  await waitFor(async () => expect(((await screen.findByText('活动名称')).closest('.form-field')?.querySelector('input') as HTMLInputElement).value).toBe(live.title))
  await typeInField('活动名称', '巴南分会场开幕式（改期）')
  await typeInField('开始时间', '2022-06-25 10:00')
  await typeInField('结束时间', '2022-06-25 10:30')
  fireEvent.click(screen.getByText('保存草稿'))
  expect(await screen.findByText('草稿已保存，居民仍看到已发布的内容；确认无误后请点「发布」')).toBeTruthy()
  expect(inputs('saveDraft')[0]).toEqual({
    kind: 'event', festivalId: 'cq-2022', id: 'banan-opening',
    data: { ...live, title: '巴南分会场开幕式（改期）', startAt: '2022-06-25T10:00:00+08:00', endAt: '2022-06-25T10:30:00+08:00' },
  })
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findByText('已发布，居民现在看到新内容（修改了 1 项）')).toBeTruthy()
  expect(inputs('publish')).toEqual([{ kind: 'event', id: 'banan-opening' }])
})

test('a server issue shows under its field and nothing is published', async () => {
  setRouterParams({ kind: 'event', festivalId: 'cq-2022', id: 'banan-opening' })
  route({
    'account.whoami': () => ok(organiser),
    'content.editable': () => ok(view),
    'content.saveDraft': () => fail('INVALID_INPUT', '提交的内容有误', [{ path: 'data.endAt', message: '结束时间不能早于开始时间' }]),
  })
  render(<EditPage />)
  await waitFor(() => expect(inputs('editable')).toHaveLength(1))
  await typeInField('开始时间', '2022-06-25 11:00')
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findAllByText('结束时间不能早于开始时间')).not.toHaveLength(0)
  expect(inputs('publish')).toEqual([])
})

test('the desk lists items with their state; staff get only venues, events and offers, without 创建下一届', async () => {
  const items: EditItem[] = [
    { kind: 'venue', id: 'banan', title: '巴南分会场', state: 'published' },
    { kind: 'venue', id: 'banan-x', title: '巴南新院区', state: 'draft' },
  ]
  route({
    'account.whoami': () => ok({ role: 'staff', venueId: 'banan', displayName: '陈护士' }),
    'content.editions': () => ok([{ _id: 'cq-2022', name: '2022 文化节', year: 2022, startDate: '2022-04-29', endDate: '2022-12-31', published: true }]),
    'content.editList': () => ok(items),
  })
  render(<OrganiserHome />)
  expect(await screen.findByText('巴南新院区')).toBeTruthy()
  expect(screen.getByText('草稿（未发布）')).toBeTruthy()
  expect(screen.queryByText('科普讲座')).toBeNull()
  expect(screen.queryByText('创建下一届')).toBeNull()
  expect(inputs('editList')).toEqual([{ festivalId: 'cq-2022', kind: 'venue' }])
})

test('an organiser creates the next edition from the chosen one', async () => {
  route({
    'account.whoami': () => ok(organiser),
    'content.editions': () => ok([{ _id: 'cq-2022', name: '2022 文化节', year: 2022, startDate: '2022-04-29', endDate: '2022-12-31', published: true }]),
    'content.editList': () => ok([]),
    'content.auditLog': () => ok([]),
    'content.newEdition': () => ok({ _id: 'cq-2023', name: '2023 文化节', year: 2023, startDate: '2023-04-29', endDate: '2023-12-31', published: false }),
  })
  render(<OrganiserHome />)
  await screen.findByText('创建下一届', { selector: '.section__title' })
  await typeInField('开始日期', '2023-04-29')
  await typeInField('结束日期', '2023-12-31')
  fireEvent.click(screen.getByText('创建下一届', { selector: '.action-button' }))
  expect(await screen.findByText('已创建「2023 文化节」（草稿）：分会场和板块已复制，请修改后发布')).toBeTruthy()
  expect(inputs('newEdition')).toEqual([{ fromFestivalId: 'cq-2022', year: 2023, startDate: '2023-04-29', endDate: '2023-12-31' }])
})

test('residents are told whom the pages are for', async () => {
  route({ 'account.whoami': () => ok({ role: 'resident' }) })
  render(<OrganiserHome />)
  expect(await screen.findByText('此页面供文化节组委会和分会场工作人员使用')).toBeTruthy()
})
