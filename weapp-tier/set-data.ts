// WeChat's setData: keys are data paths ('root.cn[0].v', 'a.b'), values cross to the view layer as a JSON
// copy, and a call whose payload is over 1 MB is refused. Every call is counted (calls and bytes) for
// the bench and for tests that hold pages to small updates.

export const SET_DATA_LIMIT = 1024 * 1024

export interface SetDataStats {
  calls: number
  bytes: number
}

/** 'root.cn[0].cn[12].v' → ['root', 'cn', 0, 'cn', 12, 'v'] */
export function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = []
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) throw new Error(`setData 的数据路径不合法：${path}`)
    if (m[1]) out.push(m[1])
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]))
  }
  return out
}

function assign(target: Record<string | number, unknown>, path: Array<string | number>, value: unknown): void {
  let node: Record<string | number, unknown> = target
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value
      return
    }
    const next = node[key]
    if (typeof next !== 'object' || next === null) node[key] = typeof path[i + 1] === 'number' ? [] : {}
    node = node[key] as Record<string | number, unknown>
  })
}

/** Applies a setData payload to `data`; answers its size in bytes, or throws when WeChat would refuse it. */
export function applySetData(data: Record<string, unknown>, patch: unknown): number {
  if (typeof patch !== 'object' || patch === null) throw new Error('setData 的参数必须是对象')
  const json = JSON.stringify(patch)
  const bytes = Buffer.byteLength(json, 'utf8')
  if (bytes > SET_DATA_LIMIT) throw new Error(`setData 数据传输长度为 ${Math.round(bytes / 1024)} KB，超过微信的上限 1024 KB：请只传变化的部分`)
  const copy = JSON.parse(json) as Record<string, unknown>
  for (const [key, value] of Object.entries(copy)) assign(data, parsePath(key), value)
  return bytes
}
