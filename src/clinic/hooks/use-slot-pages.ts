// The slot list with its filters, paged by page number through the shared paged list; answers that
// arrive after the filters changed are dropped there.
import type { ClinicSlotPage, ClinicSlotSummary, InputOf } from '@/contract'
import { call } from '@/services/client'
import { usePagedList, type PagedList } from '@/hooks/use-paged-list'

export interface SlotFilters {
  venueId?: string
  date?: string
  service?: string
}

export type SlotPages = PagedList<ClinicSlotPage, ClinicSlotSummary>

function toInput(filters: SlotFilters): InputOf<'clinic', 'slots'> {
  const input: InputOf<'clinic', 'slots'> = {}
  if (filters.venueId) input.venueId = filters.venueId
  if (filters.date) input.date = filters.date
  if (filters.service) input.service = filters.service
  return input
}

export function useSlotPages(filters: SlotFilters): SlotPages {
  const input = toInput(filters)
  return usePagedList(`clinic.slots:${JSON.stringify(input)}`, {
    load: (after) => call('clinic', 'slots', after ? { ...input, page: after.page + 1 } : input),
    items: (page) => page.items,
    hasNext: (page) => page.hasMore,
    idOf: (slot) => slot._id,
  })
}
