// Aggregation pipelines through the SDK's aggregate() builder.

import { removeTempDirs, startHarness, errorOf, Harness, Any } from './helpers'

let h: Harness
const orders = (): Any => h.db.collection('orders')

beforeAll(async () => {
  h = await startHarness(['orders', 'venues', 'many'])
  await h.db.collection('venues').add({ data: [{ _id: 'v1', name: 'Hall' }, { _id: 'v2', name: 'Park' }] })
  await orders().add({
    data: [
      { _id: 'o1', venue: 'v1', qty: 2, price: 10, items: ['a', 'b'], at: new Date('2024-01-01') },
      { _id: 'o2', venue: 'v1', qty: 1, price: 30, items: ['c'], at: new Date('2024-02-01') },
      { _id: 'o3', venue: 'v2', qty: 5, price: 5, items: [], at: new Date('2024-03-01') },
    ],
  })
  await h.db.collection('many').add({ data: Array.from({ length: 30 }, (_, i) => ({ i })) })
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

test('match + group with accumulators + sort', async () => {
  const { $, _ } = h
  const res = await orders().aggregate()
    .match({ qty: _.gt(0) })
    .group({ _id: '$venue', total: $.sum($.multiply(['$qty', '$price'])), n: $.sum(1), last: $.max('$at') })
    .sort({ total: -1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'v1', total: 50, n: 2, last: new Date('2024-02-01') },
    { _id: 'v2', total: 25, n: 1, last: new Date('2024-03-01') },
  ])
})

test('project, addFields, skip, limit', async () => {
  const { $ } = h
  const res = await orders().aggregate()
    .addFields({ amount: $.multiply(['$qty', '$price']) })
    .project({ _id: 1, amount: 1, itemCount: $.size('$items') })
    .sort({ _id: 1 })
    .skip(1)
    .limit(1)
    .end()
  expect(res.list).toEqual([{ _id: 'o2', amount: 30, itemCount: 1 }])
})

test('lookup + unwind joins another collection', async () => {
  const res = await orders().aggregate()
    .lookup({ from: 'venues', localField: 'venue', foreignField: '_id', as: 'venueDoc' })
    .unwind('$venueDoc')
    .project({ _id: 1, venueName: '$venueDoc.name' })
    .sort({ _id: 1 })
    .end()
  expect(res.list).toEqual([{ _id: 'o1', venueName: 'Hall' }, { _id: 'o2', venueName: 'Hall' }, { _id: 'o3', venueName: 'Park' }])
})

test('unwind an array field, count, sortByCount, sample', async () => {
  const unwound = await orders().aggregate().unwind('$items').count('n').end()
  expect(unwound.list).toEqual([{ n: 3 }])
  const byVenue = await orders().aggregate().sortByCount('$venue').end()
  expect(byVenue.list[0]).toEqual({ _id: 'v1', count: 2 })
  const sample = await orders().aggregate().sample({ size: 2 }).end()
  expect(sample.list).toHaveLength(2)
})

test('server-side aggregate returns 20 documents unless the pipeline has a $limit', async () => {
  expect((await h.db.collection('many').aggregate().match({}).end()).list).toHaveLength(20)
  expect((await h.db.collection('many').aggregate().match({}).limit(100).end()).list).toHaveLength(30)
})

test('the aggregation pipeline does not modify stored documents', async () => {
  await orders().aggregate().addFields({ 'items.0': 'changed', qty: 0 }).limit(10).end()
  expect((await orders().doc('o1').get()).data).toMatchObject({ qty: 2, items: ['a', 'b'] })
})

test('unsupported stages fail with DATABASE_INVALID_OPERRATOR', async () => {
  const err = await errorOf(() => orders().aggregate().geoNear({ distanceField: 'd', near: new h.db.Geo.Point(1, 1) }).end())
  expect(err.code).toBe('DATABASE_INVALID_OPERRATOR')
})
