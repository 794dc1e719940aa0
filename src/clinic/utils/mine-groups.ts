// 我的报名 in three groups by the slot's China date: 今天, 即将开始 (soonest first) and 已结束或已取消
// (latest first). A place checked in today stays under 今天 until the day is over.
import type { MySignup } from '@/contract'

export type MineGroupKey = 'today' | 'coming' | 'past'

export const MINE_GROUP_TITLES: Record<MineGroupKey, string> = {
  today: '今天',
  coming: '即将开始',
  past: '已结束或已取消',
}

export function mineGroupOf(signup: MySignup, today: string): MineGroupKey {
  const { slot, status } = signup
  if (!slot || status === 'cancelled' || status === 'no_show' || slot.date < today) return 'past'
  if (slot.date === today) return 'today'
  return slot.status === 'over' ? 'past' : 'coming'
}

const startOf = (signup: MySignup) => (signup.slot ? `${signup.slot.date} ${signup.slot.startTime}` : signup.createdAt)

export function groupMine(signups: MySignup[], today: string): Array<{ key: MineGroupKey; signups: MySignup[] }> {
  const groups: Record<MineGroupKey, MySignup[]> = { today: [], coming: [], past: [] }
  for (const signup of signups) groups[mineGroupOf(signup, today)].push(signup)
  groups.today.sort((a, b) => startOf(a).localeCompare(startOf(b)))
  groups.coming.sort((a, b) => startOf(a).localeCompare(startOf(b)))
  groups.past.sort((a, b) => startOf(b).localeCompare(startOf(a)))
  return (['today', 'coming', 'past'] as const).filter((key) => groups[key].length > 0).map((key) => ({ key, signups: groups[key] }))
}
