// How the learn pages print durations and prices.

/** 900 → 15分钟, 75 → 1分15秒 */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = Math.round(seconds % 60)
  if (m === 0) return `${s}秒`
  return s === 0 ? `${m}分钟` : `${m}分${s}秒`
}

/** 398 → ¥398, 0 → 免费 */
export function formatPrice(yuan: number): string {
  return yuan === 0 ? '免费' : `¥${yuan}`
}
