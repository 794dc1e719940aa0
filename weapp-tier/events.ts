// Delivering user events as WeChat does: a tap goes to every ancestor (target first) bound with
// `bindtap`, stopping after the first `catchtap`; input, change and other component events go to the
// target's own binding only. Each binding calls the handler method on the node's owner (the page, or the
// custom component whose template made the node), with WeChat's event shape (target, currentTarget with
// id and dataset, detail), copied into the app's realm.
import type { VNode } from './view'

export type Owner = Record<string, unknown>

export interface EventSink {
  owner(node: VNode): Owner | undefined
  json<T>(value: T): T
  fail(message: string): void
  now(): number
}

function dataset(node: VNode): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node.attr)) {
    if (k.startsWith('data-')) out[k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v
  }
  return out
}

const targetOf = (node: VNode) => ({ id: String(node.attr.id ?? ''), dataset: dataset(node), offsetLeft: 0, offsetTop: 0 })

function invoke(sink: EventSink, node: VNode, handler: unknown, event: Record<string, unknown>): void {
  const owner = sink.owner(node)
  const method = owner && typeof handler === 'string' ? owner[handler] : undefined
  if (typeof method !== 'function') {
    sink.fail(`事件处理函数 ${String(handler)} 不存在（${node.tag}）`)
    return
  }
  try {
    method.call(owner, sink.json(event))
  } catch (error) {
    sink.fail(`事件 ${String(event.type)} 的处理出错：${String((error as Error)?.stack ?? error)}`)
  }
}

/** A tap on `target`; answers how many bindings received it. */
export function dispatchTap(sink: EventSink, target: VNode): number {
  let delivered = 0
  for (let node: VNode | undefined = target; node; node = node.parent) {
    const handler = node.attr.catchtap ?? node.attr.bindtap
    if (handler === undefined) continue
    invoke(sink, node, handler, {
      type: 'tap', timeStamp: sink.now(), target: targetOf(target), currentTarget: targetOf(node),
      detail: { x: 10, y: 10 }, touches: [], changedTouches: [], mark: {}, mut: false,
    })
    delivered++
    if (node.attr.catchtap !== undefined) break
  }
  return delivered
}

/** A component event (input, change, blur, agreeprivacyauthorization…) on the target only. */
export function dispatchOwn(sink: EventSink, target: VNode, type: string, detail: Record<string, unknown>): boolean {
  const handler = target.attr[`bind${type}`] ?? target.attr[`catch${type}`]
  if (handler === undefined) return false
  invoke(sink, target, handler, { type, timeStamp: sink.now(), target: targetOf(target), currentTarget: targetOf(target), detail, mark: {} })
  return true
}
