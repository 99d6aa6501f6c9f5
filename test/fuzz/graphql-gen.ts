import fc from 'fast-check'
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql'
import {
  anyInt,
  anyJson,
  anyString,
  globalId,
  hinted,
  isoDate,
  jsonOf,
  knownId,
  knownUserId,
  wrongType,
} from './values.js'

/** `arb` once in `oneIn` cases, null otherwise (fc.option's freq is the other way round). */
export const rarely = <T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: oneIn - 1 }, { arbitrary: arb, weight: 1 })

/**
 * Argument values from GraphQL input types: mostly valid-ish (so resolvers run), plus boundaries, wrong types, huge
 * lists, nulls where nothing may be null, unknown input fields and missing required ones.
 */
export function valueArb(type: GraphQLInputType, hint: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { arbitrary: valueArb(type.ofType, hint, depth), weight: 15 },
      { arbitrary: fc.constant(null), weight: 1 },
    )
  }
  const inner = nullableArb(type, hint, depth)
  return fc.oneof({ arbitrary: inner, weight: 8 }, { arbitrary: fc.constant(null), weight: 1 })
}

function nullableArb(type: GraphQLInputType, hint: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constantFrom<unknown>(null, {}, [])
  if (isListType(type)) {
    const elem = valueArb(type.ofType, hint, depth + 1)
    return fc.oneof(
      { arbitrary: fc.array(elem, { maxLength: 5 }), weight: 10 },
      { arbitrary: elem, weight: 1 }, // a single value where a list is expected: GraphQL coerces it
      {
        arbitrary: elem.filter((v) => (jsonOf(v)?.length ?? 0) < 64).map((v) => Array.from({ length: 5000 }, () => v)),
        weight: 1,
      },
      { arbitrary: wrongType, weight: 1 },
    )
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name)
    return fc.oneof(
      { arbitrary: fc.constantFrom(...values), weight: 10 },
      { arbitrary: fc.constantFrom(...values).map((v) => v.toLowerCase()), weight: 1 },
      { arbitrary: anyString, weight: 1 },
      { arbitrary: anyInt, weight: 1 },
    )
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
    const model: Record<string, fc.Arbitrary<unknown>> = {}
    for (const f of fields) model[f.name] = valueArb(f.type, f.name, depth + 1)
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name)
    const record = fc.record(model, { requiredKeys: required })
    const shaped = fc
      .tuple(
        record,
        rarely(fc.constantFrom(...(required.length ? required : ['x'])), 8),
        rarely(fc.tuple(fc.constantFrom('unknownField', '__proto__', 'constructor', ''), anyJson), 8),
      )
      .map(([obj, drop, extra]) => {
        const out: Record<string, unknown> = { ...obj }
        if (drop !== null) Reflect.deleteProperty(out, drop)
        if (extra)
          Object.defineProperty(out, extra[0], {
            value: extra[1],
            enumerable: true,
            writable: true,
            configurable: true,
          })
        return out
      })
    return fc.oneof({ arbitrary: shaped, weight: 12 }, { arbitrary: wrongType, weight: 1 })
  }
  if (isScalarType(type)) return scalarArb(type.name, hint)
  return fc.anything()
}

function scalarArb(name: string, hint: string): fc.Arbitrary<unknown> {
  const wrong = { arbitrary: wrongType, weight: 1 }
  switch (name) {
    case 'Int':
    case 'Float': {
      const ids = /user|accused|actor|target/i.test(hint) ? knownUserId : knownId
      return fc.oneof(
        { arbitrary: anyInt, weight: 6 },
        { arbitrary: ids, weight: 3 },
        { arbitrary: fc.stringMatching(/^-?\d{1,12}$/), weight: 1 },
        wrong,
      )
    }
    case 'Boolean':
      return fc.oneof({ arbitrary: fc.boolean(), weight: 8 }, wrong)
    case 'ID':
      return fc.oneof({ arbitrary: globalId, weight: 8 }, { arbitrary: anyInt, weight: 1 }, wrong)
    case 'DateTime':
      return fc.oneof({ arbitrary: isoDate, weight: 8 }, { arbitrary: anyString, weight: 1 }, wrong)
    case 'JSON':
      if (hint === 'value') return fc.oneof(fc.boolean(), anyInt, fc.constantFrom(0, 1, 100, 101, -1), anyJson)
      if (hint === 'data')
        return fc.oneof(
          { arbitrary: fc.record({ messageId: knownId }, { requiredKeys: [] }), weight: 3 },
          { arbitrary: anyJson, weight: 2 },
        )
      return anyJson
    case 'File':
      return fc.oneof(anyString, wrongType, fc.constant({ name: 'x.png', size: 10 }))
    case 'String':
      return fc.oneof({ arbitrary: hinted(hint) ?? anyString, weight: 6 }, { arbitrary: anyString, weight: 2 }, wrong)
    default:
      return fc.oneof(anyString, anyJson)
  }
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/

/** A JS value as a GraphQL literal for a position of `type` (enum values bare, everything else as JSON-like syntax). */
export function printLiteral(value: unknown, type: GraphQLInputType | null): string {
  const nullable = type ? getNullableType<GraphQLInputType>(type) : null
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') {
    if (nullable && isEnumType(nullable) && NAME.test(value) && !['true', 'false', 'null'].includes(value)) return value
    return JSON.stringify(value)
  }
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '0' : String(value)) : 'null'
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const elem = nullable && isListType(nullable) ? nullable.ofType : null
    return `[${value.map((v) => printLiteral(v, elem)).join(', ')}]`
  }
  if (typeof value === 'object') {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : {}
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => NAME.test(k))
      .map(([k, v]) => `${k}: ${printLiteral(v, k in fields ? fields[k].type : null)}`)
    return `{${parts.join(', ')}}`
  }
  // a bigint or a symbol has no JSON form of its own; a function none at all
  if (typeof value === 'bigint' || typeof value === 'symbol') return JSON.stringify(value.toString())
  return 'null'
}

/** A selection for a field's type: leaves, and objects a few levels down (no field that needs arguments). */
export function selectionFor(type: GraphQLOutputType, depth = 0, budget = { fields: 40 }): string {
  const named = getNamedType(type)
  if (isLeafType(named)) return ''
  if (isUnionType(named)) return '{ __typename }'
  const parts = ['__typename']
  if (isObjectType(named) || isInterfaceType(named)) {
    for (const f of Object.values(named.getFields())) {
      if (budget.fields <= 0) break
      if (f.args.some(isRequiredArgument) || f.deprecationReason) continue
      const fNamed = getNamedType(f.type)
      if (isLeafType(fNamed)) {
        parts.push(f.name)
        budget.fields--
      } else if (depth < 2) {
        budget.fields--
        parts.push(`${f.name} ${selectionFor(f.type, depth + 1, budget)}`)
      }
    }
  }
  return `{ ${parts.join(' ')} }`
}

export interface FieldCase {
  /** `Query.user`, `Mutation.login` … */
  target: string
  mode: 'variables' | 'literal'
  query: string
  variables?: Record<string, unknown>
}

type Root = 'query' | 'mutation' | 'subscription'

/** Cases for one root field: argument values from their types, sent as variables or inlined as literals. */
export function fieldCaseArb(
  root: Root,
  field: GraphQLField<unknown, unknown>,
  selection: string,
): fc.Arbitrary<FieldCase> {
  const typeName = root === 'query' ? 'Query' : root === 'mutation' ? 'Mutation' : 'Subscription'
  const args = field.args
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const a of args) model[a.name] = valueArb(a.type, a.name)
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name)
  const values = args.length ? fc.record(model, { requiredKeys: required }) : fc.constant({})
  return fc
    .tuple(
      values,
      fc.constantFrom<'variables' | 'literal'>('variables', 'literal'),
      rarely(fc.constantFrom(...(required.length ? required : ['-'])), 12),
    )
    .map(([vals, mode, drop]) => {
      const present = args.filter((a) => a.name in vals && a.name !== drop)
      return build(root, typeName, field.name, present, vals, mode, selection)
    })
}

function build(
  root: Root,
  typeName: string,
  name: string,
  present: GraphQLArgument[],
  vals: Record<string, unknown>,
  mode: 'variables' | 'literal',
  selection: string,
): FieldCase {
  if (mode === 'literal') {
    const argText = present.map((a) => `${a.name}: ${printLiteral(vals[a.name], a.type)}`).join(', ')
    return {
      target: `${typeName}.${name}`,
      mode,
      query: `${root} Fz { ${name}${argText ? `(${argText})` : ''} ${selection} }`,
    }
  }
  const defs = present.map((a, i) => `$v${i}: ${String(a.type)}`).join(', ')
  const argText = present.map((a, i) => `${a.name}: $v${i}`).join(', ')
  const variables = Object.fromEntries(present.map((a, i) => [`v${i}`, vals[a.name]]))
  return {
    target: `${typeName}.${name}`,
    mode,
    query: `${root} Fz${defs ? `(${defs})` : ''} { ${name}${argText ? `(${argText})` : ''} ${selection} }`,
    variables,
  }
}

/** Every root field of the schema with its selection, in a stable order. */
export function rootFields(schema: GraphQLSchema) {
  const out: { root: Root; field: GraphQLField<unknown, unknown>; selection: string; target: string }[] = []
  const roots: [Root, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ]
  for (const [root, type] of roots) {
    if (!type) continue
    for (const field of Object.values(type.getFields()).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ root, field, selection: selectionFor(field.type), target: `${type.name}.${field.name}` })
    }
  }
  return out
}
