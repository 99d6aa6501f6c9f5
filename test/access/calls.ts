import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isRequiredArgument,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql'
import { UPLOAD, type GqlAnswer } from './requests.js'
import type { Actual, Vars } from './rules.js'

/** Calls built from the schema: argument values from their types, the call text, and the outcome read back. */

/**
 * A value GraphQL accepts for a type, as small as can be: numbers name nothing that exists (2,000,000,000), strings
 * are short words, lists hold one item, input objects their required fields. Access is decided before such values
 * are looked at; where a rule is decided on a real object, the table gives the argument.
 */
export function minimalValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type)
  if (isListType(inner)) return [minimalValue(inner.ofType)]
  if (isEnumType(inner)) return inner.getValues()[0].name
  if (isInputObjectType(inner)) {
    const out: Vars = {}
    for (const f of Object.values(inner.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = minimalValue(f.type)
    return out
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return 2_000_000_000
      case 'Float':
        return 1
      case 'Boolean':
        return false
      case 'ID':
        return 'access-matrix'
      case 'DateTime':
        return new Date(Date.now() + 3_600_000).toISOString()
      case 'JSON':
        return {}
      case 'File':
        return UPLOAD
      default:
        return 'access-matrix'
    }
  }
  throw new Error(`no minimal value for ${String(type)}`)
}

/** The arguments a field is called with: the table's, then every other required one from its type. */
export function argumentsFor(args: readonly GraphQLArgument[], given: Vars): Vars {
  const out: Vars = {}
  for (const a of args) {
    if (Object.hasOwn(given, a.name)) out[a.name] = given[a.name]
    else if (isRequiredArgument(a)) out[a.name] = minimalValue(a.type)
  }
  const unknown = Object.keys(given).filter((k) => !args.some((a) => a.name === k))
  if (unknown.length) throw new Error(`the table gives arguments the field does not take: ${unknown.join(', ')}`)
  return out
}

/** `name(a: $a …)` with its variable definitions, for the arguments given. */
export function callText(
  field: GraphQLField<unknown, unknown>,
  values: Vars,
  prefix = '',
): { call: string; defs: string[]; variables: Vars } {
  const used = field.args.filter((a) => Object.hasOwn(values, a.name))
  const defs = used.map((a) => `$${prefix}${a.name}: ${String(a.type)}`)
  const variables = Object.fromEntries(used.map((a) => [`${prefix}${a.name}`, values[a.name]]))
  const list = used.map((a) => `${a.name}: $${prefix}${a.name}`).join(', ')
  return { call: `${field.name}${list ? `(${list})` : ''}`, defs, variables }
}

/** The smallest selection of a field's result: nothing for a scalar, `__typename` for any object, union or interface. */
export const selectionOf = (type: GraphQLOutputType) => (isCompositeType(getNamedType(type)) ? ' { __typename }' : '')

/** What a GraphQL answer says about the field at `at` (its alias path). */
export function readOutcome(r: GqlAnswer, at: (string | number)[]): Actual {
  // no data and no error at a path: refused before execution (validation, variables)
  if (r.data === undefined && !r.errors?.some((e) => e.path))
    return { outcome: 'not executed', detail: JSON.stringify(r.errors ?? r).slice(0, 300) }
  const mine = (r.errors ?? []).find((e) => e.path && at.every((p, i) => e.path![i] === p))
  if (mine) return { outcome: mine.extensions?.code ?? 'no code', detail: mine.message }
  let v: unknown = r.data
  for (const p of at) v = v == null ? v : (v as Record<string | number, unknown>)[p]
  return v == null ? { outcome: 'null', detail: 'null' } : { outcome: 'value', detail: JSON.stringify(v).slice(0, 120) }
}
