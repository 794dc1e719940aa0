// Demo identities for the local runtime: fake WeChat users (openids) one can sign in as, covering
// each role the app knows. The people are fictional; the venue ids match festival-2022.ts.

export interface DemoIdentity {
  key: string
  openid: string
  displayName: string
  role: 'resident' | 'staff' | 'organiser' | 'expert'
  venueId?: string
}

export const demoIdentities: DemoIdentity[] = [
  { key: 'resident-wang', openid: 'demo-resident-1', displayName: '王女士', role: 'resident' },
  { key: 'resident-li', openid: 'demo-resident-2', displayName: '李先生', role: 'resident' },
  {
    key: 'staff-banan',
    openid: 'demo-staff-banan',
    displayName: '陈护士（巴南分会场）',
    role: 'staff',
    venueId: 'banan',
  },
  {
    key: 'staff-yongchuan',
    openid: 'demo-staff-yongchuan',
    displayName: '周医生（永川分会场）',
    role: 'staff',
    venueId: 'yongchuan',
  },
  { key: 'organiser', openid: 'demo-organiser-1', displayName: '组委会 赵老师', role: 'organiser' },
  { key: 'expert', openid: 'demo-expert-1', displayName: '评审专家 孙教授', role: 'expert' },
]

export interface StaffDoc {
  _id: string
  role: 'staff' | 'organiser' | 'expert'
  venueId?: string
  displayName: string
}

/** Docs for the `staff` collection: one per non-resident identity, keyed by openid. */
export function staffDocs(): StaffDoc[] {
  const docs: StaffDoc[] = []
  for (const identity of demoIdentities) {
    if (identity.role === 'resident') continue
    const doc: StaffDoc = { _id: identity.openid, role: identity.role, displayName: identity.displayName }
    if (identity.venueId !== undefined) doc.venueId = identity.venueId
    docs.push(doc)
  }
  return docs
}
