import {
  Kind,
  TypeInfo,
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql'
import type { RestRoute } from '../route.js'
import { FILE_SCHEMA, SchemaBook, type JsonSchema } from './json-schema.js'
import { NO_VARIABLES, probeMapper, type BodyKind, type BodyMapper, type Mark, type Probe } from './probe.js'

/** A field of a route's input (body, query or path), as its mapping functions and operation show it. */
export interface InputField {
  name: string
  schema: JsonSchema
  required: boolean
  /** typed from the route's `fields` declaration alone, which the probe could not confirm */
  declared?: true
}

/** What a route reads from a request. */
export interface RouteInput {
  /** top-level fields, in the order the route reads them */
  fields: InputField[]
  /** the body as a whole is one variable's value (its schema), as with `variables: (b) => ({ settings: b })` */
  whole?: JsonSchema
  /** a list body's item schema (`json-array` routes) */
  items?: JsonSchema
}

interface VariableInfo {
  type: GraphQLInputType
  hasDefault: boolean
  /** the cap of the list argument or input field it feeds (the smallest, when it feeds several) */
  maxItems?: number
}

/** The operation's variables: their types in the schema and the list caps of what they feed. */
function variablesOf(schema: GraphQLSchema, document: DocumentNode): Map<string, VariableInfo> {
  const out = new Map<string, VariableInfo>()
  for (const def of getOperationAST(document)?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined
    if (type) out.set(def.variable.name.value, { type, hasDefault: def.defaultValue !== undefined })
  }
  const cap = (variable: string, maxItems: number | undefined) => {
    const info = out.get(variable)
    if (info && maxItems !== undefined) info.maxItems = Math.min(info.maxItems ?? Infinity, maxItems)
  }
  const info = new TypeInfo(schema)
  visit(
    document,
    visitWithTypeInfo(info, {
      Argument(node) {
        if (node.value.kind === Kind.VARIABLE) cap(node.value.name.value, info.getArgument()?.extensions.maxItems)
      },
      ObjectField(node) {
        if (node.value.kind !== Kind.VARIABLE) return
        const parent = info.getParentInputType()
        const field = parent && isInputObjectType(parent) ? parent.getFields()[node.name.value] : undefined
        cap(node.value.name.value, field?.extensions.maxItems)
      },
    }),
  )
  return out
}

/** Where a stand-in value ended up among the variables. */
interface Placement {
  mark: Mark
  type?: GraphQLInputType
  /** non-null all the way from the variable (or from the list item it is in) */
  required: boolean
  maxItems?: number
  /** the variable and the path inside it */
  path: (string | number)[]
}

const MAX_DEPTH = 8

function placements(
  variables: Record<string, unknown>,
  vars: Map<string, VariableInfo>,
  probe: Probe,
  pageBy?: string,
) {
  const out: Placement[] = []
  const walk = (
    value: unknown,
    type: GraphQLInputType | undefined,
    path: (string | number)[],
    required: boolean,
    maxItems: number | undefined,
  ) => {
    const mark = probe.marks.get(value)
    if (mark) {
      out.push({ mark, type, required, maxItems, path })
      return
    }
    if (path.length > MAX_DEPTH || value === null || typeof value !== 'object' || value instanceof File) return
    const t = type && isNonNullType(type) ? type.ofType : type
    if (Array.isArray(value)) {
      const item = t && isListType(t) ? t.ofType : undefined
      // an item is there by definition: what it requires is relative to it
      for (const [i, v] of value.slice(0, 3).entries())
        walk(v, item, [...path, i], !!item && isNonNullType(item), undefined)
      return
    }
    const fields = t && isInputObjectType(t) ? t.getFields() : {}
    for (const [key, v] of Object.entries(value)) {
      const f = Object.hasOwn(fields, key) ? fields[key] : undefined
      const needed = required && !!f && isNonNullType(f.type) && f.defaultValue === undefined
      walk(v, f?.type, [...path, key], needed, f?.extensions.maxItems)
    }
  }
  for (const [name, value] of Object.entries(variables)) {
    const info = vars.get(name)
    // a paged list takes any number of items (the engine runs it in pages)
    const maxItems = name === pageBy ? undefined : info?.maxItems
    walk(value, info?.type, [name], !!info && isNonNullType(info.type) && !info.hasDefault, maxItems)
  }
  return out
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let at = root
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string | number, unknown>)[key]
  }
  return at
}

const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

/** Fields, whole-body and item schemas of one mapping function against one operation. */
function readMapper(
  map: BodyMapper,
  kind: BodyKind,
  operation: string,
  route: RestRoute,
  schema: GraphQLSchema,
  book: SchemaBook,
): RouteInput {
  const vars = variablesOf(schema, parse(operation))
  const probe = probeMapper(map, kind)
  const placed = probe.marked ? placements(probe.marked, vars, probe, route.pageBy) : []
  const schemaOf = (p: Placement): JsonSchema => (p.type ? book.of(p.type, p.maxItems) : {})
  const declared = route.fields ?? {}

  const fields = new Map<string, InputField>()
  const add = (name: string, field: Omit<InputField, 'name'>) => {
    const seen = fields.get(name)
    // the first typed reading wins; a field that is required anywhere is required
    if (!seen || (Object.keys(seen.schema).length === 0 && Object.keys(field.schema).length > 0))
      fields.set(name, { name, ...field, required: field.required || !!seen?.required })
    else if (field.required) seen.required = true
  }
  for (const name of probe.fields) add(name, { schema: {}, required: false })
  const items = new Map<string, InputField>()
  let whole: JsonSchema | undefined
  let itemSchema: JsonSchema | undefined
  for (const p of placed) {
    const variable = String(p.path[0])
    if (p.mark.kind === 'field') {
      // the field left out: a value the mapping puts in its place is its default; a refusal makes it required
      const alone = probe.without(p.mark.name)
      const fallback = alone ? valueAt(alone, p.path) : undefined
      const hasDefault = fallback !== undefined && fallback !== null
      add(p.mark.name, {
        schema: { ...schemaOf(p), ...(hasDefault && isPrimitive(fallback) ? { default: fallback } : {}) },
        required: alone === null || (alone !== NO_VARIABLES && p.required && !hasDefault),
      })
    } else if (p.mark.kind === 'item-field') {
      if (!items.has(p.mark.name))
        items.set(p.mark.name, { name: p.mark.name, schema: schemaOf(p), required: p.required })
    } else if (p.mark.kind === 'body') whole ??= schemaOf(p)
    else if (p.mark.kind === 'item') itemSchema ??= schemaOf(p)
    else {
      // file parts: the engine takes every file part whatever its name; `fields` names the one the route documents
      const fallback = p.mark.kind === 'files' ? { type: 'array', items: FILE_SCHEMA } : FILE_SCHEMA
      const last = [...p.path].reverse().find((k) => typeof k === 'string') ?? variable
      add(declared[variable] ?? last, { schema: p.type ? schemaOf(p) : { ...fallback }, required: p.required })
    }
  }
  // a variable the route says a field feeds (`fields: { channelId: 'id' }`), where the probe could not follow it; ''
  // names the body itself and `a.b` a field inside one (placed by nest below)
  for (const [variable, name] of Object.entries(declared)) {
    const info = vars.get(variable)
    const known = fields.get(name)?.schema
    if (info && name && !name.includes('[') && !known?.type && !known?.$ref)
      add(name, {
        schema: book.of(info.type, info.maxItems),
        required: fields.get(name)?.required ?? false,
        declared: true,
      })
  }
  if (kind === 'json-array' && !itemSchema && items.size) {
    const list = [...items.values()]
    const required = list.filter((f) => f.required).map((f) => f.name)
    itemSchema = {
      type: 'object',
      properties: Object.fromEntries(list.map((f) => [f.name, f.schema])),
      ...(required.length ? { required } : {}),
    }
  }
  return { fields: nest([...fields.values()]), whole, items: itemSchema }
}

/** `a.b` fields (a route's `fields` naming a field inside an object) go into their object's properties. */
function nest(fields: InputField[]): InputField[] {
  const top = fields.filter((f) => !f.name.includes('.'))
  for (const f of fields.filter((x) => x.name.includes('.'))) {
    const [head, ...rest] = f.name.split('.')
    const parent = top.find((t) => t.name === head)
    if (!parent || parent.schema.$ref || (parent.schema.type && parent.schema.type !== 'object')) continue
    const properties = (parent.schema.properties as Record<string, JsonSchema> | undefined) ?? {}
    const inner = nest([{ ...f, name: rest.join('.') }]).at(0)
    if (!inner) continue
    properties[inner.name] = inner.schema
    const required = [
      ...((parent.schema.required as string[] | undefined) ?? []),
      ...(inner.required ? [inner.name] : []),
    ]
    parent.schema = { ...parent.schema, type: 'object', properties, ...(required.length ? { required } : {}) }
  }
  return top
}

/** Anything at all: every property and call gives itself (a lookup's `result` run for the keys it returns). */
const anything: unknown = new Proxy(() => undefined, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : anything),
  apply: () => anything,
})

/** The fields a lookup adds to the body (its `result`'s keys): the route's, not the client's. */
function lookupAdds(lookup: NonNullable<RestRoute['lookup']>): string[] {
  try {
    const out = lookup.result(anything, {})
    return Object.getPrototypeOf(out) === Object.prototype ? Object.keys(out) : []
  } catch {
    return []
  }
}

/**
 * A route's input: its `variables` mapping against its operation, and its `lookup` mapping (if any) against the
 * lookup's operation, joined by field name.
 */
export function routeInput(route: RestRoute, schema: GraphQLSchema, book: SchemaBook): RouteInput {
  const kind: BodyKind = route.body ?? 'json'
  const main: RouteInput = route.variables
    ? readMapper((b) => route.variables?.(b) ?? {}, kind, route.operation, route, schema, book)
    : { fields: [] }
  const lookup = route.lookup
  if (!lookup || kind === 'json-array') return main
  const added = new Set(lookupAdds(lookup))
  const extra = readMapper(
    (b) => (Array.isArray(b) ? null : lookup.variables(b)),
    kind,
    lookup.operation,
    { ...route, fields: lookup.fields },
    schema,
    book,
  )
  const fields = main.fields.filter((f) => !added.has(f.name))
  for (const f of extra.fields) {
    const i = fields.findIndex((m) => m.name === f.name)
    if (i < 0) fields.push(f)
    else if (Object.keys(fields[i].schema).length === 0 || (fields[i].declared && !f.declared))
      fields[i] = { ...f, required: f.required || fields[i].required }
  }
  return { ...main, fields }
}
