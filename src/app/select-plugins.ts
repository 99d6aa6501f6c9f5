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

/** What one set of enabled plugins makes: the parts every request of that set uses. */
export interface Composition {
  /** the core first, then the enabled plugins in dependency order */
  plugins: Plugin[]
  errors: ErrorRegistry
  schema: GraphQLSchema
  /** the pub/sub topics of the core and these plugins */
  topics: Set<string>
  /** the plugins' own HTTP paths (files …), checked not to overlap */
  httpRoutes: PluginHttpRoute[]
  /** the REST routes of the core and these plugins, replacements made (rest-routes.ts) */
  restRoutes: RestRoute[]
}

/** Everything the app takes from its plugins at start-up, settled before anything is opened. */
export interface PluginSelection extends Composition {
  /** each of `plugins` with its settings read, ready to start */
  configured: ConfiguredPlugin[]
}

/**
 * Enabled plugins (ordered by resolvePlugins) → their schema, error codes, topics, HTTP paths and REST routes. Refuses
 * two plugins on one HTTP path and a REST route replacing none.
 */
export function composePlugins(enabled: readonly Plugin[]): Composition {
  const plugins = [createCorePlugin(enabled), ...enabled]
  const errors = createErrorRegistry(plugins.map((p) => p.errors))
  const schema = buildSchema(plugins)
  const topics = new Set<string>([...CORE_TOPICS, ...plugins.flatMap((p) => p.topics)])
  const httpRoutes = plugins.flatMap((p) => p.http)
  for (const [i, h] of httpRoutes.entries()) {
    if (httpRoutes.some((o, j) => j !== i && (o.prefix.startsWith(h.prefix) || h.prefix.startsWith(o.prefix))))
      throw new Error(`two plugins serve HTTP paths under ${h.prefix}`)
  }
  const restRoutes = restRoutesOf(plugins)
  return { plugins, errors, schema, topics, httpRoutes, restRoutes }
}

/**
 * PLUGINS → the enabled plugins, their settings and composition. Every refusal (a bad selection, a bad plugin setting,
 * two plugins on one HTTP path, a REST route replacing none) happens here, before a database or socket is opened.
 */
export function selectPlugins(available: readonly Plugin[], config: Config): PluginSelection {
  const composition = composePlugins(resolvePlugins([...available], config.plugins))
  const configured = composition.plugins.map((p) => p.configure(config.env))
  return { ...composition, configured }
}
