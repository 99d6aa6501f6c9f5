import { lexicographicSortSchema, type GraphQLSchema } from 'graphql'
import { createBuilder } from './builder.js'
import { addScalars } from './scalars.js'
import { addNodeQueries } from './nodes.js'
import { assertListCaps } from './input-bounds.js'
import type { Plugin } from '../plugin-system/contract.js'

/** The core plus the enabled plugins (already ordered by `requires`) → one executable schema. */
export function buildSchema(plugins: Plugin[]): GraphQLSchema {
  const builder = createBuilder()
  addScalars(builder)
  addNodeQueries(builder)
  for (const p of plugins) p.schema?.(builder)
  const schema = builder.toSchema({ sortSchema: false })
  // every list input is capped (input-bounds.ts); one built around the builder fails the boot, not production
  assertListCaps(schema)
  return schema
}

export const sortedSchema = (schema: GraphQLSchema) => lexicographicSortSchema(schema)
