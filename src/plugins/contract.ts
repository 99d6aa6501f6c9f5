import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Builder } from '../schema/builder.js'
import type { Db } from '../db/client.js'
import type { RestRoute } from '../rest/route.js'
import type { TopicName } from '../pubsub/topics.js'
import type { Services } from '../services.js'

export interface PluginSeedContext {
  prisma: Db
  services: Services
}

/**
 * A plain HTTP handler for paths that are neither GraphQL nor a REST dialect (uploaded files …). The server dispatches
 * every request whose path starts with `prefix` to it, before GraphQL and without the API rate limit.
 */
export interface PluginHttpRoute {
  /** starts and ends with "/", e.g. "/uploads/smiles/" */
  prefix: string
  handle(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void>
}

export interface Plugin {
  name: string
  /** other plugins that must be enabled (core is always on) */
  requires?: string[]
  /** adds types, fields, subscriptions to the one builder */
  schema?: (builder: Builder) => void
  rest?: RestRoute[]
  /** plain HTTP handlers by path prefix (serving uploaded files) */
  http?: PluginHttpRoute[]
  /** pub/sub topics this plugin publishes or subscribes to; others are refused at run time */
  topics?: TopicName[]
  /** called once at start-up, after migrations: long-lived state (timers, caches) */
  start?: (services: Services) => void | Promise<void>
  stop?: (services: Services) => void | Promise<void>
  /** demo data for `npm start` on an empty database */
  seed?: (ctx: PluginSeedContext) => Promise<void>
}

/** A plugin is a value: the core imports it, nothing happens on import. */
export function definePlugin(plugin: Plugin): Plugin {
  if (!/^[a-z][a-z0-9-]*$/.test(plugin.name)) throw new Error(`plugin name "${plugin.name}" must be lower-case letters, digits and -`)
  for (const h of plugin.http ?? []) {
    if (!/^\/[\w.-]+\/([\w.-]+\/)*$/.test(h.prefix)) throw new Error(`plugin ${plugin.name}: HTTP prefix "${h.prefix}" must start and end with /`)
  }
  return plugin
}
