import { Kind, print, visit, type DocumentNode, type ValueNode } from 'graphql'
import { AppError } from '../errors.js'
import type { RestBody, RestRoute } from './route.js'

/**
 * Where a route's operation takes its values from, so that an input error — which names a GraphQL variable, an
 * argument (`users(databaseIds: $ids)` → "databaseIds: …") or an input field the service checked (`login`) — can name
 * the body field the client sent instead.
 */
export interface Bindings {
  variables: ReadonlySet<string>
  /** argument name → its value in the operation; left out when two arguments of that name hold different values */
  args: ReadonlyMap<string, ValueNode>
  /** input object field name → the variable it is set from, where the operation sets every such field from one */
  inputFields: ReadonlyMap<string, string>
}

export function bindingsOf(document: DocumentNode): Bindings {
  const variables = new Set<string>()
  const args = new Map<string, ValueNode | null>()
  const inputFields = new Map<string, string | null>()
  visit(document, {
    VariableDefinition(node) {
      variables.add(node.variable.name.value)
    },
    Argument(node) {
      const seen = args.get(node.name.value)
      args.set(node.name.value, seen === undefined || (seen && print(seen) === print(node.value)) ? node.value : null)
    },
    ObjectField(node) {
      const v = node.value.kind === Kind.VARIABLE ? node.value.name.value : null
      const seen = inputFields.get(node.name.value)
      inputFields.set(node.name.value, seen === undefined || seen === v ? v : null)
    },
  })
  const known = <T>(m: Map<string, T | null>) => new Map([...m].filter((e): e is [string, T] => e[1] !== null))
  return { variables, args: known(args), inputFields: known(inputFields) }
}

const HEAD = /^[^.[]+/
const SEGMENT = /\.([^.[]+)|\[(\d+)\]/y

/** The variable a GraphQL path (`input.login`, `databaseIds[3]`) reads through the operation's literals, and the rest. */
function variableBehind(b: Bindings, path: string): { variable: string; rest: string } | null {
  const head = HEAD.exec(path)?.[0]
  if (!head) return null
  let at = head.length
  let node: ValueNode | undefined = b.args.get(head)
  if (!node) {
    const bound = b.inputFields.get(head)
    return bound ? { variable: bound, rest: path.slice(at) } : null
  }
  for (;;) {
    if (node.kind === Kind.VARIABLE) return { variable: node.name.value, rest: path.slice(at) }
    SEGMENT.lastIndex = at
    const m = SEGMENT.exec(path)
    if (!m) return null
    const next = inside(node, m[1], m[2])
    if (!next) return null
    node = next
    at = SEGMENT.lastIndex
  }
}

/** The value at `.name` of an object literal or `[index]` of a list literal. */
function inside(node: ValueNode, name: string | undefined, index: string | undefined): ValueNode | undefined {
  if (node.kind === Kind.OBJECT)
    return name === undefined ? undefined : node.fields.find((f) => f.name.value === name)?.value
  if (node.kind === Kind.LIST) return index === undefined ? undefined : node.values[Number(index)]
  return undefined
}

/**
 * GraphQL path → the body path it came from: the route's own `fields` entry, a variable's body field, or the variable
 * behind an argument or input field; anything else is left as it is.
 */
export function bodyNamer(route: RestRoute, bindings: Bindings, body: RestBody, variables: Record<string, unknown>) {
  const field = variableField(route, body, variables)
  // '' for the body itself (a bare list's items are `[0]…`): the caller names it
  const join = (head: string, rest: string) => (head + rest).replace(/^\./, '')
  return (path: string): string => {
    const head = HEAD.exec(path)?.[0]
    if (!head) return path
    const rest = path.slice(head.length)
    if (route.fields?.[head] !== undefined || bindings.variables.has(head)) return join(field(head), rest)
    const behind = variableBehind(bindings, path)
    return behind ? join(field(behind.variable), behind.rest) : join(field(head), rest)
  }
}

/**
 * The body field a variable name came from: the route's own `fields` entry, else the same name when the body has it,
 * else the one body field holding that very value (`{ ids: b.channels }` → channels), else the name. A bare-list body
 * (peka2 `[{…}, {…}]`) has no name: the one variable that lists its items is named by position alone (`[0].level`).
 */
function variableField(route: RestRoute, body: RestBody, variables: Record<string, unknown>) {
  return (name: string): string => {
    const declared = route.fields?.[name]
    if (declared !== undefined) return declared
    if (Array.isArray(body)) {
      const lists = Object.keys(variables).filter(
        (k) => Array.isArray(variables[k]) && (variables[k] as unknown[]).length === body.length,
      )
      return lists.length === 1 && lists[0] === name ? '' : name
    }
    if (Object.hasOwn(body, name)) return name
    const value = variables[name]
    if (value === undefined || value === null) return name
    const same = Object.keys(body).filter((k) => body[k] === value)
    return same.length === 1 ? same[0] : name
  }
}

/** An input error whose field (`phones[3]`, `input.nickname`) is a GraphQL path, renamed to the body field. */
export function renameField(err: AppError, field: string, name: (graphqlPath: string) => string): AppError {
  const renamed = name(field) || 'body'
  if (renamed === field) return err
  const message = err.message.startsWith(`${field}:`) ? renamed + err.message.slice(field.length) : err.message
  return new AppError(err.code, message, { ...err.extensions, field: renamed })
}
