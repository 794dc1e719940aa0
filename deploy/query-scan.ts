// Reads the cloud functions' sources (server/) with the TypeScript compiler and lists what the database
// sees from them: every collection named in a `.collection(...)` call and every query — the fields of
// its `where`/`match` filter and of its `orderBy`/`sort` — with the collection it runs on. The deploy
// test derives the indexes production needs from this list, so a new query without an index fails it.
// Chains are followed through local variables and small helper functions (`const slots = (db) =>
// db.collection(...)`); a filter whose fields the compiler cannot name is reported as unresolved.
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'

export interface ScannedQuery {
  collection: string
  /** Filter fields compared for equality (plain values). */
  equal: string[]
  /** Filter fields under an operator (`_.gt`, `_.in`, `_.exists`...). */
  operator: string[]
  /** Sort fields in order. */
  sort: string[]
  /** `_id` is matched by value or `_.in` list: the query is a key lookup. */
  byId: boolean
  at: string
}

/** A filter built at run time (a variable of type Record<string, unknown>, `_.and([...])`, computed keys). */
export interface Unresolved {
  file: string
  collection: string
  at: string
  text: string
}

export interface ScanResult {
  collections: Map<string, string[]>
  queries: ScannedQuery[]
  unresolved: Unresolved[]
}

const FILTERS = new Set(['where', 'match'])
const SORTS = new Set(['orderBy', 'sort'])
const QUERY_STEPS = new Set(['where', 'match', 'orderBy', 'sort', 'field', 'project', 'limit', 'skip', 'aggregate', 'count', 'get', 'update', 'remove', 'group', 'end'])

interface Step {
  name: string
  call: ts.CallExpression
}

export function scanServer(root: string): ScanResult {
  const configPath = join(root, 'tsconfig.server.json')
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p))
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath))
  const serverDir = join(root, 'server')
  const files = parsed.fileNames.filter((f) => f.startsWith(serverDir + '/') && !f.includes('/__tests__/'))
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true })
  const checker = program.getTypeChecker()
  const result: ScanResult = { collections: new Map(), queries: [], unresolved: [] }
  const seen = new Set<string>()

  const where = (node: ts.Node) => {
    const source = node.getSourceFile()
    const { line } = source.getLineAndCharacterOfPosition(node.getStart())
    return `${relative(root, source.fileName)}:${line + 1}`
  }
  const unresolved = (node: ts.Node, collection: string, text: string) =>
    result.unresolved.push({ file: relative(root, node.getSourceFile().fileName), collection, at: where(node), text: text.replace(/\s+/g, ' ').slice(0, 100) })

  const literal = (expr: ts.Expression): string | null => {
    const type = checker.getTypeAtLocation(expr)
    return type.isStringLiteral() ? type.value : null
  }

  /** The calls of a chain from its root outwards, and the root expression the chain starts on. */
  const flatten = (expr: ts.Expression): { root: ts.Expression; steps: Step[] } => {
    const steps: Step[] = []
    let current: ts.Expression = expr
    while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      const name = current.expression.name.text
      if (name === 'collection') break
      steps.unshift({ name, call: current })
      current = current.expression.expression
    }
    while (ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression
    return { root: current, steps }
  }

  /** The collection a chain root stands for, and the steps already applied on the way there. */
  const resolveRoot = (root: ts.Expression, depth = 0): { collection: string; steps: Step[] } | null => {
    if (depth > 6) return null
    if (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression) && root.expression.name.text === 'collection') {
      const arg = root.arguments[0]
      const name = arg ? literal(arg) : null
      return name ? { collection: name, steps: [] } : null
    }
    const declarationOf = (node: ts.Expression) => {
      const symbol = checker.getSymbolAtLocation(node)
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
      return target?.valueDeclaration ?? target?.declarations?.[0]
    }
    const fromExpression = (expr: ts.Expression) => {
      const inner = flatten(expr)
      const resolved = resolveRoot(inner.root, depth + 1)
      return resolved ? { collection: resolved.collection, steps: [...resolved.steps, ...inner.steps] } : null
    }
    if (ts.isIdentifier(root)) {
      const decl = declarationOf(root)
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return fromExpression(decl.initializer)
      return null
    }
    if (ts.isCallExpression(root)) {
      const decl = declarationOf(root.expression)
      const fn = decl && ts.isVariableDeclaration(decl) ? decl.initializer : decl
      if (fn && (ts.isArrowFunction(fn) || ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.body) {
        if (!ts.isBlock(fn.body)) return fromExpression(fn.body)
        const ret = fn.body.statements.find(ts.isReturnStatement)
        return ret?.expression ? fromExpression(ret.expression) : null
      }
    }
    return null
  }

  const isCommand = (type: ts.Type) => {
    const name = (type.aliasSymbol ?? type.getSymbol())?.getName() ?? ''
    return /Command|Operator/.test(name) || type.getProperties().some((p) => p.getName() === '_internalType' || p.getName() === 'operator')
  }

  const idIsLookup = (arg: ts.Expression, type: ts.Type): boolean => {
    const prop = type.getProperty('_id')
    if (!prop) return false
    if (ts.isObjectLiteralExpression(arg)) {
      const init = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === '_id')?.initializer
      if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression)) return ['in', 'eq'].includes(init.expression.name.text)
    }
    return !isCommand(checker.getTypeOfSymbolAtLocation(prop, arg))
  }

  const record = (collection: string, steps: Step[], node: ts.Node) => {
    if (!steps.some((s) => FILTERS.has(s.name) || SORTS.has(s.name))) return
    if (!steps.every((s) => QUERY_STEPS.has(s.name) || s.name === 'lookup' || s.name === 'unwind' || s.name === 'replaceRoot' || s.name === 'addFields')) return
    const query: ScannedQuery = { collection, equal: [], operator: [], sort: [], byId: false, at: where(node) }
    const before = result.unresolved.length
    for (const step of steps) {
      const arg = step.call.arguments[0]
      if (!arg) continue
      if (FILTERS.has(step.name)) {
        const type = checker.getTypeAtLocation(arg)
        const openSpread = ts.isObjectLiteralExpression(arg) &&
          arg.properties.some((p) => ts.isSpreadAssignment(p) && checker.getTypeAtLocation(p.expression).getStringIndexType() !== undefined)
        if (!type.isUnion() && idIsLookup(arg, type)) {
          query.byId = true
          continue
        }
        if (type.isUnion() || openSpread) {
          unresolved(step.call, collection, `${step.name}(${arg.getText()})`)
          continue
        }
        if (type.getStringIndexType() || type.isUnion() || !(type.flags & ts.TypeFlags.Object) || isCommand(type)) {
          unresolved(step.call, collection, `${step.name}(${arg.getText()})`)
          continue
        }
        for (const prop of type.getProperties()) {
          const name = prop.getName()
          if (name === '_id') continue
          const fieldType = checker.getTypeOfSymbolAtLocation(prop, arg)
          ;(isCommand(fieldType) ? query.operator : query.equal).push(name)
        }
      } else if (step.name === 'orderBy') {
        const field = literal(arg)
        if (field) query.sort.push(field)
        else unresolved(step.call, collection, `orderBy(${arg.getText()})`)
      } else if (step.name === 'sort') {
        for (const prop of checker.getTypeAtLocation(arg).getProperties()) query.sort.push(prop.getName())
      }
    }
    if (result.unresolved.length > before) return
    const key = JSON.stringify([query.collection, query.equal, query.operator, query.sort, query.byId, query.at])
    if (!seen.has(key)) {
      seen.add(key)
      result.queries.push(query)
    }
  }

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text
      if (name === 'collection') {
        const arg = node.arguments[0]
        const collection = arg ? literal(arg) : null
        if (collection) result.collections.set(collection, [...(result.collections.get(collection) ?? []), where(node)])
        else unresolved(node, '?', `collection(${arg?.getText() ?? ''})`)
      }
      const outermost = !(ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent))
      if (outermost) {
        const chain = flatten(node)
        if (chain.steps.some((s) => FILTERS.has(s.name) || SORTS.has(s.name))) {
          const resolved = resolveRoot(chain.root)
          if (resolved) record(resolved.collection, [...resolved.steps, ...chain.steps], node)
          else if (!checker.isArrayType(checker.getTypeAtLocation(chain.root)) && chain.steps.every((s) => QUERY_STEPS.has(s.name) || s.name === 'unwind')) {
            unresolved(node, '?', node.getText())
          }
        }
      }
    }
    ts.forEachChild(node, visit)
  }

  for (const file of files) {
    const source = program.getSourceFile(file)
    if (source) visit(source)
  }
  return result
}
