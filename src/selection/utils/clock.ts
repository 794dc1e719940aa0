// China wall-clock text for the organiser's pages: vote-watch windows aligned to whole buckets (so every
// bucket starts on a whole minute and a voiding range typed in minutes covers exactly one bucket),
// and the void form's 'YYYY-MM-DD HH:mm' read back (its text and labels come from src/utils/time).
import { chinaIso, fromWallClock } from '@/utils/time'

const MINUTE_MS = 60_000

/** The bucket sizes the organiser can pick, each with the period it looks back over (≤ 96 bars). */
export const WATCH_SPANS = [
  { minutes: 5, hours: 6, label: '5 分钟 · 近 6 小时' },
  { minutes: 15, hours: 24, label: '15 分钟 · 近 24 小时' },
  { minutes: 60, hours: 72, label: '60 分钟 · 近 3 天' },
] as const

/** From the start of the bucket `hours` back to the end of the bucket now falls in, as ISO +08:00. */
export function watchWindow(minutes: number, hours: number, now: number): { from: string; to: string } {
  const size = minutes * MINUTE_MS
  const to = Math.ceil((now + 1) / size) * size
  const from = to - Math.ceil((hours * 60) / minutes) * size
  return { from: chinaIso(from), to: chinaIso(to) }
}

export function addMinutes(iso: string, minutes: number): string {
  return chinaIso(Date.parse(iso) + minutes * MINUTE_MS)
}

/** 2022-06-25 09:05 (China clock) → ISO +08:00, or null when it is not such a time. */
export function parseWallClock(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!m) return null
  return fromWallClock(m[1] ?? '', `${(m[2] ?? '').padStart(2, '0')}:${m[3] ?? ''}`)
}
