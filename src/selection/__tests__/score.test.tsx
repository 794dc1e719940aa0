// 案例评审: the expert's cases with only their own score; a score outside 0–100 or not an integer is
// refused on the page (no call) and what was typed stays; a valid score is saved and can be changed;
// a non-expert is told to redeem an invite code; the server's refusal (results published) is shown.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail, ok } from '@/contract'
import { DEFAULT_CASE_CATEGORIES, type SelectionView } from '@/contract/selection'
import type { ExpertCase } from '@/contract/selection-views'
import SelectionScorePage from '../score/index'
import { parseScore } from '../components/case-score-card'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { field, photoSelection, route, typeInto } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

const casesSelection: SelectionView = {
  ...photoSelection, _id: 'cq-2022-cases', kind: 'cases', title: '妇幼健康高质量发展典型案例征集评选',
  weights: { vote: 30, expert: 70 }, categories: DEFAULT_CASE_CATEGORIES,
}

const aCase = (over: Partial<ExpertCase> = {}): ExpertCase => ({
  workId: 'case-1', number: 3, title: '助产士团队守护母婴平安', category: 'midwife', text: '二十年来守护了三万多名新生儿的平安降生。',
  imageUrls: ['https://tmp.example/c1.jpg'], votes: 41, myScore: null, applicant: { institution: '重庆市妇幼保健院', person: '李护士长' }, ...over,
})

const PLACEHOLDER = '请输入 0–100 的整数'
const scoreCalls = () => callMock.mock.calls.filter(([, action]) => action === 'scoreCase').map(([, , input]) => input)

beforeEach(() => {
  stubTaro()
  setRouterParams({ kind: 'cases' })
})

test('the case shows its text, applicant, votes and the category; out-of-range and decimal scores are refused with no call', async () => {
  route({ 'selection.selections': () => ok([photoSelection, casesSelection]), 'selection.expertCases': () => ok({ items: [aCase()], nextCursor: null }) })
  render(<SelectionScorePage />)
  expect(await screen.findByText('助产士团队守护母婴平安')).toBeTruthy()
  expect(screen.getByText('优秀助产士')).toBeTruthy()
  expect(screen.getByText('申报：重庆市妇幼保健院 · 李护士长')).toBeTruthy()
  expect(screen.getByText('网络投票 41 票')).toBeTruthy()
  expect(screen.getByText('我的评分：尚未评分')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('selection', 'expertCases', { selectionId: 'cq-2022-cases' })

  await typeInto(PLACEHOLDER, '101')
  fireEvent.click(screen.getByText('保存评分'))
  expect(await screen.findByText('评分应在 0–100 之间，您填的是 101')).toBeTruthy()
  await typeInto(PLACEHOLDER, '85.5')
  fireEvent.click(screen.getByText('保存评分'))
  expect(await screen.findByText('评分应为整数，请去掉小数')).toBeTruthy()
  expect(((await field(PLACEHOLDER)) as HTMLInputElement).value).toBe('85.5')
  expect(scoreCalls()).toHaveLength(0)
})

test('a valid score is saved and then changed; only the expert\'s own score is shown', async () => {
  let stored: number | null = 72
  route({
    'selection.selections': () => ok([casesSelection]),
    'selection.expertCases': () => ok({ items: [aCase({ myScore: stored, myComment: '材料扎实' })], nextCursor: null }),
    'selection.scoreCase': (input) => {
      stored = (input as { score: number }).score
      return ok({ workId: 'case-1', score: stored })
    },
  })
  render(<SelectionScorePage />)
  expect(await screen.findByText('我的评分：72 分')).toBeTruthy()
  expect(((await field(PLACEHOLDER)) as HTMLInputElement).value).toBe('72')
  await typeInto(PLACEHOLDER, '90')
  fireEvent.click(screen.getByText('修改评分'))
  expect(await screen.findByText('已保存：90 分')).toBeTruthy()
  expect(screen.getByText('我的评分：90 分')).toBeTruthy()
  expect(scoreCalls()).toEqual([{ workId: 'case-1', score: 90, comment: '材料扎实' }])
})

test('someone who is not an expert is told to redeem an invite code', async () => {
  route({
    'selection.selections': () => ok([casesSelection]),
    'selection.expertCases': () => fail('FORBIDDEN', '此功能仅限评审专家使用；如您是评审专家，请先用组委会发给您的邀请码绑定身份'),
  })
  render(<SelectionScorePage />)
  expect(await screen.findByText('此功能仅限评审专家使用；如您是评审专家，请先用组委会发给您的邀请码绑定身份')).toBeTruthy()
  expect(screen.getByText('输入邀请码')).toBeTruthy()
})

test('a refusal from the server stays on the card with the typed score', async () => {
  route({
    'selection.selections': () => ok([casesSelection]),
    'selection.expertCases': () => ok({ items: [aCase()], nextCursor: null }),
    'selection.scoreCase': () => fail('FORBIDDEN', '评选结果已经公布，不能再修改评分'),
  })
  render(<SelectionScorePage />)
  await typeInto(PLACEHOLDER, '66')
  fireEvent.click(await screen.findByText('保存评分'))
  expect(await screen.findByText('评选结果已经公布，不能再修改评分')).toBeTruthy()
  await waitFor(() => expect(scoreCalls()).toEqual([{ workId: 'case-1', score: 66 }]))
  expect(((await field(PLACEHOLDER)) as HTMLInputElement).value).toBe('66')
  expect(screen.getByText('我的评分：尚未评分')).toBeTruthy()
})

test('parseScore accepts integers 0–100 only', () => {
  expect(parseScore('0')).toEqual({ score: 0 })
  expect(parseScore(' 100 ')).toEqual({ score: 100 })
  expect(parseScore('')).toEqual({ error: '请填写评分（0–100 的整数）' })
  expect(parseScore('-1')).toEqual({ error: '评分应在 0–100 之间，您填的是 -1' })
  expect(parseScore('九十')).toEqual({ error: '评分只能填数字，请填写 0–100 的整数' })
})

test('once results are published the expert sees their score without a form to change it', async () => {
  const published: SelectionView = { ...casesSelection, phase: 'notice', results: { publishedAt: '2022-12-20T10:00:00+08:00', noticeUntil: '2022-12-27T00:00:00+08:00', formula: '最终得分' } }
  route({ 'selection.selections': () => ok([published]), 'selection.expertCases': () => ok({ items: [aCase({ myScore: 88 })], nextCursor: null }) })
  render(<SelectionScorePage />)
  expect(await screen.findByText('我的评分：88 分')).toBeTruthy()
  expect(screen.getByText('评选结果已经公布：以下是您的评分，不能再修改。')).toBeTruthy()
  expect(screen.getByText('评选结果已经公布，评分不能再修改。')).toBeTruthy()
  expect(screen.queryByText('结果公布前可以修改', { exact: false })).toBeNull()
  expect(screen.queryByText('修改评分')).toBeNull()
  expect(screen.queryByPlaceholderText(PLACEHOLDER)).toBeNull()
})
