// The selection a page is about, from the `selections` list: by id (?sel=) or, from the home strands,
// the first selection of a kind (?kind=photo). NOT_FOUND when neither matches.
import { fail, ok, type Result } from '@/contract'
import { SELECTION_KINDS, type SelectionKind, type SelectionView } from '@/contract/selection'
import { call } from '@/services/client'
import { useResult, type Loaded } from '@/hooks/use-result'

export interface SelectionRef {
  sel?: string
  kind?: string
}

const isKind = (k: string | undefined): k is SelectionKind => SELECTION_KINDS.some((known) => known === k)

export async function findSelection(ref: SelectionRef): Promise<Result<SelectionView>> {
  const list = await call('selection', 'selections', {})
  if (!list.ok) return list
  const found = ref.sel
    ? list.data.find((s) => s._id === ref.sel)
    : isKind(ref.kind) ? list.data.find((s) => s.kind === ref.kind) : undefined
  return found ? ok(found) : fail('NOT_FOUND', '没有找到这项征集评选，请从首页重新进入')
}

export function useSelection(ref: SelectionRef): Loaded<SelectionView> {
  return useResult(() => findSelection(ref), `selection:${ref.sel ?? ''}:${ref.kind ?? ''}`)
}
