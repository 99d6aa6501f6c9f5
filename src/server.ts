import http from 'node:http'
import type { Duplex } from 'node:stream'
import type { Config } from './config.js'
import { createLogger, type Logger } from './log.js'
import type { Database } from './db/index.js'
import type { Plugin } from './plugin-system/contract.js'
import type { ApiName, PluginApis } from './plugin-system/apis.js'
import { createContextFactory } from './context-factory.js'
import type { Services } from './services.js'
import { createRestEngine, type RestEngine } from './rest/engine.js'
import { createWsServer, type WsServer } from './http/ws.js'
import { createReadiness } from './http/readiness.js'
import { createRouter } from './http/router.js'
import type { ErrorRegistry } from './errors.js'
import { selectPlugins } from './app/select-plugins.js'
import { openServices } from './app/open-services.js'
import type { Embedded } from './db/embedded.js'
import { createGraphQL, type AppYoga } from './app/graphql.js'
import { SharedResults } from './app/shared-subscriptions.js'
import { closer, listen, startPlugins } from './app/lifecycle.js'
import { createSseSessions } from './http/sse-sessions.js'
import { uploadBodyLimit } from './uploads/body-limit.js'
import { createLegacySockets, isLegacySocketRequest, type LegacySockets } from './sockets/server.js'
import { persistedOperationsOf } from './http/persisted-operations.js'

export interface App {
  config: Config
  services: Services
  yoga: AppYoga
  rest: RestEngine
  /** the core and the enabled plugins, in start order */
  plugins: Plugin[]
  /** the error codes of this app: the core's and the enabled plugins' */
  errors: ErrorRegistry
  /** a started plugin's API (tests, tools); undefined when that plugin is off */
  api<N extends ApiName>(name: N): PluginApis[N] | undefined
  database: Database
  /** graphql-ws (tests look at its live sockets) */
  ws: WsServer
  /** socket.io for legacy clients; null when no enabled plugin answers a socket event */
  sockets: LegacySockets | null
  /** starts listening; resolves with the base URL */
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

export interface AppOptions {
  /** the plugins PLUGINS selects from: the composition root's list (every shipped plugin), or test fixtures */
  available: readonly Plugin[]
  log?: Logger
  /** the embedded database, already starting (`npm start` starts it while the app's modules load); closed on a refusal */
  embedded?: Promise<Embedded>
}

/**
 * The app from its parts: plugins selected and configured (every refusal before anything is opened), services opened,
 * GraphQL, REST, the HTTP router and graphql-ws on one server, then the plugins started.
 */
export async function createApp(config: Config, opts: AppOptions): Promise<App> {
  const log = opts.log ?? createLogger(config.logLevel)
  let selection
  try {
    selection = selectPlugins(opts.available, config)
    // PERSISTED_OPERATIONS_MANIFEST read (or refused) before anything is opened
    persistedOperationsOf(config)
  } catch (e) {
    await opts.embedded?.then((db) => db.close()).catch(() => undefined)
    throw e
  }
  const { plugins, configured, errors, schema, topics, httpRoutes, restRoutes } = selection
  const { services, database } = await openServices(config, log, topics, opts.embedded)
  const buildContext = createContextFactory(services)
  const sse = createSseSessions(services)
  const shared = new SharedResults()
  services.metrics.watchSharing(shared.stats)
  const yoga = createGraphQL({ schema, config, log, buildContext, sse, shared })
  const rest = createRestEngine({
    routes: restRoutes,
    yoga,
    bodyLimit: config.bodyLimitBytes,
    uploadBodyLimit: uploadBodyLimit(config),
    perIp: services.limits.perIp,
    trustProxy: config.trustProxy,
    log,
    errors,
    sessionSecret: config.sessionSecret,
    justchatUser: plugins.flatMap((p) => (p.justchatUser ? [p.justchatUser] : [])),
  })
  const readiness = createReadiness({
    database,
    pubsub: services.pubsub,
    limits: services.limits,
    redis: Boolean(config.redisUrl),
  })
  const socketEvents = plugins.flatMap((p) => p.socketEvents)
  const sockets = socketEvents.length
    ? createLegacySockets({
        yoga,
        services,
        events: socketEvents,
        streams: plugins.flatMap((p) => p.socketStreams),
        errors,
      })
    : null
  const server = http.createServer(createRouter({ services, readiness, httpRoutes, rest, yoga, sockets }))
  // graphql-ws on the same path, through getEnveloped so every envelop plugin and auth rule applies (src/http/ws.ts)
  const ws = createWsServer({ yoga, services, buildContext })
  // One upgrade listener: engine.io's requests (EIO= in the query) to the legacy sockets, the rest to graphql-ws.
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (sockets && isLegacySocketRequest(req)) sockets.handleUpgrade(req, socket, head)
    else ws.handleUpgrade(req, socket, head)
  })
  await ws
    .ready()
    .catch((e: unknown) =>
      log.warn('pub/sub not ready at start: session revocations reach this instance once it is', { error: String(e) }),
    )
  const apis = await startPlugins(configured, services)
  return {
    config,
    services,
    yoga,
    rest,
    plugins,
    errors,
    api: (name) => apis.find(name),
    database,
    ws,
    sockets,
    listen: (port = config.port, host = config.host) => listen(server, port, host),
    close: closer({ server, ws, sockets, sse, plugins, services, database }),
  }
}
