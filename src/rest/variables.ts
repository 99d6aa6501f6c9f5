import {
  getOperationAST,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql'
import { AppError } from '../errors.js'
import { formatPath } from '../schema/input-bounds.js'

/** What a REST client is told a value of each scalar must be (instead of graphql-js' coercion messages). */
const RULES: Record<string, string> = {
  Int: 'must be an integer between -2147483648 and 2147483647',
  Float: 'must be a finite number',
  String: 'must be a string',
  Boolean: 'must be true or false',
  ID: 'must be a string or an integer',
  DateTime: 'must be a valid date and time',
  File: 'must be a file',
}

type Path = (string | number)[]
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

function problem(value: unknown, type: GraphQLInputType, path: Path): { path: Path; rule: string } | null {
  if (value === undefined || value === null) return isNonNullType(type) ? { path, rule: 'is required' } : null
  if (isNonNullType(type)) return problem(value, type.ofType, path)
  if (isListType(type)) {
    if (!Array.isArray(value)) return problem(value, type.ofType, path)
    for (const [i, item] of value.entries()) {
      const p = problem(item, type.ofType, [...path, i])
      if (p) return p
    }
    return null
  }
  if (isInputObjectType(type)) {
    if (!isPlainObject(value)) return { path, rule: 'must be an object' }
    const fields = type.getFields()
    for (const key of Object.keys(value))
      if (!Object.hasOwn(fields, key)) return { path: [...path, key], rule: 'is not a known field' }
    for (const field of Object.values(fields)) {
      const v = value[field.name]
      if (v === undefined && field.defaultValue !== undefined) continue
      const p = problem(v, field.type, [...path, field.name])
      if (p) return p
    }
    return null
  }
  if (isEnumType(type)) {
    return typeof value === 'string' && type.getValue(value)
      ? null
      : {
          path,
          rule: `must be one of ${type
            .getValues()
            .map((v) => v.name)
            .join(', ')}`,
        }
  }
  if (isScalarType(type)) {
    let parsed: unknown
    try {
      parsed = type.parseValue(value)
    } catch {
      parsed = undefined
    }
    return parsed === undefined ? { path, rule: RULES[type.name] ?? `is not a valid ${type.name}` } : null
  }
  return null
}

/**
 * Checks a REST route's variables against its operation's variable types before execution, so that a bad value is
 * answered as `field: rule` ("from: must be an integer between …") rather than with graphql-js' coercion message,
 * which names the GraphQL variable and echoes the value. `name` turns a variable name into the body field it came from.
 */
export function checkVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  name: (variable: string) => string,
) {
  const operation = getOperationAST(document)
  for (const def of operation?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined
    const variable = def.variable.name.value
    const value = variables[variable]
    if (!type || (value === undefined && def.defaultValue)) continue
    const p = problem(value, type, [variable])
    if (p) {
      const field = (name(variable) + formatPath(['', ...p.path.slice(1)])).replace(/^\./, '') || 'body'
      throw new AppError('INVALID_INPUT', `${field}: ${p.rule}`, { field })
    }
  }
}
