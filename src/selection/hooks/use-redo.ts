// 修改后重新提交: the rejected work the submit page is correcting, shared with the form hooks below it, so
// each form starts from the work's draft (texts, kept photos) and sends selection.resubmit instead of submit.
import { createContext, useContext } from 'react'
import type { MyWork, WorkDraft } from '@/contract/selection-views'

export const RedoContext = createContext<MyWork | undefined>(undefined)

export function useRedo(): MyWork | undefined {
  return useContext(RedoContext)
}

/** The form's initial values with those the draft has, for the keys the form knows. */
export function prefill<F extends object>(initial: F, draft: WorkDraft | undefined): F {
  if (!draft) return initial
  const known = draft as unknown as Record<string, unknown>
  const out = { ...initial } as Record<string, unknown>
  for (const key of Object.keys(initial)) if (known[key] !== undefined) out[key] = known[key]
  return out as F
}
