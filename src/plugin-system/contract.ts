import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Builder } from '../schema/builder.js'
import type { Db } from '../db/client.js'
import type { RestRoute, UserObjectPart } from '../rest/route.js'
import type { SocketEvent, SocketStream } from '../sockets/events.js'
import type { TopicName } from '../pubsub/topics.js'
import type { Services } from '../services.js'
import type { Env } from '../config.js'
import type { ErrorTable } from '../errors.js'
import type { SettingsSection } from '../core/settings/sections.js'
import type { ContentKind } from '../core/social/kinds.js'
import type { ApiName, ApiRegistry, PluginApis } from './apis.js'
import { PluginError } from './errors.js'

export interface PluginSeedContext {
  prisma: Db
  services: Services
}

/**
 * A plain HTTP handler for paths that are neither GraphQL nor a REST dialect (uploaded files …). The server dispatches
 * every request whose path starts with `prefix` to it, before GraphQL and without the API rate limit.
 */
export interface PluginHttpRoute {
  /** starts and ends with "/", e.g. "/uploads/images/" */
  prefix: string
  handle(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void>
}

/** The API a plugin named N offers (its entry in PluginApis), or nothing. */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- `start` of a plugin without an API returns void
export type ApiOf<N extends string> = N extends ApiName ? PluginApis[N] : void

/** What a plugin's `start` is handed besides the services: its settings and the APIs of the plugins it names. */
export interface PluginStart<R extends string, O extends string, C> {
  /** its settings, as its `config` read them from the environment */
  config: C
  /** the API of a plugin it `requires` (started before it); asking for any other is refused at start-up */
  api<N extends R & ApiName>(name: N): PluginApis[N]
  /** the API of a plugin it lists as `optional`: undefined when that plugin is off */
  optionalApi<N extends O & ApiName>(name: N): PluginApis[N] | undefined
  /**
   * runs when it stops (an operator switched it off, the app closes), before its own `stop`, the last added first:
   * hand it the remover of everything it added to another plugin (`plugin.onStop(other.addGuard(guard))`), so
   * that a plugin switched off leaves nothing behind and one switched on again adds it once
   */
  onStop(undo: () => void | Promise<void>): void
}

/** What a plugin author writes (see README, "Writing a plugin"). */
export interface PluginDefinition<N extends string, R extends string, O extends string, C> {
  name: N
  /** plugins that must be enabled (core is always on); each starts before this one */
  requires?: readonly R[]
  /** plugins this one cooperates with when they are on; each that is on starts before this one */
  optional?: readonly O[]
  /** adds types, fields, subscriptions to the one builder */
  schema?: (builder: Builder) => void
  rest?: readonly RestRoute[]
  /** client events of the legacy socket.io protocols it answers (src/sockets/events.ts) */
  socketEvents?: readonly SocketEvent[]
  /** server event streams a signed-in legacy socket gets from it */
  socketStreams?: readonly SocketStream[]
  /** fields it adds to JustChat's user object (its own User fields), wherever a route selects it (`...JustChatUser`) */
  justchatUser?: UserObjectPart
  /** plain HTTP handlers by path prefix (serving uploaded files) */
  http?: readonly PluginHttpRoute[]
  /** pub/sub topics this plugin publishes or subscribes to; others are refused at run time */
  topics?: readonly TopicName[]
  /** its error codes (defineErrors), merged into the app's one registry while it is enabled */
  errors?: ErrorTable
  /** reads and checks its settings from the environment: only when it is enabled, before anything is opened */
  config?: (env: Env) => C
  /** sections it adds to every user's settings object */
  userSettings?: Readonly<Record<string, SettingsSection>>
  /** kinds of things users can follow / ignore that it adds */
  follows?: readonly ContentKind[]
  ignores?: readonly ContentKind[]
  /** called once at start-up, after migrations: long-lived state; returns the API it offers (PluginApis[name]) */
  start?: (services: Services, plugin: PluginStart<R, O, C>) => ApiOf<N> | Promise<ApiOf<N>>
  stop?: (services: Services) => void | Promise<void>
  /** demo data for `npm start` on an empty database */
  seed?: (ctx: PluginSeedContext) => Promise<void>
  /**
   * example operations GraphiQL opens with while this plugin is on: a GraphQL document of named operations (names
   * unique across plugins, the plugin's name first), led by a `#` comment line saying what they show
   */
  examples?: string
}

/** A plugin as the core handles it: every part filled in, whatever its author left out. */
export interface Plugin {
  readonly name: string
  readonly requires: readonly string[]
  readonly optional: readonly string[]
  readonly schema?: (builder: Builder) => void
  readonly rest: readonly RestRoute[]
  readonly socketEvents: readonly SocketEvent[]
  readonly socketStreams: readonly SocketStream[]
  readonly justchatUser?: UserObjectPart
  readonly http: readonly PluginHttpRoute[]
  readonly topics: readonly TopicName[]
  readonly errors: ErrorTable
  readonly userSettings: Readonly<Record<string, SettingsSection>>
  readonly follows: readonly ContentKind[]
  readonly ignores: readonly ContentKind[]
  /** reads its settings (the core calls it for enabled plugins only, before opening anything) → how it starts */
  configure(env: Env): ConfiguredPlugin
  readonly stop?: (services: Services) => void | Promise<void>
  readonly seed?: (ctx: PluginSeedContext) => Promise<void>
  readonly examples?: string
}

export interface ConfiguredPlugin {
  /** runs the plugin's start and records the API it returns */
  start(services: Services, apis: ApiRegistry): Promise<void>
  /** undoes what its start added to others (onStop), then runs its own stop */
  stop(services: Services): Promise<void>
}

/** A plugin is a value: the core imports it, nothing happens on import. */
export function definePlugin<
  const N extends string,
  const R extends string = never,
  const O extends string = never,
  C = undefined,
>(def: PluginDefinition<N, R, O, C>): Plugin {
  const { name } = def
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`plugin name "${name}" must be lower-case letters, digits and -`)
  for (const h of def.http ?? []) {
    if (!/^\/[\w.-]+\/([\w.-]+\/)*$/.test(h.prefix))
      throw new Error(`plugin ${name}: HTTP prefix "${h.prefix}" must start and end with /`)
  }
  const requires: readonly string[] = def.requires ?? []
  const optional: readonly string[] = def.optional ?? []
  return {
    name,
    requires,
    optional,
    schema: def.schema,
    rest: def.rest ?? [],
    socketEvents: def.socketEvents ?? [],
    socketStreams: def.socketStreams ?? [],
    justchatUser: def.justchatUser,
    http: def.http ?? [],
    topics: def.topics ?? [],
    errors: def.errors ?? {},
    userSettings: def.userSettings ?? {},
    follows: def.follows ?? [],
    ignores: def.ignores ?? [],
    stop: def.stop,
    seed: def.seed,
    examples: def.examples,
    configure(env) {
      // Settings are read here, once: a bad value stops start-up before a database or socket is opened.
      const config = def.config ? def.config(env) : undefined
      let undo: (() => void | Promise<void>)[] = []
      return {
        async stop(services) {
          const pending = undo.reverse()
          undo = []
          for (const u of pending) await u()
          await def.stop?.(services)
        },
        async start(services, apis) {
          if (!def.start) return
          const api = await def.start(services, {
            onStop: (u) => void undo.push(u),
            // `config` is undefined exactly when the plugin declares no reader, and then C is undefined too
            config: config as C,
            api(wanted) {
              if (!requires.includes(wanted)) {
                throw new PluginError(
                  `plugin "${name}" asks for the API of "${wanted}", which it does not require: ` +
                    `add "${wanted}" to its requires (or to optional, and use optionalApi)`,
                )
              }
              const found = apis.find(wanted)
              if (found === undefined)
                throw new PluginError(`plugin "${name}" requires "${wanted}", which offers no API`)
              return found
            },
            optionalApi(wanted) {
              if (!optional.includes(wanted))
                throw new PluginError(
                  `plugin "${name}" asks for the optional API of "${wanted}", which it does not list as optional`,
                )
              return apis.find(wanted)
            },
          })
          if (api !== undefined) apis.provide(name, api)
        },
      }
    },
  }
}
