// compileFilter (mingo's Query compiled once, with scalar equality/range pre-checks before mingo's test) and
// matchingDocs (the store scan every read and write uses) against mingo's own Query over the same
// documents: field values of every shape × filters the pre-check applies to and filters it skips.

import fs from 'fs'
import os from 'os'
import path from 'path'
import { Query } from 'mingo'
import type { Filter } from '../mongo'
import { compileFilter, matchingDocs } from '../scan'
import { Doc, Store } from '../store'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- reachable only through the package's exports map, which `moduleResolution: node` does not read
const context = (require('mingo/init/context') as { default: () => never }).default()
const mingoTest = (filter: Filter) => (doc: Doc): boolean => new Query(filter, { context, scriptEnabled: false }).test(doc)

const VALUES: unknown[] = [
  'x', 'X', '', 'w', 'xa', 'y', 1, '1', 0, -0, 2.5, -3, Infinity, true, false, 'true', null, NaN,
  ['x'], ['y', ['x']], [1, 'x'], [], [[1]], [{ a: 1 }], { a: 1 }, {}, new Date(0), /x/,
]
const docs: Doc[] = [
  ...VALUES.map((value, i) => ({ _id: `v${i}`, f: value, g: i % 2, nested: { f: value } })),
  { _id: 'missing', g: 0 },
  { _id: 1, f: 'x', g: 1 },
  { _id: '1', f: 1, g: 0 },
]
const WANTED: unknown[] = ['x', '', 1, 0, 2.5, true, false, '1', null, NaN, ['x'], { a: 1 }, new Date(0)]
const BOUNDS: unknown[] = ['x', 'w', '', 0, 1, -0, 2.5, Infinity, NaN, null, true, new Date(0), ['x']]
const filters: Filter[] = [
  ...WANTED.flatMap((v) => [{ f: v }, { f: { $eq: v } }, { f: v, g: 1 }, { 'nested.f': v }, { f: { $eq: v, $exists: true } }]),
  ...BOUNDS.flatMap((b) => [{ f: { $gt: b } }, { f: { $gte: b } }, { f: { $lt: b } }, { f: { $lte: b } }, { 'nested.f': { $gt: b } }]),
  { f: { $gt: 0, $lt: 2 } },
  { f: { $gte: 'w', $lt: 'y' } },
  { f: { $gt: 0, $exists: true } },
  { f: { $gte: 1, $eq: 1 } },
  { f: { $gt: 1, $in: [2.5] } },
  { _id: { $gt: 'v1', $lte: 'v3' } },
  { _id: { $gte: 1 } },
  { f: 'x', g: { $gt: 0 } },
  { _id: 1 },
  { _id: '1' },
  { _id: 1, f: 'x' },
  { $or: [{ f: 'x' }, { f: 1 }] },
  { f: { $ne: 'x' } },
  { f: { $in: ['x', 1] } },
  { f: /x/ },
  { '': 'x' },
  {},
]

test('compileFilter accepts exactly the documents mingo accepts', () => {
  let accepted = 0
  for (const filter of filters) {
    const ours = compileFilter(filter)
    const theirs = mingoTest(filter)
    for (const doc of docs) {
      const expected = theirs(doc)
      if (ours(doc) !== expected) throw new Error(`${String(doc._id)} vs ${JSON.stringify(filter)}: mingo says ${expected}`)
      if (expected) accepted += 1
    }
  }
  expect(accepted).toBeGreaterThan(300)
})

describe('matchingDocs', () => {
  let dir: string
  let store: Store
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudbase-filters-'))
    store = await Store.open(dir)
    store.createCollection('c')
    store.apply(docs.map((doc) => ({ c: 'c', put: doc })))
  })
  afterAll(() => {
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('gives mingo\'s matches in natural order, all filters applied, stopping at max', () => {
    for (const filter of filters) {
      const expected = docs.filter(mingoTest(filter))
      expect(matchingDocs(store, 'c', [filter])).toEqual(expected)
      expect(matchingDocs(store, 'c', [filter], 1)).toEqual(expected.slice(0, 1))
      const both = docs.filter((doc) => mingoTest(filter)(doc) && mingoTest({ g: 1 })(doc))
      expect(matchingDocs(store, 'c', [filter, { g: 1 }])).toEqual(both)
      expect(matchingDocs(store, 'c', [{ g: 1 }, filter])).toEqual(both)
    }
    expect(matchingDocs(store, 'c', [{ _id: 1 }]).map((d) => d._id)).toEqual([1])
    expect(matchingDocs(store, 'c', [{ _id: 'v0' }, { f: 'nope' }])).toEqual([])
    expect(matchingDocs(store, 'c', [])).toHaveLength(docs.length)
  })

  test('returns the stored documents themselves (callers copy before mutating)', () => {
    const [found] = matchingDocs(store, 'c', [{ _id: 'v0' }])
    expect(found).toBe(store.get('c', 'v0'))
  })
})
