// Reading a rendered page: its text (what a resident sees, one line per text node), and finding nodes
// by text, class, placeholder or id. Nodes WeChat does not show (hidden attribute) are skipped.
import type { VNode } from './view'

export function isElement(child: VNode | string): child is VNode {
  return typeof child === 'object'
}

function visible(node: VNode): boolean {
  return node.attr.hidden !== true
}

/** Text of a subtree: strings joined, one line per text node. */
export function textOf(node: VNode): string {
  const lines: string[] = []
  const walk = (n: VNode) => {
    if (!visible(n)) return
    for (const child of n.children) {
      if (isElement(child)) walk(child)
      else if (child.trim() !== '') lines.push(child.trim())
    }
  }
  walk(node)
  return lines.join('\n')
}

export function all(root: VNode | undefined, match: (node: VNode) => boolean): VNode[] {
  const out: VNode[] = []
  const walk = (n: VNode) => {
    if (!visible(n)) return
    if (match(n)) out.push(n)
    for (const child of n.children) if (isElement(child)) walk(child)
  }
  if (root) walk(root)
  return out
}

/** The innermost nodes whose text contains `text` (a tap on them reaches their bound ancestors). */
export function byText(root: VNode | undefined, text: string | RegExp): VNode[] {
  const has = (n: VNode) => (typeof text === 'string' ? textOf(n).replace(/\n/g, '').includes(text) : text.test(textOf(n)))
  const found = all(root, (n) => n.tag !== 'virtual' && has(n))
  return found.filter((n) => !found.some((other) => other !== n && isAncestor(n, other)))
}

export function byClass(root: VNode | undefined, className: string): VNode[] {
  return all(root, (n) => String(n.attr.class ?? '').split(/\s+/).includes(className))
}

export function byPlaceholder(root: VNode | undefined, placeholder: string): VNode[] {
  return all(root, (n) => n.attr.placeholder === placeholder)
}

export function byTag(root: VNode | undefined, tag: string): VNode[] {
  return all(root, (n) => n.tag === `wx-${tag}`)
}

function isAncestor(ancestor: VNode, node: VNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true
  return false
}

export function describeNode(node: VNode): string {
  const cls = node.attr.class ? `.${String(node.attr.class).split(/\s+/).join('.')}` : ''
  return `<${node.tag.replace(/^wx-/, '')}${cls}> ${textOf(node).slice(0, 40)}`
}
