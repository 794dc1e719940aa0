// useResult/useAction: one load per key, reload keeps data shown, stale answers are dropped.
import { act, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { fail, ok, type Result } from '@/contract'
import { useResult, type Loaded } from '../use-result'

let latest: Loaded<string> | undefined

function Probe({ load, id }: { load: () => Promise<Result<string>>; id: string }) {
  const state = useResult(load, id)
  latest = state
  return <Text>{`${state.status}:${state.data ?? state.error?.message ?? ''}`}</Text>
}

function deferred() {
  let resolve: (r: Result<string>) => void = () => undefined
  const promise = new Promise<Result<string>>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

test('loads once, then reload keeps the data until the new answer', async () => {
  const second = deferred()
  const load = jest.fn<Promise<Result<string>>, []>().mockResolvedValueOnce(ok('一')).mockReturnValueOnce(second.promise)
  render(<Probe load={load} id='a' />)
  expect(await screen.findByText('ready:一')).toBeTruthy()
  let reloading: Promise<void> = Promise.resolve()
  act(() => {
    reloading = latest?.reload() ?? reloading
  })
  expect(screen.getByText('ready:一')).toBeTruthy()
  await act(async () => {
    second.resolve(ok('二'))
    await reloading
  })
  expect(screen.getByText('ready:二')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(2)
})

test('a new key starts from loading and a late answer for the old key is ignored', async () => {
  const old = deferred()
  const load = jest.fn<Promise<Result<string>>, []>().mockReturnValueOnce(old.promise).mockResolvedValueOnce(ok('新'))
  const { rerender } = render(<Probe load={load} id='a' />)
  rerender(<Probe load={load} id='b' />)
  expect(await screen.findByText('ready:新')).toBeTruthy()
  await act(async () => {
    old.resolve(ok('旧'))
    await old.promise
  })
  expect(screen.getByText('ready:新')).toBeTruthy()
})

test('a load that throws becomes an INTERNAL error with its Chinese message', async () => {
  const load = jest.fn<Promise<Result<string>>, []>().mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce(fail('NOT_FOUND'))
  render(<Probe load={load} id='a' />)
  expect(await screen.findByText('error:服务暂时出现问题，请稍后重试')).toBeTruthy()
})
