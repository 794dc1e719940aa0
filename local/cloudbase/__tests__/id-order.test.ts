// Reads sorted by `_id` walk the collection's `_id` index (id-order.ts) from the filter's own bound and
// stop at their page. They must answer exactly what testing every document and sorting by `_id` answers:
// random documents, inserts, replacements and removals, random filters with `_id` ranges, skip and limit,
// both directions — compared with mingo over a plain copy — also after a restart (the index is rebuilt
// from the log) and with number `_id`s present (the read falls back to the scan).
import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Query } from 'mingo'
import { Store, type Doc } from '../store'
import { TransactionManager } from '../transactions'
import { createDatabaseHandlers } from '../database'
import { parseEJSON, stringifyEJSON } from '../ejson'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const C = 'items'
type Handlers = ReturnType<typeof createDatabaseHandlers>

async function open(dir: string): Promise<{ store: Store; get: (q: object, order: object, offset: number, limit: number) => Promise<Doc[]>; close: () => void }> {
  const store = await Store.open(dir)
  const txm = new TransactionManager(store)
  if (!store.hasCollection(C)) store.createCollection(C)
  const actions: Handlers = createDatabaseHandlers(store, txm)
  return {
    store,
    async get(query, order, offset, limit) {
      const getDocument = actions['database.getDocument'] as Handlers[string]
      const res = (await getDocument({ collectionName: C, query: stringifyEJSON(query), order: stringifyEJSON(order), offset, limit }, Date.now())) as { data: { list: string[] } }
      return res.data.list.map((line) => parseEJSON(line, Date.now()) as Doc)
    },
    close() {
      txm.closeAll()
      store.close()
    },
  }
}

function expected(docs: Doc[], query: object, order: Record<string, 1 | -1>, offset: number, limit: number): Doc[] {
  return new Query(query as Record<string, unknown>).find<Doc>(docs).sort(order).skip(offset).limit(limit).all()
}

const idArb = fc.integer({ min: 0, max: 60 }).map((n) => `d${String(n).padStart(2, '0')}`)
const docArb = fc.record({ _id: idArb, group: fc.constantFrom('a', 'b'), n: fc.integer({ min: 0, max: 5 }) })
const opArb = fc.oneof(docArb.map((put) => ({ put })), idArb.map((del) => ({ del })))
const rangeArb = fc.record({
  low: fc.option(fc.tuple(fc.constantFrom('$gt', '$gte'), idArb), { nil: undefined }),
  high: fc.option(fc.tuple(fc.constantFrom('$lt', '$lte'), idArb), { nil: undefined }),
})
const queryArb = fc.record({ range: rangeArb, group: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }), nMin: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) })
  .map(({ range, group, nMin }) => {
    const id: Record<string, string> = {}
    if (range.low) id[range.low[0]] = range.low[1]
    if (range.high) id[range.high[0]] = range.high[1]
    return { ...(Object.keys(id).length ? { _id: id } : {}), ...(group ? { group } : {}), ...(nMin !== undefined ? { n: { $gte: nMin } } : {}) }
  })

test('reads sorted by _id answer what a scan and sort answer, before and after a restart', async () => {
  await fc.assert(fc.asyncProperty(fc.array(opArb, { maxLength: 80 }), fc.array(fc.record({ query: queryArb, dir: fc.constantFrom(1 as const, -1 as const), offset: fc.integer({ min: 0, max: 10 }), limit: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 8 }), async (ops, reads) => {
    const dir = mkdtempSync(join(tmpdir(), 'id-order-'))
    dirs.push(dir)
    let db = await open(dir)
    const live = new Map<string, Doc>()
    for (const op of ops) {
      if ('put' in op) {
        db.store.apply([{ c: C, put: op.put }])
        live.set(op.put._id, op.put)
      } else if (live.delete(op.del)) {
        db.store.apply([{ c: C, del: op.del }])
      }
    }
    for (let round = 0; round < 2; round += 1) {
      const scans = jest.spyOn(db.store, 'docs')
      for (const { query, dir: direction, offset, limit } of reads) {
        const got = await db.get(query, { _id: direction }, offset, limit)
        expect(scans).not.toHaveBeenCalled()
        expect(got).toEqual(expected([...live.values()], query, { _id: direction }, offset, limit))
      }
      db.close()
      db = await open(dir)
    }
    db.close()
  }), { numRuns: 60 })
})

test('with a number _id in the collection the read falls back to the scan and still sorts as mingo does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'id-order-'))
  dirs.push(dir)
  const db = await open(dir)
  const docs: Doc[] = [{ _id: 'b', n: 1 }, { _id: 7, n: 1 }, { _id: 'a', n: 1 }, { _id: 3, n: 1 }]
  db.store.apply(docs.map((put) => ({ c: C, put })))
  expect(db.store.idOrder(C)).toBeUndefined()
  expect((await db.get({ n: 1 }, { _id: 1 }, 0, 10)).map((d) => d._id)).toEqual(expected(docs, { n: 1 }, { _id: 1 }, 0, 10).map((d) => d._id))
  db.store.apply([{ c: C, del: 7 }, { c: C, del: 3 }])
  expect(db.store.idOrder(C)).toBeDefined()
  expect((await db.get({ n: 1 }, { _id: -1 }, 0, 10)).map((d) => d._id)).toEqual(['b', 'a'])
  db.close()
})
