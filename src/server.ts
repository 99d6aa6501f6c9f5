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
import { graphiqlDefaultQuery } from './app/graphiql-examples.js'
import { SharedResults } from './app/shared-subscriptions.js'
import { closer, listen, startPlugins } from './app/lifecycle.js'
import { createSseSessions } from './http/sse-sessions.js'
import { SchemaSwitch } from './app/schema-switch.js'
import { LivePlugins } from './app/live-plugins.js'
import { ApiRegistry } from './plugin-system/apis.js'
import { createErrorRegistry } from './errors.js'
import type { SocketEvent, SocketStream } from './sockets/events.js'
import { uploadBodyLimit } from './uploads/body-limit.js'
import { createLegacySockets, isLegacySocketRequest, type LegacySockets } from './sockets/server.js'
import { createOps, opsState } from './ops/index.js'
import { persistedOperationsOf } from './http/persisted-operations.js'

export interface App {
  config: Config
  services: Services
  yoga: AppYoga
  /** the REST engine of the plugins enabled now */
  readonly rest: RestEngine
  /** the core and the plugins enabled now, in start order */
  readonly plugins: Plugin[]
  /** the error codes of the core and the plugins enabled now */
  readonly errors: ErrorRegistry
  /** a started plugin's API (tests, tools); undefined when that plugin is off */
  api<N extends ApiName>(name: N): PluginApis[N] | undefined
  /** plugins on and off while the app runs (operators' GraphQL fields, `npm run plugins`) */
  live: LivePlugins<RestEngine>
  database: Database
  /** graphql-ws (tests look at its live sockets) */
  ws: WsServer
  /** socket.io for legacy clients */
  sockets: LegacySockets
  /** starts listening; resolves with the base URL */
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

export interface AppOptions {
  /** the plugins PLUGINS selects from, and operators may switch on: the composition root's list, or test fixtures */
  available: readonly Plugin[]
  log?: Logger
  /** the embedded database, already starting (`npm start` starts it while the app's modules load); closed on a refusal */
  embedded?: Promise<Embedded>
}

/**
 * The app from its parts: plugins selected and configured (every refusal before anything is opened), services opened,
 * GraphQL, REST, the HTTP router and graphql-ws on one server, then the plugins started and the operators' stored
 * choices applied (src/app/live-plugins.ts).
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
  const { plugins, configured, schema } = selection
  // the pub/sub's allowed topics follow the plugins switched on and off: a set of its own, not the composition's
  const topics = new Set(selection.topics)
  const { services, database, redisHealth } = await openServices(config, log, topics, opts.embedded)
  const buildContext = createContextFactory(services)
  const sse = createSseSessions(services)
  const shared = new SharedResults()
  services.metrics.watchSharing(shared.stats)
  const schemas = new SchemaSwitch(schema)
  const yoga = createGraphQL({
    schema,
    config,
    log,
    buildContext,
    sse,
    shared,
    schemas,
    metrics: services.metrics,
    // the plugins enabled when the page loads (live, below, is set before any request)
    examples: () => graphiqlDefaultQuery(live.current().plugins),
  })
  const apis = new ApiRegistry()
  const live = new LivePlugins<RestEngine>({
    available: opts.available,
    services,
    initial: selection,
    configured: new Map(plugins.map((p, i) => [p.name, configured[i]])),
    apis,
    topics,
    schemas,
    build: (composition) =>
      createRestEngine({
        routes: composition.restRoutes,
        yoga,
        bodyLimit: config.bodyLimitBytes,
        uploadBodyLimit: uploadBodyLimit(config),
        perIp: services.limits.perIp,
        trustProxy: config.trustProxy,
        log,
        errors: composition.errors,
        sessionSecret: config.sessionSecret,
        justchatUser: composition.plugins.flatMap((p) => (p.justchatUser ? [p.justchatUser] : [])),
      }),
  })
  services.plugins = live
  const readiness = createReadiness({
    database,
    pubsub: services.pubsub,
    limits: services.limits,
    redis: Boolean(config.redisUrl),
  })
  // Every plugin's socket events and streams are registered; those of a plugin that is off are refused.
  const owners = socketOwners([plugins[0], ...opts.available])
  const sockets = createLegacySockets({
    yoga,
    services,
    events: [...owners.events.keys()],
    streams: [...owners.streams.keys()],
    isOn: (part) => live.isOn(('event' in part ? owners.events.get(part) : owners.streams.get(part)) ?? ''),
    errors: createErrorRegistry([plugins[0], ...opts.available].map((p) => p.errors)),
  })
  const server = http.createServer(createRouter({ services, readiness, serving: () => live.current(), yoga, sockets }))
  // graphql-ws on the same path, through getEnveloped so every envelop plugin and auth rule applies (src/http/ws.ts)
  const ws = createWsServer({ yoga, services, buildContext })
  // One upgrade listener: engine.io's requests (EIO= in the query) to the legacy sockets, the rest to graphql-ws.
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (isLegacySocketRequest(req)) sockets.handleUpgrade(req, socket, head)
    else ws.handleUpgrade(req, socket, head)
  })
  // the operator console's figures; plugin names through a getter, read at each heartbeat and answer
  const ops = opsState.init(
    services,
    createOps({ services, database, redisHealth, ws, plugins: () => live.enabledNames() }),
  )
  await ws
    .ready()
    .catch((e: unknown) =>
      log.warn('pub/sub not ready at start: session revocations reach this instance once it is', { error: String(e) }),
    )
  await startPlugins(configured, services, apis)
  await live.listen()
  ops.start()
  return {
    config,
    services,
    yoga,
    get rest() {
      return live.current().extra
    },
    get plugins() {
      return live.current().plugins
    },
    get errors() {
      return live.current().errors
    },
    api: (name) => apis.find(name),
    live,
    database,
    ws,
    sockets,
    listen: (port = config.port, host = config.host) => listen(server, port, host),
    close: closer({ server, ws, sockets, sse, live, services, database, ops }),
  }
}

/** Which plugin each socket event and stream belongs to (every plugin's, whether on or off). */
function socketOwners(plugins: readonly Plugin[]) {
  const events = new Map<SocketEvent, string>()
  const streams = new Map<SocketStream, string>()
  for (const p of plugins) {
    for (const e of p.socketEvents) events.set(e, p.name)
    for (const s of p.socketStreams) streams.set(s, p.name)
  }
  return { events, streams }
}
