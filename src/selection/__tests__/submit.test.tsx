// 上传作品: title and guardian consent are checked before anything is sent; chosen photos upload as they
// are chosen; a double tap submits the uploaded fileIDs once, then 审核中 and 我的作品.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ok } from '@/contract'
import { uploadFile } from '@/services/upload'
import SelectionSubmitPage from '../submit/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { photoSelection, route, typeInto } from './fixtures'
import { fakePhoto, stubFileChooser, type Chooser } from './file-chooser'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadFile: jest.fn() }))

const uploadMock = uploadFile as unknown as jest.Mock
let taro: ReturnType<typeof stubTaro>
let redirectTo: jest.SpyInstance
let chooser: Chooser
beforeEach(() => {
  taro = stubTaro()
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  setRouterParams({ sel: 'cq-2022-photo' })
  chooser = stubFileChooser([fakePhoto('a.jpg', 2000), fakePhoto('b.png', 3000, 'image/png')])
  uploadMock.mockImplementation(async (path: string) => ok({ fileID: `cloud://env.bucket/uploads/${path.slice(5)}.jpg` }))
})

const submitCalls = () => callMock.mock.calls.filter(([, action]) => action === 'submit')

test('checks title, photos and guardian consent before sending anything', async () => {
  route({ 'selection.selections': () => ok([photoSelection]) })
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('提交作品'))
  expect(await screen.findByText('请填写作品标题')).toBeTruthy()
  expect(screen.getByText('请至少添加 1 张照片')).toBeTruthy()
  fireEvent.click(screen.getByText('作品中有儿童'))
  fireEvent.click(screen.getByText('提交作品'))
  expect(await screen.findByText('作品中有儿童时，需由监护人勾选同意后才能提交')).toBeTruthy()
  expect(screen.getByText('请按红色提示修改后再提交')).toBeTruthy()
  expect(submitCalls()).toHaveLength(0)
})

// Both taps land before React re-renders (as on a slow phone), so the disabled look alone cannot stop the second.
test('uploads the chosen photos and a double tap submits their fileIDs once', async () => {
  let release: () => void = () => undefined
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.submit': () => new Promise((resolve) => {
      release = () => resolve(ok({ _id: 'w-new', selectionId: 'cq-2022-photo', kind: 'photo', status: 'pending', number: null, title: '外婆的生日', votes: 0, coverUrl: '', createdAt: '2022-06-21T09:00:00+08:00' }))
    }),
  })
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('添加照片'))
  await waitFor(() => expect(uploadMock).toHaveBeenCalledTimes(2))
  await waitFor(() => expect(screen.queryByText('上传中…')).toBeNull())
  expect(chooser.inputs[0]).toMatchObject({ accept: 'image/*', multiple: true })
  await typeInto('给照片起个名字', ' 外婆的生日 ')
  fireEvent.click(screen.getByText('作品中有儿童'))
  fireEvent.click(screen.getByText('我是照片中儿童的监护人，同意公开展示这件作品'))
  const button = screen.getByText('提交作品')
  act(() => {
    button.click()
    button.click()
  })
  expect(await screen.findByText('正在提交…')).toBeTruthy()
  await act(async () => release())
  expect(submitCalls()).toEqual([['selection', 'submit', {
    kind: 'photo', selectionId: 'cq-2022-photo', title: '外婆的生日', story: '',
    images: ['cloud://env.bucket/uploads/a.jpg', 'cloud://env.bucket/uploads/b.jpg'], showsChild: true, guardianConsent: true,
  }]])
  await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/selection/mine/index' }))
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交成功，审核中' }))
})

test('outside the submission window it says so instead of showing the form', async () => {
  route({ 'selection.selections': () => ok([{ ...photoSelection, canSubmit: false, phase: 'voting' }]) })
  render(<SelectionSubmitPage />)
  expect(await screen.findByText('现在不在征集时间内')).toBeTruthy()
  expect(screen.queryByText('提交作品')).toBeNull()
})

test('the picker says the limit first; photos past it or over 10 MB are refused with a reason before any upload', async () => {
  stubFileChooser(
    Array.from({ length: 8 }, (_, i) => fakePhoto(`p${i}.jpg`)),
    [fakePhoto('big.jpg', 11 * 1024 * 1024), fakePhoto('x.jpg'), fakePhoto('y.jpg')],
  )
  route({ 'selection.selections': () => ok([photoSelection]) })
  render(<SelectionSubmitPage />)
  expect(await screen.findByText('最多 9 张')).toBeTruthy()
  fireEvent.click(screen.getByText('添加照片'))
  await waitFor(() => expect(uploadMock).toHaveBeenCalledTimes(8))
  expect(await screen.findByText('还可添加 1 张')).toBeTruthy()
  fireEvent.click(screen.getByText('添加照片'))
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({
    title: '有照片没有添加', content: '1 张照片超过 10 MB，请换一张小一些的照片；每件作品最多 9 张照片，多选的 1 张没有上传。',
  })))
  await waitFor(() => expect(uploadMock).toHaveBeenCalledTimes(9))
  expect(uploadMock.mock.calls.map(([path]) => path)).not.toContain('blob:big')
  expect(uploadMock.mock.calls.map(([path]) => path)).not.toContain('blob:y')
  expect(screen.queryByText('添加照片')).toBeNull()
})

test('a file that is not a photo, or a photo that cannot be opened, is named with what to choose instead; the photos already chosen stay', async () => {
  stubFileChooser([fakePhoto('a.jpg')], [fakePhoto('体检报告.pdf', 5000, 'application/pdf'), fakePhoto('broken.jpg'), fakePhoto('c.jpg')])
  route({ 'selection.selections': () => ok([photoSelection]) })
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('添加照片'))
  await waitFor(() => expect(uploadMock).toHaveBeenCalledTimes(1))
  fireEvent.click(await screen.findByText('添加照片'))
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({
    title: '有照片没有添加',
    content: '“体检报告.pdf” 不是照片，请选择 JPG、PNG 或 HEIC 格式的图片；“broken.jpg” 无法打开，可能已损坏或格式不受支持，请换一张 JPG 或 PNG 照片。',
  })))
  await waitFor(() => expect(uploadMock.mock.calls.map(([path]) => path)).toEqual(['blob:a', 'blob:c']))
  expect(await screen.findByText('还可添加 7 张')).toBeTruthy()
  expect(document.querySelectorAll('.image-picker__thumb')).toHaveLength(2)
})

test('修改后重新提交: the form starts from the rejected work (title, story, kept photo) and sends resubmit', async () => {
  setRouterParams({ sel: 'cq-2022-photo', redo: 'w-rejected' })
  const rejectedWork = {
    _id: 'w-rejected', selectionId: 'cq-2022-photo', kind: 'photo', status: 'rejected', number: null, title: '外婆的生日', votes: 0,
    coverUrl: 'http://files.local/kept.jpg', reason: '照片模糊，请换一张清晰的', createdAt: '2022-06-20T09:00:00+08:00',
    draft: { title: '外婆的生日', story: '八十大寿', images: [{ fileID: 'cloud://env.bucket/uploads/kept.jpg', url: 'http://files.local/kept.jpg' }], showsChild: false, guardianConsent: false },
  }
  route({
    'selection.selections': () => ok([photoSelection]),
    'selection.myWorks': () => ok([rejectedWork]),
    'selection.resubmit': () => ok({ ...rejectedWork, status: 'pending', draft: undefined }),
  })
  render(<SelectionSubmitPage />)
  expect(await screen.findByText('未通过原因：照片模糊，请换一张清晰的')).toBeTruthy()
  expect(screen.getByText('还可添加 8 张')).toBeTruthy()
  fireEvent.click(screen.getByText('添加照片'))
  await waitFor(() => expect(uploadMock).toHaveBeenCalledTimes(2))
  await waitFor(() => expect(screen.queryByText('上传中…')).toBeNull())
  fireEvent.click(screen.getByText('提交作品'))
  await waitFor(() => expect(callMock.mock.calls.filter(([, action]) => action === 'resubmit')).toHaveLength(1))
  expect(submitCalls()).toHaveLength(0)
  expect(callMock.mock.calls.find(([, action]) => action === 'resubmit')?.[2]).toEqual({
    workId: 'w-rejected',
    work: {
      kind: 'photo', selectionId: 'cq-2022-photo', title: '外婆的生日', story: '八十大寿', showsChild: false, guardianConsent: false,
      images: ['cloud://env.bucket/uploads/kept.jpg', 'cloud://env.bucket/uploads/a.jpg', 'cloud://env.bucket/uploads/b.jpg'],
    },
  })
  await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/selection/mine/index' }))
})
