// Every db.command query and update operator the project relies on, through the real SDK.

import { removeTempDirs, startHarness, errorOf, Harness, Any } from './helpers'

let h: Harness
const people = (): Any => h.db.collection('people')

async function ids(where: Any): Promise<string[]> {
  const res = await people().where(where).orderBy('_id', 'asc').get()
  return res.data.map((d: Any) => d._id)
}

beforeAll(async () => {
  h = await startHarness(['people', 'upd'])
  const rows = [
    { _id: 'a', age: 20, name: 'Ann', tags: ['x', 'y'], scores: [{ k: 1 }, { k: 5 }], city: 'sh', vip: true },
    { _id: 'b', age: 30, name: 'Bob', tags: ['y'], scores: [{ k: 2 }], city: 'bj' },
    { _id: 'c', age: 40, name: 'Cat', tags: [], scores: [], city: 'sh', vip: false },
    { _id: 'd', age: null, name: 'Dan', tags: ['x', 'y', 'z'], city: 'gz' },
  ]
  for (const data of rows) await people().add({ data })
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

describe('query operators', () => {
  test('comparison: eq neq gt gte lt lte in nin', async () => {
    const { _ } = h
    expect(await ids({ age: _.eq(30) })).toEqual(['b'])
    expect(await ids({ age: _.neq(30) })).toEqual(['a', 'c', 'd'])
    expect(await ids({ age: _.gt(20) })).toEqual(['b', 'c'])
    expect(await ids({ age: _.gte(30) })).toEqual(['b', 'c'])
    expect(await ids({ age: _.lt(30) })).toEqual(['a'])
    expect(await ids({ age: _.lte(30) })).toEqual(['a', 'b'])
    expect(await ids({ city: _.in(['sh', 'gz']) })).toEqual(['a', 'c', 'd'])
    expect(await ids({ city: _.nin(['sh', 'gz']) })).toEqual(['b'])
  })

  test('logic: and or nor not, field-level and top-level', async () => {
    const { _ } = h
    expect(await ids({ age: _.gt(10).and(_.lt(35)) })).toEqual(['a', 'b'])
    expect(await ids({ age: _.lt(25).or(_.gt(35)) })).toEqual(['a', 'c'])
    expect(await ids(_.or([{ city: 'bj' }, { vip: true }]))).toEqual(['a', 'b'])
    expect(await ids(_.and([{ city: 'sh' }, { age: _.gt(25) }]))).toEqual(['c'])
    expect(await ids(_.nor([{ city: 'sh' }, { city: 'bj' }]))).toEqual(['d'])
    expect(await ids({ age: _.not(_.gt(25)) })).toEqual(['a', 'd'])
  })

  test('element and array: exists size elemMatch all', async () => {
    const { _ } = h
    expect(await ids({ vip: _.exists(true) })).toEqual(['a', 'c'])
    expect(await ids({ vip: _.exists(false) })).toEqual(['b', 'd'])
    expect(await ids({ tags: _.size(0) })).toEqual(['c'])
    expect(await ids({ scores: _.elemMatch({ k: _.gt(3) }) })).toEqual(['a'])
    expect(await ids({ tags: _.all(['x', 'y']) })).toEqual(['a', 'd'])
    expect(await ids({ tags: 'z' })).toEqual(['d'])
    expect(await ids({ 'scores.k': 2 })).toEqual(['b'])
    expect(await ids({ age: null })).toEqual(['d'])
  })

  test('expr compares fields of the same document', async () => {
    const { _, $ } = h
    expect(await ids(_.expr($.gt(['$age', 25])))).toEqual(['b', 'c'])
  })

  test('projection operators: slice and elemMatch', async () => {
    const { _ } = h
    const res = await people().where({ _id: 'a' }).field({ tags: _.project.slice(1), scores: _.project.elemMatch({ k: 5 }) }).get()
    expect(res.data).toEqual([{ _id: 'a', tags: ['x'], scores: [{ k: 5 }] }])
  })

  test('regex and mod', async () => {
    const { _ } = h
    expect(await ids({ name: /^[ab]/i })).toEqual(['a', 'b'])
    expect(await ids({ name: h.db.RegExp({ regexp: 'a', options: '' }) })).toEqual(['c', 'd'])
    // (mingo lets $mod match null, MongoDB does not: see README gaps)
    expect(await ids({ age: _.mod([20, 0]).and(_.exists(true)).and(_.neq(null)) })).toEqual(['a', 'c'])
  })
})

describe('update operators', () => {
  const doc = (): Any => h.db.collection('upd').doc('u')
  const read = async (): Promise<Any> => (await doc().get()).data

  beforeEach(async () => {
    await doc().set({ data: { n: 5, arr: [1, 2, 3, 4], obj: { a: 1, b: 2 }, tags: ['x'], old: 'v', lo: 10, hi: 10 } })
  })

  test('set (object replaces field), remove, inc, mul, min, max, rename', async () => {
    const { _ } = h
    await doc().update({ data: { obj: _.set({ c: 3 }), n: _.inc(2), hi: _.max(20), lo: _.min(3), old: _.rename('renamed') } })
    await doc().update({ data: { n: _.mul(3), tags: _.remove() } })
    expect(await read()).toEqual({ _id: 'u', n: 21, arr: [1, 2, 3, 4], obj: { c: 3 }, lo: 3, hi: 20, renamed: 'v' })
  })

  test('nested object without operators merges field by field', async () => {
    await doc().update({ data: { obj: { b: 20, d: 4 } } })
    expect((await read()).obj).toEqual({ a: 1, b: 20, d: 4 })
  })

  test('push (values, each/position/slice/sort), pop, shift, unshift', async () => {
    const { _ } = h
    await doc().update({ data: { arr: _.push(5) } })
    expect((await read()).arr).toEqual([1, 2, 3, 4, 5])
    await doc().update({ data: { arr: _.push({ each: [0], position: 0 }) } })
    expect((await read()).arr).toEqual([0, 1, 2, 3, 4, 5])
    await doc().update({ data: { arr: _.push({ each: [9], sort: -1, slice: 3 }) } })
    expect((await read()).arr).toEqual([9, 5, 4])
    await doc().update({ data: { arr: _.pop() } })
    await doc().update({ data: { tags: _.unshift(['a', 'b']) } })
    expect(await read()).toMatchObject({ arr: [9, 5], tags: ['a', 'b', 'x'] })
    await doc().update({ data: { arr: _.shift() } })
    expect((await read()).arr).toEqual([5])
  })

  test('pull (value and condition), pullAll, addToSet (single and each)', async () => {
    const { _ } = h
    await doc().update({ data: { arr: _.pull(_.gt(2)) } })
    expect((await read()).arr).toEqual([1, 2])
    await doc().update({ data: { arr: _.pull(1) } })
    await doc().update({ data: { tags: _.addToSet('x') } })
    await doc().update({ data: { tags: _.addToSet({ $each: ['x', 'y', 'y'] }) } })
    expect(await read()).toMatchObject({ arr: [2], tags: ['x', 'y'] })
    await doc().update({ data: { tags: _.pullAll(['x', 'y']) } })
    expect((await read()).tags).toEqual([])
  })

  test('dotted paths, array indexes and new nested fields', async () => {
    const { _ } = h
    await doc().update({ data: { 'obj.a': _.inc(10), 'arr.0': 100, 'deep.new.field': true } })
    expect(await read()).toMatchObject({ obj: { a: 11, b: 2 }, arr: [100, 2, 3, 4], deep: { new: { field: true } } })
  })

  test('MongoDB errors: conflicting paths, non-numeric inc, _id is immutable', async () => {
    const { _ } = h
    const conflict = await errorOf(() => doc().update({ data: { obj: _.set({}), 'obj.a': _.inc(1) } }))
    expect(conflict.errCode).toBe(-502001)
    expect(conflict.errMsg).toMatch(/conflict/)
    expect((await errorOf(() => doc().update({ data: { old: _.inc(1) } }))).errCode).toBe(-502001)
    expect((await errorOf(() => doc().update({ data: { _id: 'x' } }))).errMsg).toMatch(/_id/)
    expect((await read()).n).toBe(5)
  })
})
