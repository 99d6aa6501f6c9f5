import type { GraphQLSchema } from 'graphql'
import type { Config } from '../config.js'
import { createCorePlugin } from '../core/index.js'
import { createErrorRegistry, type ErrorRegistry } from '../errors.js'
import type { ConfiguredPlugin, Plugin, PluginHttpRoute } from '../plugin-system/contract.js'
import type { RestRoute } from '../rest/route.js'
import { restRoutesOf } from './rest-routes.js'
import { resolvePlugins } from '../plugin-system/registry.js'
import { CORE_TOPICS } from '../pubsub/topics.js'
import { buildSchema } from '../schema/build.js'

/** Everything the app takes from its plugins, settled before anything is opened. */
export interface PluginSelection {
  /** the core first, then the enabled plugins in dependency order */
  plugins: Plugin[]
  /** each of `plugins` with its settings read, ready to start */
  configured: ConfiguredPlugin[]
  errors: ErrorRegistry
  schema: GraphQLSchema
  /** every pub/sub topic the app may use: the core's and the enabled plugins' */
  topics: Set<string>
  /** the plugins' own HTTP paths (files …), checked not to overlap */
  httpRoutes: PluginHttpRoute[]
  /** the REST routes of the core and the enabled plugins, replacements made (rest-routes.ts) */
  restRoutes: RestRoute[]
}

/**
 * PLUGINS → the enabled plugins, their settings, error codes, schema, topics, HTTP paths and REST routes. Every refusal
 * (a bad selection, a bad plugin setting, two plugins on one HTTP path, a REST route replacing none) happens here, before a database or socket is opened.
 */
export function selectPlugins(available: readonly Plugin[], config: Config): PluginSelection {
  const enabled = resolvePlugins([...available], config.plugins)
  const plugins = [createCorePlugin(enabled), ...enabled]
  const configured = plugins.map((p) => p.configure(config.env))
  const errors = createErrorRegistry(plugins.map((p) => p.errors))
  const schema = buildSchema(plugins)
  const topics = new Set<string>([...CORE_TOPICS, ...plugins.flatMap((p) => p.topics)])
  const httpRoutes = plugins.flatMap((p) => p.http)
  for (const [i, h] of httpRoutes.entries()) {
    if (httpRoutes.some((o, j) => j !== i && (o.prefix.startsWith(h.prefix) || h.prefix.startsWith(o.prefix))))
      throw new Error(`two plugins serve HTTP paths under ${h.prefix}`)
  }
  const restRoutes = restRoutesOf(plugins)
  return { plugins, configured, errors, schema, topics, httpRoutes, restRoutes }
}
