import fc from 'fast-check'
import {
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql'
import type { RestRoute } from '../../src/rest/route.js'
import { valueArb } from './graphql-gen.js'
import { anything, hinted } from './values.js'

/**
 * The request shape of a REST route, derived from the route itself (routes are data): its operation declares typed
 * variables, and running its `variables(body)` mapper on a recording body shows which body key feeds which variable.
 */
export interface BodyKey {
  /** path in the request body, e.g. ['user', 'nickname'] */
  path: string[]
  /** the GraphQL type the key ends up as; null when the mapper transforms it beyond recognition */
  type: GraphQLInputType | null
}

export interface RouteShape {
  route: RestRoute
  /** body keys the mapper reads */
  keys: BodyKey[]
  /** json-array routes (and mappers that pass the whole body on): the type of the body itself */
  whole: GraphQLInputType | null
  /** the operation's variables and their types */
  variables: Map<string, GraphQLInputType>
}

const MARK = '\u0001fz:'

export function shapeOf(route: RestRoute, schema: GraphQLSchema): RouteShape {
  const op = parse(route.operation).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!
  const variables = new Map<string, GraphQLInputType>()
  for (const def of op.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined
    if (type) variables.set(def.variable.name.value, type)
  }
  const shape: RouteShape = { route, keys: [], whole: null, variables }
  if (!route.variables) return shape
  if (route.body === 'json-array') {
    shape.whole = [...variables.values()][0] ?? null
    return shape
  }
  const reads = new Set<string>()
  const proxies = new WeakMap<object, string[]>()
  const root = recorder([], reads, proxies)
  let out: Record<string, unknown> = {}
  try {
    out = route.variables(root as Record<string, any>)
  } catch {
    /* a mapper that needs real values: fall back to the keys it read */
  }
  const typed = new Map<string, GraphQLInputType>()
  for (const [name, value] of Object.entries(out)) {
    const type = variables.get(name)
    if (!type) continue
    if (value === root) shape.whole = type
    walk(value, type, proxies, typed)
  }
  for (const key of reads) {
    // a key is a leaf when no other read key lies under it
    if ([...reads].some((k) => k.startsWith(`${key}.`))) continue
    shape.keys.push({ path: key.split('.'), type: typed.get(key) ?? null })
  }
  return shape
}

/** A body that records every key read from it; its leaves stringify to a marker naming their path. */
function recorder(path: string[], reads: Set<string>, proxies: WeakMap<object, string[]>): object {
  const mark = () => `${MARK}${path.join('.')}`
  const p = new Proxy(
    {},
    {
      get(_t, k) {
        if (k === Symbol.toPrimitive || k === 'toString' || k === 'valueOf') return mark
        if (typeof k === 'symbol' || k === 'then' || k === 'toJSON') return undefined
        const child = [...path, k]
        reads.add(child.join('.'))
        return recorder(child, reads, proxies)
      },
      has(_t, k) {
        if (typeof k === 'string') reads.add([...path, k].join('.'))
        return true
      },
      ownKeys: () => [],
    },
  )
  proxies.set(p, path)
  return p
}

/** Finds where the recorded leaves landed in the variables, and the GraphQL type at that place. */
function walk(
  value: unknown,
  type: GraphQLInputType,
  proxies: WeakMap<object, string[]>,
  typed: Map<string, GraphQLInputType>,
) {
  if (value && typeof value === 'object' && proxies.has(value)) {
    typed.set(proxies.get(value)!.join('.'), type)
    return
  }
  if (typeof value === 'string' && value.startsWith(MARK)) {
    typed.set(value.slice(MARK.length), type)
    return
  }
  const nullable = getNullableType<GraphQLInputType>(type)
  if (Array.isArray(value) && isListType(nullable)) {
    for (const v of value) walk(v, nullable.ofType, proxies, typed)
    return
  }
  if (value && typeof value === 'object' && isInputObjectType(nullable)) {
    const fields = nullable.getFields()
    for (const [k, v] of Object.entries(value)) if (k in fields) walk(v, fields[k].type, proxies, typed)
  }
}

/** Bodies in the documented shape: each key from its GraphQL type (or its name, when untyped), some keys left out. */
export function bodyArb(shape: RouteShape): fc.Arbitrary<unknown> {
  if (shape.whole) return valueArb(shape.whole, 'body')
  if (!shape.keys.length) return fc.constantFrom<unknown>({}, { x: 1 }, { id: 1 })
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const k of shape.keys) {
    const name = k.path[k.path.length - 1]
    model[k.path.join('.')] = k.type ? valueArb(k.type, name) : (hinted(name) ?? anything)
  }
  return fc.record(model, { requiredKeys: [] }).map((flat) => {
    const body: Record<string, unknown> = {}
    for (const [dotted, v] of Object.entries(flat)) {
      const parts = dotted.split('.')
      let at = body
      for (const p of parts.slice(0, -1)) {
        if (!at[p] || typeof at[p] !== 'object') at[p] = {}
        at = at[p] as Record<string, unknown>
      }
      at[parts[parts.length - 1]] = v
    }
    return body
  })
}
