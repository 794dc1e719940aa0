// The read paths after their speed-ups (leading $match filtered in the store, filters compiled once per
// request with a scalar pre-check): aggregate results equal mingo's over a plain copy of the data,
// answers are copies, filters that differ only in values never share results, and writes between two
// identical reads are seen.

import { Aggregator } from 'mingo'
import { parseEJSON } from '../ejson'
import { removeTempDirs, startHarness, errorOf, Harness, Any } from './helpers'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- reachable only through the package's exports map, which `moduleResolution: node` does not read
const context = (require('mingo/init/context') as { default: () => Any }).default()

let h: Harness
const items = (): Any => h.db.collection('items')
const KINDS = ['a', 'b', 'c']
const plainItems = Array.from({ length: 60 }, (_, n) => ({
  _id: `i${String(n).padStart(2, '0')}`,
  kind: KINDS[n % 3],
  n,
  code: n % 2 ? String(n % 3) : n % 3,
  tags: n % 4 === 0 ? ['x', 'y'] : ['y'],
  owner: `u${n % 5}`,
  ...(n % 7 === 0 ? { maybe: null } : n % 7 === 1 ? {} : { maybe: n % 7 }),
  nested: { score: n % 10, list: [{ k: n % 3 }] },
  at: new Date(Date.UTC(2024, 0, 1 + n)),
}))
const plainUsers = Array.from({ length: 5 }, (_, i) => ({ _id: `u${i}`, name: `user ${i}`, level: i % 2 }))
const plain: Record<string, unknown[]> = { items: plainItems, users: plainUsers }

beforeAll(async () => {
  h = await startHarness(['items', 'users', 'scratch'])
  await items().add({ data: plainItems })
  await h.db.collection('users').add({ data: plainUsers })
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

/**
 * What mingo answers for the same stages (as the service receives them: wx-server-sdk's builder wraps
 * @cloudbase/database's, whose `unwrap()` gives the EJSON stages sent) over a plain copy of the data.
 */
function mingoAnswer(agg: Any): unknown[] {
  const stages = (agg._aggregate.unwrap() as Array<{ stageKey: string; stageValue: string }>)
    .map(({ stageKey, stageValue }) => ({ [stageKey]: parseEJSON(stageValue) }))
  if (!stages.some((stage) => '$limit' in stage)) stages.push({ $limit: 20 })
  const collectionResolver = (name: string): Any[] => structuredClone(plain[name] ?? []) as Any[]
  return new Aggregator(stages, { context, scriptEnabled: false, collectionResolver }).run(structuredClone(plainItems))
}

test('aggregates with leading $match stages answer what mingo answers over a plain copy', async () => {
  const { _, $ } = h
  const pipelines: Array<() => Any> = [
    () => items().aggregate().match({ kind: 'a' })
      .lookup({ from: 'users', localField: 'owner', foreignField: '_id', as: 'user' })
      .group({ _id: '$owner', total: $.sum('$n'), names: $.addToSet('$user.name') })
      .sort({ _id: 1 }).skip(1).limit(3),
    () => items().aggregate().match({ tags: 'x' }).match({ n: _.gte(10) }).sort({ n: -1 }).skip(2).limit(5),
    () => items().aggregate().match({ code: 1 }).project({ _id: 1, code: 1 }).limit(100),
    () => items().aggregate().match({ code: '1' }).project({ _id: 1, code: 1 }).limit(100),
    () => items().aggregate().match({ maybe: null }).project({ _id: 1 }).limit(100),
    () => items().aggregate().match({ at: _.gte(new Date(Date.UTC(2024, 0, 20))).and(_.lt(new Date(Date.UTC(2024, 1, 10)))), kind: _.eq('b') })
      .sort({ at: -1 }).limit(50),
    () => items().aggregate().match({ 'nested.score': _.in([1, 2]), kind: 'c' }).unwind('$tags')
      .group({ _id: '$tags', n: $.sum(1), ids: $.push('$_id') }).sort({ _id: 1 }).limit(10),
    () => items().aggregate().match({ 'nested.list.k': 2, tags: _.size(1) }).count('n'),
    () => items().aggregate().match({ _id: 'i05' })
      .lookup({ from: 'users', localField: 'owner', foreignField: '_id', as: 'user' }).limit(5),
    () => items().aggregate().match({ _id: 'nope' }).limit(5),
    () => items().aggregate().match({ _id: 'i05', kind: 'b' }).limit(5),
    () => items().aggregate().match({ kind: 'a' }).addFields({ double: $.multiply(['$n', 2]) }).match({ double: _.gt(60) })
      .sort({ n: 1 }).limit(100),
    () => items().aggregate().match(_.expr($.gt(['$n', '$nested.score']))).match({ owner: _.neq('u1') }).sort({ n: -1 }).limit(7),
    () => items().aggregate().match({ kind: 'b' }),
    () => items().aggregate().match({}),
    () => items().aggregate().sort({ n: -1 }).match({ kind: 'c' }).limit(4),
  ]
  for (const build of pipelines) {
    const expected = mingoAnswer(build())
    const res = await build().end()
    expect(res.list).toEqual(expected)
  }
  expect(mingoAnswer(pipelines[0]?.())).toHaveLength(3)
  expect(mingoAnswer(pipelines[2]?.())).toHaveLength(10)
  expect(mingoAnswer(pipelines[3]?.())).toHaveLength(10)
  expect(mingoAnswer(pipelines[13]?.())).toHaveLength(20)
})

test('answers are copies: changing them or running mutating stages leaves the store as it was', async () => {
  const { $ } = h
  const before = (await items().where({ kind: 'a' }).limit(100).get()).data
  const agg = await items().aggregate().match({ kind: 'a' })
    .addFields({ 'nested.score': 99, tags: ['changed'], n: $.add(['$n', 1000]) }).unwind('$tags').limit(100).end()
  expect(agg.list[0]).toMatchObject({ n: 1000, tags: 'changed', nested: { score: 99 } })
  agg.list[0].nested.list.push({ k: 42 })
  const got = (await items().where({ kind: 'a' }).limit(100).get()).data
  got[0].tags.push('local edit')
  got[0].nested.score = -1
  expect((await items().where({ kind: 'a' }).limit(100).get()).data).toEqual(before)
  expect((await items().aggregate().match({ kind: 'a' }).limit(100).end()).list).toEqual(before)
  expect(before[0]).toEqual(plainItems[0])
})

test('filters that differ only in their values are never confused', async () => {
  const { _ } = h
  const ids = async (query: Any): Promise<string[]> => (await items().where(query).limit(100).get()).data.map((d: Any) => d._id)
  expect(await ids({ kind: 'a' })).toHaveLength(20)
  expect((await ids({ kind: 'b' }))[0]).toBe('i01')
  expect(await ids({ code: 1 })).toEqual(plainItems.filter((d) => d.code === 1).map((d) => d._id))
  expect(await ids({ code: '1' })).toEqual(plainItems.filter((d) => d.code === '1').map((d) => d._id))
  expect(await ids({ at: new Date(Date.UTC(2024, 0, 3)) })).toEqual(['i02'])
  expect(await ids({ at: new Date(Date.UTC(2024, 0, 4)) })).toEqual(['i03'])
  expect(await ids({ owner: /U1/ })).toEqual([])
  expect(await ids({ owner: /U1/i })).toHaveLength(12)
  expect(await ids({ n: _.in([1, 2]) })).toEqual(['i01', 'i02'])
  expect(await ids({ n: _.in([3, 4]) })).toEqual(['i03', 'i04'])
  expect((await items().where({ kind: 'c' }).count()).total).toBe(20)
  expect((await items().where({ kind: 'd' }).count()).total).toBe(0)
  const agg = async (kind: string): Promise<number> => (await items().aggregate().match({ kind }).count('n').end()).list[0]?.n ?? 0
  expect([await agg('a'), await agg('z'), await agg('b')]).toEqual([20, 0, 20])
})

test('a write between two identical reads is seen by the second', async () => {
  const { _ } = h
  const scratch = (): Any => h.db.collection('scratch')
  const read = async (): Promise<unknown[]> => (await scratch().where({ tag: 't', n: _.gte(0) }).orderBy('n', 'asc').get()).data
  const count = async (): Promise<number> => (await scratch().where({ tag: 't', n: _.gte(0) }).count()).total
  const agg = async (): Promise<unknown[]> => (await scratch().aggregate().match({ tag: 't' }).sort({ n: 1 }).limit(10).end()).list
  expect([await read(), await count(), await agg()]).toEqual([[], 0, []])
  await scratch().add({ data: { _id: 's1', tag: 't', n: 1 } })
  expect([await read(), await count(), await agg()]).toEqual([[{ _id: 's1', tag: 't', n: 1 }], 1, [{ _id: 's1', tag: 't', n: 1 }]])
  await scratch().doc('s1').update({ data: { n: 5 } })
  await scratch().add({ data: { _id: 's2', tag: 't', n: 2 } })
  expect((await read()).map((d: Any) => [d._id, d.n])).toEqual([['s2', 2], ['s1', 5]])
  await scratch().where({ tag: 't', n: _.gt(3) }).update({ data: { tag: 'u' } })
  expect([await count(), (await agg()).length]).toEqual([1, 1])
  await scratch().where({ tag: 't' }).remove()
  expect([await read(), await count(), await agg()]).toEqual([[], 0, []])
})

test('errors raised while testing documents keep their codes', async () => {
  const { _, $ } = h
  await h.db.collection('scratch').add({ data: { _id: 'bad', s: 'abc' } })
  const byWhere = await errorOf(() => h.db.collection('scratch').where(_.expr($.gt([$.pow(['$s', 2]), 1]))).get())
  expect(byWhere.errCode).toBe(-502001)
  const byAggregate = await errorOf(() => h.db.collection('scratch').aggregate().match(_.expr($.gt([$.pow(['$s', 2]), 1]))).end())
  expect(byAggregate.code).toBe('DATABASE_REQUEST_FAILED')
  const unknown = await errorOf(() => items().aggregate().match({ n: { $nope: 1 } }).end())
  expect(unknown.code).toBe('DATABASE_INVALID_OPERRATOR')
})
