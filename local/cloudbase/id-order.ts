// The `_id` index of a collection, as every CloudBase (MongoDB) collection has one: the documents with a
// string `_id` kept in `_id` order (a B+ tree, sorted-btree), so a read sorted by `_id` — the chunked
// ledger scans, paging by `_id` — walks from its range's start and stops once it has its page, instead
// of testing and sorting the whole collection. Documents with a number `_id` are counted: while a
// collection holds any, reads fall back to the scan (MongoDB orders numbers before strings; the
// fallback keeps that to mingo's sort). sorted-btree over a hand-written tree: well kept, typed, and
// its iterators start at a key.
import BTree from 'sorted-btree'
import type { Doc, DocId } from './store'

export class IdOrder {
  private readonly tree = new BTree<string, Doc>()
  private numeric = 0

  put(doc: Doc, had: boolean): void {
    if (typeof doc._id === 'string') this.tree.set(doc._id, doc)
    else if (!had) this.numeric += 1
  }

  delete(id: DocId): void {
    if (typeof id === 'string') this.tree.delete(id)
    else this.numeric -= 1
  }

  /** Usable only while every `_id` is a string (then this order is mingo's sort order too). */
  get usable(): boolean {
    return this.numeric === 0
  }

  /** Documents in ascending `_id` order from `from` (inclusive; the first when undefined). */
  ascending(from?: string): IterableIterator<Doc> {
    return this.tree.values(from)
  }

  /** Documents in descending `_id` order from `from` (inclusive; the last when undefined). */
  *descending(from?: string): IterableIterator<Doc> {
    for (const [, doc] of this.tree.entriesReversed(from)) yield doc
  }
}
