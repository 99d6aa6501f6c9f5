import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLNamedInputType,
} from 'graphql'

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) as plain data. */
export type JsonSchema = Record<string, unknown>

const INT32 = { minimum: -2147483648, maximum: 2147483647 }
/** a multipart file part; `format: binary` is what OpenAPI 3.0 tools still look for */
export const FILE_SCHEMA: JsonSchema = {
  type: 'string',
  format: 'binary',
  contentMediaType: 'application/octet-stream',
}

/** The GraphQL scalars' JSON forms (what src/rest/variables.ts accepts for each). */
const SCALARS: Record<string, JsonSchema> = {
  Int: { type: 'integer', ...INT32 },
  Float: { type: 'number' },
  String: { type: 'string' },
  Boolean: { type: 'boolean' },
  ID: { type: ['string', 'integer'] },
  DateTime: { type: 'string', format: 'date-time' },
  File: FILE_SCHEMA,
  JSON: {},
}

const nullable = (type: GraphQLInputType) => (isNonNullType(type) ? type.ofType : type)

/**
 * GraphQL input types → JSON Schemas; enums and input objects become named schemas (`components.schemas`), shared by
 * every route of a document and safe for recursive input types.
 */
export class SchemaBook {
  readonly schemas: Record<string, JsonSchema> = {}

  /** The schema of a value of `type` (null-ness is the holder's `required`); `maxItems`: the cap of a list. */
  of(type: GraphQLInputType, maxItems?: number): JsonSchema {
    const t = nullable(type)
    if (isListType(t)) {
      const items = this.of(t.ofType)
      return { type: 'array', items, ...(maxItems === undefined ? {} : { maxItems }) }
    }
    return this.named(t)
  }

  private named(type: GraphQLNamedInputType): JsonSchema {
    if (isScalarType(type)) {
      if (Object.hasOwn(SCALARS, type.name)) return { ...SCALARS[type.name] }
      return type.description ? { description: type.description } : {}
    }
    const ref = { $ref: `#/components/schemas/${type.name}` }
    if (Object.hasOwn(this.schemas, type.name)) return ref
    const described = type.description ? { description: type.description } : {}
    if (isEnumType(type)) {
      this.schemas[type.name] = { type: 'string', enum: type.getValues().map((v) => v.name), ...described }
      return ref
    }
    if (isInputObjectType(type)) {
      // set before the fields are read, so a type that contains itself refers to itself
      const schema: JsonSchema = { type: 'object', ...described }
      this.schemas[type.name] = schema
      const properties: Record<string, JsonSchema> = {}
      const required: string[] = []
      for (const field of Object.values(type.getFields())) {
        properties[field.name] = {
          ...this.of(field.type, field.extensions.maxItems),
          ...(field.description ? { description: field.description } : {}),
        }
        if (isNonNullType(field.type) && field.defaultValue === undefined) required.push(field.name)
      }
      // src/rest/variables.ts refuses a field the input type does not have
      Object.assign(schema, { properties, ...(required.length ? { required } : {}), additionalProperties: false })
      return ref
    }
    return {}
  }
}

/** The schema of a JSON value as it is: objects list their keys as required. */
export function schemaOfValue(value: unknown): JsonSchema {
  if (value === null) return { type: 'null' }
  if (Array.isArray(value)) return { type: 'array' }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
    return {
      type: 'object',
      properties: Object.fromEntries(entries.map(([k, v]) => [k, schemaOfValue(v)])),
      required: entries.map(([k]) => k),
    }
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' }
  if (typeof value === 'string' || typeof value === 'boolean') return { type: typeof value }
  return {}
}

/** One schema that both values fit: properties of either, required only where both have them. */
export function mergeObjectSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  if (a.type !== 'object' || b.type !== 'object') return JSON.stringify(a) === JSON.stringify(b) ? a : {}
  const pa = a.properties as Record<string, JsonSchema>
  const pb = b.properties as Record<string, JsonSchema>
  const properties: Record<string, JsonSchema> = {}
  for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const [inA, inB] = [Object.hasOwn(pa, key), Object.hasOwn(pb, key)]
    properties[key] = inA && inB ? mergeObjectSchemas(pa[key], pb[key]) : inA ? pa[key] : pb[key]
  }
  const both = new Set((b.required as string[] | undefined) ?? [])
  const required = ((a.required as string[] | undefined) ?? []).filter((k) => both.has(k))
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}
