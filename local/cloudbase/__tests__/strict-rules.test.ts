// CloudBase refuses what it does not support, so the local service does too: query operators outside
// CloudBase's `db.command` list, update operators outside its update commands, aggregate stages it
// lacks (each answered DATABASE_INVALID_OPERRATOR, which wx-server-sdk reports as errCode -502002).

import { removeTempDirs, startHarness, errorOf, Harness, Any, rawAdmin } from './helpers'

let h: Harness
const items = (): Any => h.db.collection('items')

beforeAll(async () => {
  h = await startHarness(['items'])
  await items().add({ data: { _id: 'a', n: 1, tags: ['x'], body: 'hello' } })
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

async function refusedRaw(query: Record<string, unknown>): Promise<void> {
  const res = await rawAdmin(h.service, { action: 'database.getDocument', collectionName: 'items', queryType: 'WHERE', query: JSON.stringify(query) })
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR', message: expect.stringContaining('is not supported') })
}

test.each([
  ['$where', { $where: 'this.n > 0' }],
  ['$function inside $where', { $where: { $function: { body: 'function () { return true }', args: [], lang: 'js' } } }],
  ['$text', { $text: { $search: 'hello' } }],
  ['$jsonSchema', { $jsonSchema: { required: ['n'] } }],
  ['$comment', { n: 1, $comment: 'why' }],
  ['$type', { n: { $type: 'number' } }],
  ['$bitsAllSet', { n: { $bitsAllSet: 1 } }],
  ['$type nested in $or', { $or: [{ n: 1 }, { n: { $type: 'number' } }] }],
  ['$type inside $elemMatch', { tags: { $elemMatch: { $type: 'string' } } }],
])('query operator %s is refused as CloudBase refuses it', async (_label, query) => {
  await refusedRaw(query)
})

test('through wx-server-sdk: _.jsonSchema and _.text are refused with -502002; supported operators and _.expr still answer', async () => {
  const { _, $ } = h
  expect((await errorOf(() => items().where(_.jsonSchema({ required: ['n'] })).get())).errCode).toBe(-502002)
  expect((await errorOf(() => items().where({ $text: _.text({ search: 'hello' }) }).get())).errCode).toBe(-502002)
  expect((await items().where({ n: _.gte(1), tags: _.elemMatch(_.eq('x')) }).get()).data).toHaveLength(1)
  expect((await items().where(_.expr($.gt(['$n', 0]))).get()).data).toHaveLength(1)
  expect((await items().where({ tags: _.all(['x']), body: h.db.RegExp({ regexp: 'hel', options: 'i' }) }).get()).data).toHaveLength(1)
})

test('update operators outside CloudBase update commands ($currentDate, $bit, $setOnInsert) are refused', async () => {
  for (const data of [{ $currentDate: { at: true } }, { $bit: { n: { or: 2 } } }, { $setOnInsert: { n: 2 } }]) {
    const res = await rawAdmin(h.service, {
      action: 'database.modifyDocument', collectionName: 'items', queryType: 'DOC', query: JSON.stringify({ _id: 'a' }), data: JSON.stringify(data), multi: false,
    })
    expect(res.body).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
  }
  expect((await items().doc('a').get()).data.n).toBe(1)
})

test('aggregate: stages CloudBase lacks are refused, and a $match stage is held to the same operators', async () => {
  const { _ } = h
  for (const [stageKey, stageValue] of [['$out', '"copy"'], ['$facet', '{"a":[]}'], ['$graphLookup', '{}'], ['$unionWith', '"items"'], ['$match', '{"$where":"true"}']]) {
    const res = await rawAdmin(h.service, { action: 'database.aggregateDocuments', collectionName: 'items', stages: [{ stageKey, stageValue }] })
    expect(res.body).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
  }
  expect((await items().aggregate().match({ n: _.gt(0) }).end()).list).toHaveLength(1)
})
