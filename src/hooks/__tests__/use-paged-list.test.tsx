// usePagedList: pages append from the last page, one request at a time, repeats show once, a failed
// page keeps what is shown, and a page answered after the key changed is dropped.
import { act, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { fail, ok, type Result } from '@/contract'
import { usePagedList, type PagedList } from '../use-paged-list'

interface Page {
  n: number
  items: string[]
  more: boolean
}
type Load = (after?: Page) => Promise<Result<Page>>

let latest: PagedList<Page, string> | undefined

function Probe({ load, id }: { load: Load; id: string }) {
  const list = usePagedList(id, { load, items: (p) => p.items, hasNext: (p) => p.more, idOf: (s) => s })
  latest = list
  return <Text>{`${list.first.status}|${list.items.join(',')}|${list.hasMore ? 'more' : 'end'}|${list.moreError ?? ''}`}</Text>
}

function deferred() {
  let resolve: (r: Result<Page>) => void = () => undefined
  const promise = new Promise<Result<Page>>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const more = async () => {
  await act(async () => {
    await latest?.loadMore()
  })
}

test('appends the page after the last one, drops repeats, and stops at the end', async () => {
  const load = jest.fn<ReturnType<Load>, Parameters<Load>>(async (after) =>
    ok(after === undefined ? { n: 1, items: ['a', 'b'], more: true } : { n: after.n + 1, items: ['b', 'c'], more: false }))
  render(<Probe load={load} id='k' />)
  expect(await screen.findByText('ready|a,b|more|')).toBeTruthy()
  await more()
  expect(screen.getByText('ready|a,b,c|end|')).toBeTruthy()
  expect(load.mock.calls[1]?.[0]).toEqual({ n: 1, items: ['a', 'b'], more: true })
  await more()
  expect(load).toHaveBeenCalledTimes(2)
})

test('a second 加载更多 while one is in flight sends nothing; a failure keeps the list and says why', async () => {
  const next = deferred()
  const load = jest.fn<ReturnType<Load>, Parameters<Load>>()
    .mockResolvedValueOnce(ok({ n: 1, items: ['a'], more: true }))
    .mockReturnValueOnce(next.promise)
  render(<Probe load={load} id='k' />)
  await screen.findByText('ready|a|more|')
  let first: Promise<void> = Promise.resolve()
  act(() => {
    first = latest?.loadMore() ?? first
    void latest?.loadMore()
  })
  expect(load).toHaveBeenCalledTimes(2)
  await act(async () => {
    next.resolve(fail('NETWORK'))
    await first
  })
  expect(screen.getByText(/^ready\|a\|more\|.+/)).toBeTruthy()
})

test('after the key changed, the new list pages at once, and a late answer for the old key changes nothing', async () => {
  const late = deferred()
  const load = jest.fn<ReturnType<Load>, Parameters<Load>>()
    .mockResolvedValueOnce(ok({ n: 1, items: ['a'], more: true }))
    .mockReturnValueOnce(late.promise)
    .mockResolvedValueOnce(ok({ n: 1, items: ['x'], more: true }))
    .mockResolvedValueOnce(ok({ n: 2, items: ['y'], more: false }))
  const { rerender } = render(<Probe load={load} id='k1' />)
  await screen.findByText('ready|a|more|')
  let pending: Promise<void> = Promise.resolve()
  act(() => {
    pending = latest?.loadMore() ?? pending
  })
  rerender(<Probe load={load} id='k2' />)
  await screen.findByText('ready|x|more|')
  await more()
  expect(screen.getByText('ready|x,y|end|')).toBeTruthy()
  await act(async () => {
    late.resolve(ok({ n: 2, items: ['b'], more: false }))
    await pending
  })
  expect(screen.getByText('ready|x,y|end|')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(4)
})
