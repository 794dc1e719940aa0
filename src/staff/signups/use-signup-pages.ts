// A slot's sign-up list, paged by page number through the shared paged list; answers that arrive
// after the slot, search or status changed are dropped there.
import type { InputOf, SignupListEntry, SignupListPage } from '@/contract'
import { call } from '@/services/client'
import { usePagedList, type PagedList } from '@/hooks/use-paged-list'

export type SignupPages = PagedList<SignupListPage, SignupListEntry>

export function useSignupPages(input: InputOf<'clinicAdmin', 'signupList'>): SignupPages {
  return usePagedList(`clinicAdmin.signupList:${JSON.stringify(input)}`, {
    load: (after) => call('clinicAdmin', 'signupList', after ? { ...input, page: after.page + 1 } : input),
    items: (page) => page.items,
    hasNext: (page) => page.hasMore,
  })
}
