// 典型案例申报: a personal category (妇幼好医生) requires the person's name; the case text counts what is
// still needed; the photos upload as chosen; the server's field issues land under their fields; a
// complete application submits the case input.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '@/contract'
import { uploadFile } from '@/services/upload'
import SelectionSubmitPage from '../submit/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { caseSelection, field, route, typeInto } from './fixtures'
import { fakePhoto, stubFileChooser } from './file-chooser'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadFile: jest.fn() }))

const uploadMock = uploadFile as unknown as jest.Mock
const submitCalls = () => callMock.mock.calls.filter(([, action]) => action === 'submit')
const STORY = '建立孕产妇全程健康管理档案，家庭医生团队上门随访，高危孕产妇专案管理率达到百分之百。'

beforeEach(() => {
  stubTaro()
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  setRouterParams({ sel: 'cq-2022-cases' })
  stubFileChooser([fakePhoto('ward.jpg', 4000)])
  uploadMock.mockImplementation(async (path: string) => ok({ fileID: `cloud://env.bucket/uploads/${path.slice(5)}.jpg` }))
})

/** Types into the Taro Textarea with this placeholder (its native box renders once loaded). */
async function typeText(placeholder: string, value: string) {
  const box = await waitFor(() => {
    const found = document.querySelector(`textarea[placeholder="${placeholder}"]`)
    if (!(found instanceof HTMLTextAreaElement)) throw new Error(`no textarea ${placeholder}`)
    return found
  })
  fireEvent.input(box, { target: { value } })
}

async function fillCommon() {
  await typeInto('填写申报单位全称', '重庆市巴南区妇幼保健院')
  await typeInto('给案例起个名称', '孕产妇全程健康管理')
  await typeText('介绍案例的做法、成效和特色', STORY)
  fireEvent.click(screen.getByText('添加照片'))
  await waitFor(() => expect(uploadMock).toHaveBeenCalledTimes(1))
  await waitFor(() => expect(screen.queryByText('上传中…')).toBeNull())
}

test('a personal category requires the person before anything is sent, then submits the case', async () => {
  route({
    'selection.selections': () => ok([caseSelection]),
    'selection.submit': () => ok({ _id: 'w-c', selectionId: 'cq-2022-cases', kind: 'cases', status: 'pending', number: null, title: '孕产妇全程健康管理', votes: 0, coverUrl: '', createdAt: '2022-06-21T09:00:00+08:00' }),
  })
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('提交申报'))
  expect(await screen.findByText('请选择案例类别')).toBeTruthy()
  expect(screen.getByText('请填写案例材料')).toBeTruthy()
  expect(screen.getByText('请至少添加 1 张照片')).toBeTruthy()
  expect(screen.queryByText('人物姓名')).toBeNull()
  fireEvent.click(screen.getByText('妇幼好医生'))
  expect(screen.getByText('人物姓名')).toBeTruthy()
  await fillCommon()
  fireEvent.click(screen.getByText('提交申报'))
  expect(await screen.findByText('「妇幼好医生」类别请填写被推荐人物的姓名')).toBeTruthy()
  expect(submitCalls()).toHaveLength(0)
  await typeInto('被推荐人物的姓名', ' 李医生 ')
  fireEvent.click(screen.getByText('提交申报'))
  await waitFor(() => expect(submitCalls()).toHaveLength(1))
  expect(submitCalls()[0]).toEqual(['selection', 'submit', {
    kind: 'cases', selectionId: 'cq-2022-cases', category: 'doctor', title: '孕产妇全程健康管理', story: STORY,
    images: ['cloud://env.bucket/uploads/ward.jpg'], applicant: { institution: '重庆市巴南区妇幼保健院', person: '李医生' },
  }])
})

test('the case text shows how many characters are still needed, and its count', async () => {
  route({ 'selection.selections': () => ok([caseSelection]) })
  render(<SelectionSubmitPage />)
  expect(await screen.findByText('还需 20 字（至少 20 字）')).toBeTruthy()
  await typeText('介绍案例的做法、成效和特色', '家庭医生上门随访')
  expect(screen.getByText('还需 12 字（至少 20 字）')).toBeTruthy()
  expect(screen.getByText('8/1500')).toBeTruthy()
  fireEvent.click(screen.getByText('提交申报'))
  expect(await screen.findByText('案例材料至少 20 个字，现在 8 个字')).toBeTruthy()
  await typeText('介绍案例的做法、成效和特色', STORY)
  expect(screen.queryByText(/还需 \d+ 字/)).toBeNull()
  expect(screen.getByText(`${STORY.length}/1500`)).toBeTruthy()
})

test('server field issues land under their fields, and nothing typed is lost', async () => {
  route({
    'selection.selections': () => ok([caseSelection]),
    'selection.submit': () => fail('INVALID_INPUT', '请按提示修改后再提交', [
      { path: 'applicant.institution', message: '申报单位最多 60 个字，请删减后再提交' },
      { path: 'story', message: '案例材料含有需要复核的内容，请修改' },
    ]),
  })
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('妇幼特色科室建设'))
  await fillCommon()
  fireEvent.click(screen.getByText('提交申报'))
  const institution = await screen.findByText('申报单位最多 60 个字，请删减后再提交')
  expect(institution.closest('.form-field')?.textContent).toContain('申报单位')
  expect(screen.getByText('案例材料含有需要复核的内容，请修改').closest('.form-field')?.textContent).toContain('案例材料')
  expect(screen.getByText('请按红色提示修改后再提交')).toBeTruthy()
  expect(submitCalls()[0]?.[2]).toMatchObject({ category: 'department', applicant: { institution: '重庆市巴南区妇幼保健院' } })
  expect((await field('给案例起个名称')).value).toBe('孕产妇全程健康管理')
  expect(screen.getByText('提交申报')).toBeTruthy()
})
