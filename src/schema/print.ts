import { printSchema } from 'graphql'
import { buildSchema, sortedSchema } from './build.js'
import { createCorePlugin } from '../core/index.js'
import { resolvePlugins } from '../plugin-system/registry.js'
import type { Plugin } from '../plugin-system/contract.js'

/** The SDL of the schema with every one of `available` on (every shipped plugin: schema.graphql as committed). */
export function printFullSchema(available: readonly Plugin[]): string {
  const enabled = resolvePlugins([...available], 'all')
  return printSchema(sortedSchema(buildSchema([createCorePlugin(enabled), ...enabled]))) + '\n'
}
