import { GraphQLError, Kind } from 'graphql'
import type { Builder } from './builder.js'

function toDate(value: unknown): Date {
  const d =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null
  if (!d || Number.isNaN(d.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 date-time string')
  // PostgreSQL's timestamps end long before JavaScript's dates (year -271821): years 1–9999 only, as in ISO 8601
  const year = d.getUTCFullYear()
  if (year < 1 || year > 9999) throw new GraphQLError('DateTime must be between the years 1 and 9999')
  return d
}

/** Accepts Date objects and ISO strings on output, because payloads that crossed Redis carry strings. */
export function addScalars(builder: Builder) {
  builder.scalarType('DateTime', {
    description: 'An ISO 8601 date-time string in UTC',
    serialize: (v) => toDate(v).toISOString(),
    parseValue: (v) => toDate(v),
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string')
      return toDate(ast.value)
    },
  })
  builder.scalarType('JSON', {
    description: 'Arbitrary JSON value',
    serialize: (v) => v,
    parseValue: (v) => v,
  })
}
