// useOneAtATime: two taps in the same frame run the work once; busy shows while its request is out; a
// failed run frees the guard for the next tap.
import { act, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { useOneAtATime } from '../use-one-at-a-time'

let latest: ReturnType<typeof useOneAtATime> | undefined

function Probe() {
  latest = useOneAtATime()
  return <Text>{latest.busy ? 'busy' : 'idle'}</Text>
}

test('a second run while the first is under way does nothing, and busy follows the request', async () => {
  let finish: () => void = () => undefined
  const request = new Promise<void>((resolve) => { finish = resolve })
  const work = jest.fn(async () => {
    await latest?.pending(request)
  })
  render(<Probe />)
  let first: Promise<void> = Promise.resolve()
  act(() => {
    first = latest?.run(work) ?? first
    void latest?.run(work)
  })
  expect(work).toHaveBeenCalledTimes(1)
  expect(screen.getByText('busy')).toBeTruthy()
  await act(async () => {
    finish()
    await first
  })
  expect(screen.getByText('idle')).toBeTruthy()
})

test('a run that throws frees the guard for the next tap', async () => {
  render(<Probe />)
  await act(async () => {
    await latest?.run(() => Promise.reject(new Error('网络断开'))).catch(() => undefined)
  })
  const again = jest.fn(async () => undefined)
  await act(async () => {
    await latest?.run(again)
  })
  expect(again).toHaveBeenCalledTimes(1)
})
