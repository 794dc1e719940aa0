// useForm: the form's own checks stop a send, a double submit sends once, the server's issues land
// under their fields (the rest above the button), and a failed send keeps what was typed and can be sent again.
import { act, renderHook } from '@testing-library/react'
import { fail, ok, type Result } from '@/contract'
import { firstSegmentIn } from '@/utils/field-issues'
import { useForm } from '../use-form'

interface Form { name: string; phone: string }
type Key = keyof Form

function deferred() {
  let resolve: (r: Result<string>) => void = () => undefined
  const promise = new Promise<Result<string>>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

function setup(send: (f: Form) => Promise<Result<string>>, done = jest.fn()) {
  return renderHook(() => useForm({
    initial: { name: '', phone: '' },
    validate: (f: Form) => (f.name ? {} : { name: '请填写姓名' }),
    fieldOf: firstSegmentIn<Key>(['name', 'phone']),
    send,
    done,
  }))
}

test('the form’s own checks stop the send and say what to fix', async () => {
  const send = jest.fn<Promise<Result<string>>, [Form]>()
  const { result } = setup(send)
  await act(() => result.current.submit())
  expect(send).not.toHaveBeenCalled()
  expect(result.current.errors).toEqual({ name: '请填写姓名' })
  expect(result.current.formError).toBe('请按红色提示修改后再提交')
  act(() => result.current.update({ name: '王秀英' }))
  expect(result.current.errors).toEqual({})
})

test('a double submit sends once, and the form stays pending after success', async () => {
  const answer = deferred()
  const send = jest.fn<Promise<Result<string>>, [Form]>().mockReturnValue(answer.promise)
  const done = jest.fn()
  const { result } = setup(send, done)
  act(() => result.current.update({ name: '王秀英', phone: '13812341234' }))
  let first: Promise<void> = Promise.resolve()
  act(() => {
    first = result.current.submit()
    void result.current.submit()
  })
  expect(result.current.pending).toBe(true)
  await act(async () => {
    answer.resolve(ok('s1'))
    await first
  })
  await act(() => result.current.submit())
  expect(send).toHaveBeenCalledTimes(1)
  expect(send).toHaveBeenCalledWith({ name: '王秀英', phone: '13812341234' })
  expect(done).toHaveBeenCalledWith('s1', { name: '王秀英', phone: '13812341234' })
  expect(result.current.pending).toBe(true)
})

test('server issues land under their fields, the rest above the button; the input is kept for a retry', async () => {
  const send = jest.fn<Promise<Result<string>>, [Form]>()
    .mockResolvedValueOnce(fail('INVALID_INPUT', '提交的内容有误：手机号码格式不对', [
      { path: 'phone', message: '手机号码格式不对' },
      { path: 'phone.0', message: '第二条' },
      { path: 'slotId', message: '场次已取消' },
    ]))
    .mockResolvedValueOnce(ok('s2'))
  const done = jest.fn()
  const { result } = setup(send, done)
  act(() => result.current.update({ name: '李芳', phone: '1381234' }))
  await act(() => result.current.submit())
  expect(result.current.errors).toEqual({ phone: '手机号码格式不对' })
  expect(result.current.formError).toBe('场次已取消')
  expect(result.current.form).toEqual({ name: '李芳', phone: '1381234' })
  expect(result.current.pending).toBe(false)
  act(() => result.current.update({ phone: '13812341234' }))
  expect(result.current.errors).toEqual({})
  await act(() => result.current.submit())
  expect(send).toHaveBeenCalledTimes(2)
  expect(done).toHaveBeenCalledWith('s2', { name: '李芳', phone: '13812341234' })
})
