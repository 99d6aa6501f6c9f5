import { printSchema } from 'graphql'
import { buildSchema, sortedSchema } from './build.js'
import { createCorePlugin } from '../core/index.js'
import { resolvePlugins } from '../plugins/registry.js'
import { ALL_PLUGINS } from '../../plugins/index.js'

/** The SDL of the schema with every plugin on, as committed in schema.graphql. */
export function printFullSchema(): string {
  const enabled = resolvePlugins(ALL_PLUGINS, 'all')
  return printSchema(sortedSchema(buildSchema([createCorePlugin(enabled), ...enabled]))) + '\n'
}
