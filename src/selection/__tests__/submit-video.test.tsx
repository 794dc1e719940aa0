// 1分钟说孕产健康: a chosen video that is too long or too large is refused before any upload, with what
// to do; a good one uploads (video, then its cover), shows its length, and submits the video work.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ok } from '@/contract'
import { uploadFile } from '@/services/upload'
import { chooseVideo } from '@/utils/choose-video'
import type { PickedVideo } from '@/utils/picked-video'
import SelectionSubmitPage from '../submit/index'
import { callMock, setRouterParams, stubTaro } from '@/pages/__tests__/helpers'
import { route, typeInto, videoSelection } from './fixtures'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadFile: jest.fn() }))
jest.mock('@/utils/choose-video', () => ({ chooseVideo: jest.fn() }))

const uploadMock = uploadFile as unknown as jest.Mock
const chooseMock = chooseVideo as unknown as jest.Mock
const MB = 1024 * 1024
const good: PickedVideo = { path: 'blob:talk', size: 12 * MB, duration: 42.4, coverPath: 'blob:talk-cover', type: 'video/mp4' }
const submitCalls = () => callMock.mock.calls.filter(([, action]) => action === 'submit')

beforeEach(() => {
  stubTaro()
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  setRouterParams({ sel: 'cq-2022-video' })
  uploadMock.mockImplementation(async (path: string, onProgress?: (p: number) => void) => {
    onProgress?.(50)
    return ok({ fileID: `cloud://env.bucket/uploads/${path.slice(5)}.${path.endsWith('cover') ? 'jpg' : 'mp4'}` })
  })
})

test.each([
  ['a video over 60 seconds', { ...good, duration: 75.2 }, '这段视频长 76 秒，超过 60 秒。请先剪辑到 60 秒以内再选'],
  ['a video over 50 MB', { ...good, size: 80 * MB }, '这段视频有 80.0 MB，超过 50 MB。请压缩后再选（可在相册编辑视频、降低清晰度后保存）'],
])('refuses %s before uploading anything, saying what to do', async (_label, picked, message) => {
  route({ 'selection.selections': () => ok([videoSelection]) })
  chooseMock.mockResolvedValue(picked)
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('选择视频'))
  expect(await screen.findByText(message)).toBeTruthy()
  expect(uploadMock).not.toHaveBeenCalled()
  expect(screen.getByText('选择视频')).toBeTruthy()
  fireEvent.click(screen.getByText('提交作品'))
  expect(await screen.findByText('请按红色提示修改后再提交')).toBeTruthy()
  expect(submitCalls()).toHaveLength(0)
})

test('a good video uploads with its cover, shows its length and submits the video work', async () => {
  route({
    'selection.selections': () => ok([videoSelection]),
    'selection.submit': () => ok({ _id: 'w-v', selectionId: 'cq-2022-video', kind: 'video', status: 'pending', number: null, title: '孕期补钙', votes: 0, coverUrl: '', createdAt: '2022-06-21T09:00:00+08:00' }),
  })
  chooseMock.mockResolvedValue(good)
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('选择视频'))
  expect(await screen.findByText('已上传')).toBeTruthy()
  expect(screen.getByText('0:42')).toBeTruthy()
  expect(uploadMock.mock.calls.map(([path]) => path)).toEqual(['blob:talk', 'blob:talk-cover'])
  await typeInto('给视频起个名字', ' 孕期补钙 ')
  fireEvent.click(screen.getByText('作品中有儿童'))
  fireEvent.click(screen.getByText('我是视频中儿童的监护人，同意公开展示这件作品'))
  fireEvent.click(screen.getByText('提交作品'))
  await waitFor(() => expect(submitCalls()).toHaveLength(1))
  expect(submitCalls()[0]).toEqual(['selection', 'submit', {
    kind: 'video', selectionId: 'cq-2022-video', title: '孕期补钙', story: '',
    video: { fileID: 'cloud://env.bucket/uploads/talk.mp4', duration: 42.4, size: 12 * MB },
    cover: 'cloud://env.bucket/uploads/talk-cover.jpg', showsChild: true, guardianConsent: true,
  }])
})

test('a failed upload says why and 重试 sends only what did not go up', async () => {
  route({ 'selection.selections': () => ok([videoSelection]) })
  chooseMock.mockResolvedValue(good)
  uploadMock.mockImplementation(async (path: string) => (path === 'blob:talk-cover' && uploadMock.mock.calls.length === 2
    ? { ok: false, code: 'NETWORK', message: '上传失败，请检查网络后重试' }
    : ok({ fileID: `cloud://env.bucket/uploads/${path.slice(5)}` })))
  render(<SelectionSubmitPage />)
  fireEvent.click(await screen.findByText('选择视频'))
  fireEvent.click(await screen.findByText('上传失败，请检查网络后重试 · 点此重试'))
  expect(await screen.findByText('已上传')).toBeTruthy()
  expect(uploadMock.mock.calls.map(([path]) => path)).toEqual(['blob:talk', 'blob:talk-cover', 'blob:talk-cover'])
})
