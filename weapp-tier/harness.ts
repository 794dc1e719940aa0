// The tier's test API: launch the app at a route as an identity, then read and act like a user —
// find by text / class / placeholder, tap, type, pick, go back, answer WeChat's prompts — with the app
// settled after every step. `expectClean()` fails on any recorded error (unfaked API, page error,
// unhandled rejection, template warning, refused setData).
import { AppCore, type LaunchOptions } from './app'
import type { CloudRuntime } from './cloud'
import { dispatchOwn, dispatchTap, type EventSink } from './events'
import { byClass, byPlaceholder, byTag, byText, describeNode, textOf } from './query'
import type { Prompt } from './ui'
import type { VNode } from './view'

export type Target = string | RegExp | VNode

export class Weapp extends AppCore {
  private sink: EventSink = {
    owner: (node) => this.owner(node),
    json: (value) => this.realm.json(value),
    fail: (message) => this.fail(message),
    now: () => this.clock.now(),
  }

  get route(): string {
    return this.pages.top()?.route ?? ''
  }

  /** The page's rendered text, one line per text node. */
  text(): string {
    const root = this.tree()
    return root ? textOf(root) : ''
  }

  /** Nodes showing `text`: those whose whole text is exactly it when any, else those containing it. */
  byText(text: string | RegExp, within?: VNode): VNode[] {
    const found = byText(within ?? this.tree(), text)
    const exact = typeof text === 'string' ? found.filter((n) => textOf(n).replace(/\n/g, '') === text) : []
    return exact.length > 0 ? exact : found
  }

  /** The form field (class form-field) whose label is `label`. */
  field(label: string): VNode {
    const labels = this.byClass('form-field__label').filter((n) => textOf(n) === label)
    const field = labels.length === 1 ? ancestorWithClass(labels[0] as VNode, 'form-field') : undefined
    if (!field) throw new Error(`页面 ${this.route} 上没有（唯一的）表单项「${label}」。页面文字：\n${this.text()}`)
    return field
  }

  byClass(className: string): VNode[] {
    return byClass(this.tree(), className)
  }

  byPlaceholder(placeholder: string): VNode[] {
    return byPlaceholder(this.tree(), placeholder)
  }

  byTag(tag: string): VNode[] {
    return byTag(this.tree(), tag)
  }

  /** Exactly one node for a target (text or node); the page text is in the message when not found. */
  get(target: Target, within?: VNode): VNode {
    if (typeof target === 'object' && 'tag' in target) return target
    const found = this.byText(target, within)
    if (found.length === 0) throw new Error(`页面 ${this.route} 上没有「${String(target)}」。页面文字：\n${this.text()}\n错误：${this.errors.join('\n')}`)
    if (found.length > 1) throw new Error(`页面 ${this.route} 上「${String(target)}」有 ${found.length} 处：${found.map(describeNode).join(' | ')}`)
    return found[0] as VNode
  }

  async waitForText(text: string | RegExp): Promise<void> {
    await this.settle()
    const body = this.text().replace(/\n/g, '')
    const found = typeof text === 'string' ? body.includes(text) : text.test(this.text())
    if (!found) throw new Error(`页面 ${this.route} 没有出现「${String(text)}」。页面文字：\n${this.text()}\n错误：${this.errors.join('\n')}`)
  }

  async tap(target: Target, within?: VNode): Promise<void> {
    await this.settle()
    const node = this.get(target, within)
    if (node.attr.disabled === true) throw new Error(`「${describeNode(node)}」是禁用的，点不了`)
    this.ui.tapDepth++
    try {
      const delivered = dispatchTap(this.sink, node)
      if (delivered === 0) throw new Error(`「${describeNode(node)}」及其上层都没有绑定 tap`)
      const button = node.tag === 'wx-button' ? node : ancestor(node, 'wx-button')
      if (button && button.attr.openType === 'agreePrivacyAuthorization') {
        this.ui.agreeButtonId = String(button.attr.id ?? '')
        dispatchOwn(this.sink, button, 'agreeprivacyauthorization', {})
      }
    } finally {
      this.ui.tapDepth--
    }
    await this.settle()
  }

  /** Types into an input or textarea found by placeholder (or given), as bindinput then bindblur. */
  async input(target: string | VNode, value: string): Promise<void> {
    await this.settle()
    const node = typeof target === 'string' ? this.byPlaceholder(target)[0] : target
    if (!node) throw new Error(`页面 ${this.route} 上没有提示为「${String(target)}」的输入框`)
    const max = typeof node.attr.maxlength === 'number' && node.attr.maxlength >= 0 ? node.attr.maxlength : Infinity
    const typed = [...value].slice(0, max).join('')
    dispatchOwn(this.sink, node, 'input', { value: typed, cursor: typed.length, keyCode: 0 })
    dispatchOwn(this.sink, node, 'blur', { value: typed })
    await this.settle()
  }

  /** A picker's change: `value` is the index (selector mode) or the string (date / time modes). */
  async pick(target: Target, value: number | string): Promise<void> {
    await this.settle()
    const start = this.get(target)
    const picker = start.tag === 'wx-picker' ? start : ancestor(start, 'wx-picker')
    if (!picker) throw new Error(`「${describeNode(start)}」不在 picker 里`)
    dispatchOwn(this.sink, picker, 'change', { value })
    await this.settle()
  }

  async back(delta = 1): Promise<void> {
    await this.settle()
    const outcome = this.pages.navigateBack(delta)
    if (!outcome.ok) throw new Error(outcome.errMsg)
    await this.settle()
  }

  /** The pending WeChat prompt of a kind (showModal, scanCode, chooseMedia, requestSubscribeMessage, authorize, privacy). */
  async prompt(kind: string): Promise<Prompt> {
    await this.settle()
    const found = this.ui.prompts.find((p) => p.kind === kind)
    if (!found) throw new Error(`没有等待中的 ${kind}（有：${this.ui.prompts.map((p) => p.kind).join(', ') || '无'}）。页面文字：\n${this.text()}`)
    return found
  }

  async answer(kind: string, choice: unknown): Promise<void> {
    ;(await this.prompt(kind)).answer(choice)
    await this.settle()
  }

  /** Moves the fake clock forward (toasts' delays, countdowns) and lets the app catch up. */
  async tick(ms: number): Promise<void> {
    this.clock.tick(ms)
    await this.settle()
  }

  expectClean(): void {
    if (this.errors.length > 0) throw new Error(`weapp 测试层记录了 ${this.errors.length} 个错误：\n${this.errors.join('\n---\n')}`)
  }
}

function ancestorWithClass(node: VNode, className: string): VNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (String(p.attr.class ?? '').split(/\s+/).includes(className)) return p
  return undefined
}

function ancestor(node: VNode, tag: string): VNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.tag === tag) return p
  return undefined
}

/** A cold start of the app at `url` as an identity, settled. */
export async function launch(runtime: CloudRuntime, url: string, options: LaunchOptions): Promise<Weapp> {
  const app = new Weapp(runtime, options)
  app.boot(url)
  await app.settle()
  return app
}
