import SchemaBuilder, { BasePlugin, type PothosInputFieldConfig, type SchemaTypes } from '@pothos/core'
import {
  BREAK,
  TypeInfo,
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import { AppError, invalid } from '../errors.js'

/**
 * Input bounds every operation gets, whatever plugin defined the field:
 * - every list argument and list field of an input object carries a cap (`extensions.maxItems`, 100 unless the field
 *   sets its own), enforced before execution for literal and variable values alike;
 * - no string anywhere in the input may hold a NUL character (PostgreSQL refuses it in text and jsonb);
 * - input values nest at most MAX_INPUT_DEPTH levels (deeper JSON would overflow the stack of whatever walks it).
 */
export const DEFAULT_MAX_ITEMS = 100
export const MAX_INPUT_DEPTH = 32

declare module 'graphql' {
  interface GraphQLArgumentExtensions {
    /** the most items a list argument accepts */
    maxItems?: number
  }
  interface GraphQLInputFieldExtensions {
    /** the most items a list field of an input object accepts */
    maxItems?: number
  }
}

/** Gives every list argument and input field without a cap of its own the default one. */
export class InputBoundsPothosPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    if (fieldConfig.type.kind !== 'List' || typeof fieldConfig.extensions?.maxItems === 'number') return fieldConfig
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, maxItems: DEFAULT_MAX_ITEMS } }
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos declares its plugin types in this namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputBounds: InputBoundsPothosPlugin<Types>
    }
  }
}

export const inputBoundsPluginName = 'inputBounds' as const
SchemaBuilder.registerPlugin(inputBoundsPluginName, InputBoundsPothosPlugin)

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type)

/** Every list argument (of fields and directives) and every list input field of the schema, with its cap. */
export function listInputs(schema: GraphQLSchema): { coordinate: string; maxItems: unknown }[] {
  const out: { coordinate: string; maxItems: unknown }[] = []
  const add = (coordinate: string, def: GraphQLArgument | GraphQLInputField) => {
    if (isList(def.type)) out.push({ coordinate, maxItems: def.extensions.maxItems })
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name}:)`, arg)
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field)
    }
  }
  for (const directive of schema.getDirectives())
    for (const arg of directive.args) add(`@${directive.name}(${arg.name}:)`, arg)
  return out
}

/** Refuses a schema with an uncapped list input: a field built outside the builder would otherwise slip through. */
export function assertListCaps(schema: GraphQLSchema) {
  const uncapped = listInputs(schema).filter((l) => !(Number.isInteger(l.maxItems) && (l.maxItems as number) > 0))
  if (uncapped.length)
    throw new Error(`list inputs without extensions.maxItems: ${uncapped.map((l) => l.coordinate).join(', ')}`)
}

type Path = (string | number)[]

/** `input.items[2].name`: how errors name a place in an argument. */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

const NUL = '\u0000'
/** the rule a NUL character breaks, as error messages state it */
export const NO_NUL = 'must not contain NUL (\\u0000) characters'
const noNul = (path: Path) => invalid(formatPath(path), NO_NUL)
const tooDeep = (path: Path) => invalid(formatPath(path), `must not nest deeper than ${MAX_INPUT_DEPTH} levels`)

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/**
 * Where a JSON-like value breaks the bounds: a string or key with a NUL character, or nesting deeper than `maxDepth`.
 * Iterative, so a 100,000-level document cannot overflow the stack while it is being checked. Only plain objects and
 * arrays are entered (a File stays opaque).
 */
export function jsonProblem(
  value: unknown,
  maxDepth = MAX_INPUT_DEPTH,
  at: Path = [],
): { kind: 'nul' | 'depth'; path: Path } | null {
  const stack: { v: unknown; path: Path }[] = [{ v: value, path: at }]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { v, path } = top
    if (typeof v === 'string') {
      if (v.includes(NUL)) return { kind: 'nul', path }
      continue
    }
    const array = Array.isArray(v)
    if (!array && !isPlainObject(v)) continue
    if (path.length - at.length >= maxDepth) return { kind: 'depth', path }
    if (array) (v as unknown[]).forEach((item, i) => stack.push({ v: item, path: [...path, i] }))
    else
      for (const [k, item] of Object.entries(v)) {
        if (k.includes(NUL)) return { kind: 'nul', path }
        stack.push({ v: item, path: [...path, k] })
      }
  }
  return null
}

const capOf = (def: GraphQLArgument | GraphQLInputField) => def.extensions.maxItems ?? DEFAULT_MAX_ITEMS

/** Checks one argument value (variables already substituted) against its type: list caps, NUL characters, depth. */
function checkValue(value: unknown, type: GraphQLInputType, path: Path, maxItems: number, depth: number): void {
  if (value === null || value === undefined) return
  if (depth > MAX_INPUT_DEPTH) throw tooDeep(path)
  if (isNonNullType(type)) {
    checkValue(value, type.ofType, path, maxItems, depth)
    return
  }
  if (isListType(type)) {
    // a single value where a list is expected is coerced to a list of one
    if (!Array.isArray(value)) {
      checkValue(value, type.ofType, path, maxItems, depth + 1)
      return
    }
    if (value.length > maxItems) throw invalid(formatPath(path), `at most ${maxItems} items`)
    value.forEach((item, i) => checkValue(item, type.ofType, [...path, i], maxItems, depth + 1))
    return
  }
  if (isInputObjectType(type)) {
    // anything but an object is refused by graphql-js' own coercion
    if (!isPlainObject(value)) return
    for (const field of Object.values(type.getFields()))
      checkValue(value[field.name], field.type, [...path, field.name], capOf(field), depth + 1)
    return
  }
  // scalars and enums; a JSON scalar may hold a whole document
  const problem = jsonProblem(value, MAX_INPUT_DEPTH - depth, path)
  if (problem) throw problem.kind === 'nul' ? noNul(problem.path) : tooDeep(problem.path)
}

/** One argument of an operation: its definition, its value as written, and whether that names variables. */
interface PlannedArgument {
  def: GraphQLArgument
  value: ValueNode
  /** true for a literal that passed when the plan was made (its verdict never changes); others are checked per request */
  passed: boolean
}

const hasVariables = (node: ValueNode): boolean => {
  let found = false
  visit(node, {
    Variable() {
      found = true
      return BREAK
    },
  })
  return found
}

/** The arguments of the operation in document order (TypeInfo resolves which definition each one is). */
function planOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  const typeInfo = new TypeInfo(schema)
  const plan: PlannedArgument[] = []
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Argument(node) {
        const def = typeInfo.getArgument()
        if (!def) return false
        plan.push({ def, value: node.value, passed: !hasVariables(node.value) && !checkArgument(def, node.value, {}) })
        return false
      },
    }),
  )
  return plan
}

function checkArgument(def: GraphQLArgument, value: ValueNode, vars: Record<string, unknown>): AppError | null {
  try {
    checkValue(valueFromASTUntyped(value, vars), def.type, [def.name], capOf(def), 0)
    return null
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    return e
  }
}

/** Plans by schema, document (Yoga's parse cache hands out one object per text) and operation. */
const plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<OperationDefinitionNode, PlannedArgument[]>>>()

function planOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  let byDocument = plans.get(schema)
  if (!byDocument) plans.set(schema, (byDocument = new WeakMap()))
  let byOperation = byDocument.get(document)
  if (!byOperation) byDocument.set(document, (byOperation = new Map<OperationDefinitionNode, PlannedArgument[]>()))
  let plan = byOperation.get(operation)
  if (!plan) byOperation.set(operation, (plan = planOperation(schema, document, operation)))
  return plan
}

/**
 * The first argument of the operation that breaks the input bounds, as INVALID_INPUT naming the argument (and the place
 * inside it); null when every argument is fine. Variables are the raw ones the client sent. The walk of the document
 * is made once per document; a request only checks the arguments that take variables
 * (and literals that failed, each time anew: an error object is not shared between requests).
 */
export function checkOperationInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): AppError | null {
  const operation = getOperationAST(document, operationName)
  if (!operation) return null
  const vars = variables ?? {}
  for (const arg of planOf(schema, document, operation)) {
    const error = arg.passed ? null : checkArgument(arg.def, arg.value, vars)
    if (error) return error
  }
  return null
}

/** Enforces the input bounds before execution: over HTTP, graphql-ws and the REST shim alike. */
export function inputBounds(): YogaPlugin {
  // envelop types the arguments as `any`: they are graphql-js' own
  const check = ({ schema, document, operationName, variableValues }: ExecutionArgs) =>
    checkOperationInput(schema, document, operationName, variableValues)
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args)
      if (error) setResultAndStopExecution({ errors: [error] })
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args)
      if (error) setResultAndStopExecution({ errors: [error] })
    },
  }
}
