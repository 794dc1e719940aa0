// The content image field on h5 through the browser's own file chooser (a file input the test answers,
// as the browser would, with File objects): a file that is not an image, an image that cannot be opened
// and one over 5 MB are each named in Chinese saying what to pick instead, nothing is uploaded and the
// field keeps its image; a PNG is uploaded with a content ticket, set as the field's value and previewed;
// a GIF is redrawn as a JPEG first.
import { useState } from 'react'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok } from '@/contract'
import { uploadFile } from '@/services/upload'
import { ImageField } from '../components/image-field'

jest.mock('@/services/upload', () => ({ uploadFile: jest.fn() }))
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>

const MB = 1024 * 1024

function file(name: string, type: string, size = 2000): File {
  const f = new File([new Uint8Array(8)], name, { type })
  Object.defineProperty(f, 'size', { value: size })
  return f
}

/** Answers each click on a file input with the next file (its change event fired), blob URLs named after the file, decoding failing for broken.*. */
function stubChooser(...files: File[]): HTMLInputElement[] {
  const inputs: HTMLInputElement[] = []
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => `blob:${blob instanceof File ? blob.name : 'redrawn'}` })
  Object.defineProperty(globalThis, 'createImageBitmap', {
    configurable: true,
    value: async (f: File) => {
      if (f.name.startsWith('broken.')) throw new DOMException('The source image could not be decoded.', 'InvalidStateError')
      return { width: 300, height: 100, close: () => undefined }
    },
  })
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    if (this.type !== 'file') return
    inputs.push(this)
    Object.defineProperty(this, 'files', { configurable: true, value: [files.shift()] })
    this.dispatchEvent(new Event('change'))
  })
  return inputs
}

function Field({ initial, changes }: { initial: string; changes: string[] }) {
  const [value, setValue] = useState(initial)
  return <ImageField value={value} label='横幅图片' onChange={(v) => { changes.push(v); setValue(v) }} />
}

const alertText = () => screen.queryByRole('alert')?.textContent ?? ''

test('a non-image, a damaged image and one over 5 MB are refused in Chinese and the field keeps its image; a PNG is uploaded and previewed', async () => {
  const inputs = stubChooser(
    file('notes.pdf', 'application/pdf'),
    file('broken.png', 'image/png'),
    file('huge.png', 'image/png', 6 * MB),
    file('banner.png', 'image/png'),
  )
  upload.mockResolvedValue(ok({ fileID: 'cloud://env.bucket/uploads/content-new.png' }))
  const changes: string[] = []
  render(<Field initial='cloud://env.bucket/uploads/content-old.jpg' changes={changes} />)
  expect(screen.getByText('已选择：cloud://env.bucket/uploads/content-old.jpg')).toBeTruthy()

  fireEvent.click(screen.getByText('更换图片'))
  await waitFor(() => expect(alertText()).toBe('“notes.pdf” 不是图片，请选择 JPG、PNG 或 WEBP 格式的图片'))
  expect(inputs[0]?.accept).toBe('image/*')
  expect(inputs[0]?.hasAttribute('capture')).toBe(false)

  fireEvent.click(screen.getByText('更换图片'))
  await waitFor(() => expect(alertText()).toBe('“broken.png” 无法打开，可能已损坏，请换一张 JPG、PNG 或 WEBP 图片'))

  fireEvent.click(screen.getByText('更换图片'))
  await waitFor(() => expect(alertText()).toBe('“huge.png” 有 6.0 MB，超过 5 MB，请压缩或换一张 5 MB 以内的 JPG、PNG 或 WEBP 图片'))
  expect(upload).not.toHaveBeenCalled()
  expect(changes).toEqual([])
  expect(screen.getByText('已选择：cloud://env.bucket/uploads/content-old.jpg')).toBeTruthy()

  fireEvent.click(screen.getByText('更换图片'))
  expect(await screen.findByText('已选择图片')).toBeTruthy()
  expect(upload).toHaveBeenCalledWith('blob:banner.png', undefined, 'content')
  expect(changes).toEqual(['cloud://env.bucket/uploads/content-new.png'])
  expect(alertText()).toBe('')
  expect(document.querySelector('.image-field__preview')?.getAttribute('src')).toBe('blob:banner.png')
})

test('an upload the server refuses shows its message and keeps the field as it was', async () => {
  stubChooser(file('banner.png', 'image/png'))
  upload.mockResolvedValue({ ok: false, code: 'FORBIDDEN', message: '只有文化节组委会可以上传内容图片' })
  const changes: string[] = []
  render(<Field initial='' changes={changes} />)
  fireEvent.click(screen.getByText('选择图片'))
  await waitFor(() => expect(alertText()).toBe('只有文化节组委会可以上传内容图片'))
  expect(changes).toEqual([])
  expect(screen.getByText('未选择图片')).toBeTruthy()
  expect(document.querySelector('.image-field__preview')).toBeNull()
})

test('a GIF, which the upload does not take, is redrawn as a JPEG and that is uploaded', async () => {
  stubChooser(file('animated.gif', 'image/gif'))
  const drawn: unknown[] = []
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage: (...args: unknown[]) => drawn.push(args) } as never)
  jest.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done, type) => done(new Blob([new Uint8Array(1200)], { type })))
  upload.mockResolvedValue(ok({ fileID: 'cloud://env.bucket/uploads/content-gif.jpg' }))
  const changes: string[] = []
  render(<Field initial='' changes={changes} />)
  fireEvent.click(screen.getByText('选择图片'))
  expect(await screen.findByText('已选择图片')).toBeTruthy()
  expect(drawn).toHaveLength(1)
  expect(upload).toHaveBeenCalledWith('blob:redrawn', undefined, 'content')
  expect(changes).toEqual(['cloud://env.bucket/uploads/content-gif.jpg'])
})
