// The editor's lecture video field: a file that is not a video, or a video over 500 MB, is refused before
// any upload with what to do; a good one shows its length and size, uploads through a lecture video
// ticket with the percentage, and sets the field (and the lecture's length); a festival's uploaded
// videos can be picked again.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { ok } from '@/contract'
import type { ContentVideo } from '@/contract/content'
import { uploadFile } from '@/services/upload'
import { chooseVideo } from '@/utils/choose-video'
import type { PickedVideo } from '@/utils/picked-video'
import { callMock, stubTaro } from '@/pages/__tests__/helpers'
import { VideoField } from '../components/video-field'

jest.mock('@/services/client', () => ({ call: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadFile: jest.fn() }))
jest.mock('@/utils/choose-video', () => ({ chooseVideo: jest.fn() }))

const uploadMock = uploadFile as unknown as jest.Mock
const chooseMock = chooseVideo as unknown as jest.Mock
const MB = 1024 * 1024
const lecture: PickedVideo = { path: 'blob:lecture', size: 300 * MB, duration: 3510.4, coverPath: 'blob:lecture-cover', type: 'video/webm', name: '孕期营养.webm' }

function renderField() {
  const onChange = jest.fn()
  render(<VideoField value='' label='视频' festivalId='cq-2022' onChange={onChange} />)
  return onChange
}

beforeEach(() => stubTaro())

test.each([
  ['a file that is not a video', { ...lecture, type: 'application/pdf', name: '讲稿.pdf' }, '只能上传 MP4、MOV 或 WEBM 格式的视频，请转换格式后再选'],
  ['a video over 500 MB', { ...lecture, size: 620 * MB }, '这段视频有 620.0 MB，超过 500 MB。请压缩后再选（可在相册编辑视频、降低清晰度后保存）'],
])('refuses %s before uploading anything, saying what to do', async (_label, picked, message) => {
  chooseMock.mockResolvedValue(picked)
  const onChange = renderField()
  fireEvent.click(screen.getByText('选择视频'))
  expect((await screen.findByRole('alert')).textContent).toBe(message)
  expect(uploadMock).not.toHaveBeenCalled()
  expect(onChange).not.toHaveBeenCalled()
})

test('a good video shows its length and size, uploads with its percentage, and sets the field and the lecture\'s length', async () => {
  let report: (percent: number) => void = () => undefined
  let finish: (fileID: string) => void = () => undefined
  uploadMock.mockImplementation((_path: string, onProgress: (p: number) => void) => {
    report = onProgress
    return new Promise((resolve) => { finish = (fileID) => resolve(ok({ fileID })) })
  })
  chooseMock.mockResolvedValue(lecture)
  const onChange = renderField()
  fireEvent.click(screen.getByText('选择视频'))
  expect(await screen.findByText('孕期营养.webm · 时长 58:30 · 大小 300.0 MB')).toBeTruthy()
  expect(screen.getByText('上传中 0%，请不要离开本页')).toBeTruthy()
  expect(uploadMock).toHaveBeenCalledWith('blob:lecture', expect.any(Function), { video: { festivalId: 'cq-2022', durationSec: 3510.4, name: '孕期营养.webm' } })
  act(() => report(42))
  expect(screen.getByText('上传中 42%，请不要离开本页')).toBeTruthy()
  expect(document.querySelector('video')?.getAttribute('src') ?? document.querySelector('taro-video-core')?.getAttribute('src')).toBe('blob:lecture')
  await act(async () => finish('cloud://env.bucket/uploads/content-1.webm'))
  expect(onChange).toHaveBeenCalledWith('cloud://env.bucket/uploads/content-1.webm', 3510.4)
  expect(screen.queryByText(/上传中/)).toBeNull()
})

test('a failed upload says why, and 从已上传的视频中选择 offers the festival\'s videos to use again', async () => {
  uploadMock.mockResolvedValue({ ok: false, code: 'NETWORK', message: '上传失败，请检查网络后重试' })
  chooseMock.mockResolvedValue(lecture)
  const stored: ContentVideo = { fileID: 'cloud://env.bucket/uploads/content-2.mp4', url: 'http://127.0.0.1/files/content-2.mp4', size: 120 * MB, durationSec: 1805, name: '产后恢复.mp4', at: '2022-06-20T10:00:00.000+08:00' }
  callMock.mockResolvedValue(ok([stored]))
  const onChange = renderField()
  fireEvent.click(screen.getByText('选择视频'))
  expect((await screen.findByRole('alert')).textContent).toBe('上传失败，请检查网络后重试（可重新选择视频上传）')
  fireEvent.click(screen.getByText('从已上传的视频中选择'))
  expect(await screen.findByText('产后恢复.mp4 · 时长 30:05 · 大小 120.0 MB')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('content', 'videos', { festivalId: 'cq-2022' })
  fireEvent.click(screen.getByText('选用'))
  expect(onChange).toHaveBeenCalledWith(stored.fileID, 1805)
})
