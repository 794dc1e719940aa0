// The view layer: WeChat's own WXML compiler (`wcc -d`, from miniprogram-compiler) turns every .wxml and
// .wxs of dist/ into `$gwx`, the render function WeChat's view layer runs. It runs here in its own `vm`
// realm and yields the virtual tree of a page for its data: Taro's base.wxml template recursion and
// utils.wxs run for real. Custom components (Taro's `comp`) are rendered with their own template and
// become the owners of the event bindings inside them.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, relative } from 'node:path'
import vm from 'node:vm'

export interface VNode {
  tag: string
  attr: Record<string, unknown>
  children: Array<VNode | string>
  parent?: VNode
  /** Who receives this node's event bindings: the page, or the custom component whose template made it. */
  owner: string
}

interface RawNode {
  tag: string
  attr?: Record<string, unknown>
  children?: Array<RawNode | string | number>
}

type Render = (data: unknown, dd: unknown, global: unknown) => RawNode

function wccBinary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weapp-tier-wcc-'))
  const source = join(require.resolve('miniprogram-compiler/package.json'), '..', 'bin', 'linux', 'wcc')
  copyFileSync(source, join(dir, 'wcc'))
  chmodSync(join(dir, 'wcc'), 0o755)
  return join(dir, 'wcc')
}

function templateFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.wxml') || name.endsWith('.wxs')) out.push(relative(root, path))
    }
  }
  walk(root)
  return out.sort()
}

/** Compiles a weapp build's templates; throws with wcc's own message when one does not compile. */
export function compileTemplates(dist: string): string {
  const result = spawnSync(wccBinary(), ['-d', ...templateFiles(dist), '-gn', '$gwx'], { cwd: dist, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`wcc 编译模板失败：${result.stderr || result.stdout}`)
  return result.stdout
}

export class ViewLayer {
  private context: vm.Context
  private warnings: string[] = []
  private components = new Map<string, Record<string, string>>()

  constructor(private dist: string, compiled: string = compileTemplates(dist)) {
    const warn = (...args: unknown[]) => this.warnings.push(args.map(String).join(' '))
    this.context = vm.createContext({ console: { warn, log: warn, error: warn } })
    vm.runInContext('var window = this; var __WXML_GLOBAL__; var $gwx;', this.context)
    vm.runInContext(compiled, this.context, { filename: 'wcc-output.js' })
  }

  /** usingComponents of a page or component json, as tag → dist-relative path without extension. */
  private usingComponents(path: string): Record<string, string> {
    let found = this.components.get(path)
    if (!found) {
      found = {}
      const json = join(this.dist, `${path}.json`)
      if (existsSync(json)) {
        const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {}
        for (const [tag, target] of Object.entries(using)) found[tag] = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(path), target))
      }
      this.components.set(path, found)
    }
    return found
  }

  /** Custom components a page uses (dist-relative paths), including those its components use. */
  componentsOf(path: string): string[] {
    const out: string[] = []
    const visit = (p: string) => {
      for (const target of Object.values(this.usingComponents(p))) {
        if (out.includes(target)) continue
        out.push(target)
        visit(target)
      }
    }
    visit(path)
    return out
  }

  private renderRaw(path: string, data: unknown): RawNode {
    const gen = (this.context.$gwx as (p: string) => Render | undefined)(`${path}.wxml`)
    if (typeof gen !== 'function') throw new Error(`没有 ${path}.wxml 的渲染函数（wcc 的输出里没有这个模板）`)
    const copy = (vm.runInContext('JSON.parse', this.context) as (s: string) => unknown)(JSON.stringify(data))
    return gen(copy, {}, {})
  }

  /** Renders a page (or component) template with its data; answers the tree and the template warnings. */
  render(path: string, data: unknown, owner = 'page'): { root: VNode; warnings: string[] } {
    this.warnings = []
    const root = this.adopt(this.renderRaw(path, data), path, owner, undefined)
    return { root, warnings: this.warnings.slice() }
  }

  private adopt(raw: RawNode, path: string, owner: string, parent: VNode | undefined): VNode {
    const node: VNode = { tag: raw.tag, attr: raw.attr ?? {}, children: [], parent, owner }
    const name = raw.tag.replace(/^wx-/, '')
    const component = parent ? this.usingComponents(path)[name] : undefined
    if (component) {
      const props: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(node.attr)) if (!/^(bind|catch|data-)/.test(k)) props[k] = v
      const inner = this.renderRaw(component, props)
      for (const child of inner.children ?? []) node.children.push(typeof child === 'object' ? this.adopt(child, component, `${component}#${String((props.i as { sid?: string } | undefined)?.sid ?? '')}`, node) : String(child))
      node.attr = { ...node.attr, __component: component, __props: props }
      return node
    }
    for (const child of raw.children ?? []) node.children.push(typeof child === 'object' ? this.adopt(child, path, owner, node) : String(child))
    return node
  }
}
