import { lexicographicSortSchema, type GraphQLSchema } from 'graphql'
import { createBuilder } from './builder.js'
import { addScalars } from './scalars.js'
import type { Plugin } from '../plugins/contract.js'

/** The core plus the enabled plugins (already ordered by `requires`) → one executable schema. */
export function buildSchema(plugins: Plugin[]): GraphQLSchema {
  const builder = createBuilder()
  addScalars(builder)
  for (const p of plugins) p.schema?.(builder)
  return builder.toSchema({ sortSchema: false })
}

export const sortedSchema = (schema: GraphQLSchema) => lexicographicSortSchema(schema)
