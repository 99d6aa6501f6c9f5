import http from 'node:http'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { createYoga, type YogaServerInstance } from 'graphql-yoga'
import { GraphQLError } from 'graphql'
import type { Config } from './config.js'
import { createLogger, type Logger } from './log.js'
import { openDatabase, type Database } from './db/index.js'
import { createAppPubSub } from './pubsub/index.js'
import { createRedisHealth } from './redis-health.js'
import { CORE_TOPICS } from './pubsub/topics.js'
import { createRateLimits } from './http/rate-limit.js'
import { createMetrics } from './http/metrics.js'
import { resolvePlugins } from './plugins/registry.js'
import type { Plugin } from './plugins/contract.js'
import { buildSchema } from './schema/build.js'
import { createContextFactory } from './context-factory.js'
import type { Context, ContextInput } from './context.js'
import type { Services } from './services.js'
import { createRestEngine, type RestEngine } from './rest/engine.js'
import { createWsServer, type WsServer } from './http/ws.js'
import { armorPlugins, bodyLimit, noIntrospection, requestLog } from './http/yoga-plugins.js'
import { inputBounds } from './schema/input-bounds.js'
import { AppError, createErrorRegistry, type ErrorRegistry } from './errors.js'
import { createCorePlugin } from './core/index.js'
import { createNotifier } from './auth/notifier.js'
import { ApiRegistry, type ApiName, type PluginApis } from './plugins/apis.js'
import { clientIp } from './http/client-ip.js'
import { sendJson } from './http/respond.js'
import { createCaptchaVerifier } from './auth/captcha.js'
import { ALL_PLUGINS } from '../plugins/index.js'

export interface App {
  config: Config
  services: Services
  yoga: YogaServerInstance<any, Context>
  rest: RestEngine
  plugins: Plugin[]
  /** the error codes of this app: the core's and the enabled plugins' */
  errors: ErrorRegistry
  /** a started plugin's API (tests, tools); undefined when that plugin is off */
  api<N extends ApiName>(name: N): PluginApis[N] | undefined
  database: Database
  /** graphql-ws (tests look at its live sockets) */
  ws: WsServer
  /** starts listening; resolves with the base URL */
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

export interface AppOptions {
  /** plugins available for selection (tests pass fixtures); default: every shipped plugin */
  available?: Plugin[]
  log?: Logger
}

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.logLevel)
  // Resolve plugins first: a bad PLUGINS value must fail before anything is opened.
  const enabled = resolvePlugins(opts.available ?? ALL_PLUGINS, config.plugins)
  const plugins = [createCorePlugin(enabled), ...enabled]
  // Each enabled plugin reads its settings now: a bad value fails like a bad PLUGINS, before anything is opened.
  const configured = plugins.map((p) => p.configure(config.env))
  const errors = createErrorRegistry(plugins.map((p) => p.errors))
  const schema = buildSchema(plugins)
  const database = await openDatabase(config, log)
  const topics = new Set<string>([...CORE_TOPICS, ...plugins.flatMap((p) => p.topics ?? [])])
  // one outage log and one readiness signal for every Redis connection
  const redisHealth = createRedisHealth(log)
  const metrics = createMetrics({ token: config.metricsToken, redisHealth: config.redisUrl ? redisHealth : undefined })
  const pubsub = createAppPubSub({ redisUrl: config.redisUrl, prefix: config.redisPrefix, allowed: topics, log, health: redisHealth, outageQueue: config.pubsubOutageQueue, metrics })
  metrics.watchOutageQueue(() => pubsub.waiting())
  const limits = createRateLimits({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    perMinute: config.rateLimitPerMinute,
    loginAttempts: config.loginAttemptsPerWindow,
    timeoutMs: config.redisTimeoutMs,
    log,
    health: redisHealth,
    onFallback: () => metrics.fallback('rate_limit'),
  })
  const services: Services = {
    config,
    prisma: database.prisma,
    pubsub,
    limits,
    metrics,
    log,
    notifier: createNotifier(config.notifyWebhookUrl, log),
    captcha: createCaptchaVerifier(config.captchaVerifyUrl, config.captchaSecret),
  }
  const buildContext = createContextFactory(services)

  const yoga = createYoga<ContextInput & { requestId?: string }, Context>({
    schema,
    context: (initial) => buildContext(initial),
    graphiql: !config.production,
    landingPage: false,
    batching: false,
    cors: config.corsOrigins === '*' ? undefined : { origin: config.corsOrigins, credentials: true },
    logging: false,
    maskedErrors: {
      maskError(error, message) {
        const original = (error as GraphQLError).originalError
        // Our own errors (AppError and graphql-js validation) keep their message and code. Duck-typed: CJS packages
        // (graphql-armor) bring their own copy of graphql, so instanceof is unreliable.
        if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error
        const requestId = randomUUID()
        log.error('unexpected error', { requestId, error: String(original ?? error), stack: (original as Error)?.stack ?? (error as Error)?.stack })
        return new GraphQLError(`${message} (request id ${requestId})`, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } })
      },
    },
    // BODY_LIMIT_BYTES for every body Yoga reads (JSON, GraphQL strings, multipart), as for REST
    maxRequestBodySize: config.bodyLimitBytes,
    plugins: [bodyLimit(config.bodyLimitBytes), inputBounds(), ...armorPlugins(config), ...(config.production ? [noIntrospection()] : []), requestLog(log)],
  })

  const httpRoutes = plugins.flatMap((p) => p.http ?? [])
  for (const [i, h] of httpRoutes.entries()) {
    if (httpRoutes.some((o, j) => j !== i && (o.prefix.startsWith(h.prefix) || h.prefix.startsWith(o.prefix)))) throw new Error(`two plugins serve HTTP paths under ${h.prefix}`)
  }
  const rest = createRestEngine({ routes: plugins.flatMap((p) => p.rest), yoga, bodyLimit: config.bodyLimitBytes, perIp: limits.perIp, trustProxy: config.trustProxy, log, errors })

  const server = http.createServer(async (req, res) => {
    const requestId = (req.headers['x-request-id'] as string) || randomUUID()
    res.setHeader('x-request-id', requestId)
    const path = (req.url ?? '/').split('?')[0]
    try {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' })
      if (path === '/readyz') return await readiness(res)
      // before the API rate limit, like the probes: a scraper is one known client (access rule in src/http/metrics.ts)
      if (path === '/metrics') return await metrics.handle(req, res)
      // Plugin files (uploaded images …) before the API rate limit: a client loads dozens at once, each is cheap.
      const httpRoute = httpRoutes.find((h) => path.startsWith(h.prefix))
      if (httpRoute) return await httpRoute.handle(req, res, services)
      if (limits.perIp) await limits.perIp.consume(clientIp(req, config.trustProxy))
      const started = performance.now()
      if (await rest.handle(req, res, requestId)) {
        log.info('rest request', { requestId, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 })
        return
      }
      await yoga.handle(req, res, { req, requestId })
    } catch (err) {
      if (err instanceof AppError && err.code === 'RATE_LIMIT_EXCEEDED') return tooMany(res, rest, path, err)
      log.error('unexpected error in HTTP handler', { requestId, error: String(err), stack: (err as Error)?.stack })
      if (!res.headersSent) sendJson(res, 500, { message: `Internal server error (request id ${requestId})` })
      else res.destroy()
    }
  })

  /**
   * The load balancer's question. Without the database the instance cannot serve: 503 `unavailable`. Without Redis it
   * can (rate limits in memory, this instance's presence, events queued for the other instances): 200 `degraded`,
   * the reason in `checks.pubsub` / `checks.rateLimits`. Every check answers within READINESS_TIMEOUT_MS.
   */
  async function readiness(res: http.ServerResponse) {
    const [db, bus] = await Promise.all([probe(database.ping()), probe(pubsub.ready())])
    const limitsDown = limits.degraded()
    const checks: Record<string, string> = {
      database: db ?? 'ok',
      pubsub: bus ? `degraded: ${bus}` : 'ok',
      ...(config.redisUrl ? { rateLimits: limitsDown ? `degraded: ${limitsDown}` : 'ok' } : {}),
    }
    const status = db ? 'unavailable' : bus || limitsDown ? 'degraded' : 'ready'
    sendJson(res, db ? 503 : 200, { status, checks })
  }

  // graphql-ws on the same path, through getEnveloped so every envelop plugin and auth rule applies; revocation and
  // abuse limits in src/http/ws.ts.
  const ws = await createWsServer({ server, yoga, services, buildContext })
  await ws.ready().catch((e: unknown) => log.warn('pub/sub not ready at start: session revocations reach this instance once it is', { error: String(e) }))

  const apis = new ApiRegistry()
  for (const p of configured) await p.start(services, apis)

  let closing: Promise<void> | undefined
  const app: App = {
    config,
    services,
    yoga,
    rest,
    plugins,
    errors,
    api: (name) => apis.find(name),
    database,
    ws,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const { port: p } = server.address() as AddressInfo
          resolve(`http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${p}`)
        })
      }),
    close() {
      closing ??= (async () => {
        // Stop accepting, let in-flight requests finish, then release sockets, pools and the database.
        const httpClosed = new Promise<void>((r) => server.close(() => r()))
        server.closeIdleConnections()
        await ws.close()
        const force = setTimeout(() => server.closeAllConnections(), 5_000)
        await httpClosed
        clearTimeout(force)
        for (const p of [...plugins].reverse()) await p.stop?.(services)
        await pubsub.close()
        await limits.close()
        await database.close()
      })()
      return closing
    },
  }
  return app
}

const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError'

/** How long /readyz waits for one check (a database or Redis that hangs rather than refuses). */
const READINESS_TIMEOUT_MS = 2_000

/** null when the check passed in time, else one short line saying why (no multi-line driver or Prisma text). */
async function probe(check: Promise<void>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS)
  })
  try {
    await Promise.race([check, late])
    return null
  } catch (e) {
    return oneLine(e)
  } finally {
    clearTimeout(timer)
  }
}

/** An error as one short line: no multi-line Prisma text ("Invalid `prisma.$queryRaw()` invocation: …"), no stack. */
function oneLine(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown }
  const lines = String(err?.message ?? e).split('\n').map((l) => l.trim()).filter(Boolean)
  const last = (lines.at(-1) ?? 'failed').replace(/\s+/g, ' ')
  // Prisma's raw-query failure wraps the driver's: "Raw query failed. Code: `3D000`. Message: `database … does not exist`"
  const raw = /Code: `([^`]*)`\. Message: `(.*)`$/.exec(last)
  const line = raw ? (raw[1] && raw[1] !== 'N/A' ? `${raw[1]}: ${raw[2]}` : raw[2]) : typeof err?.code === 'string' && !last.includes(err.code) ? `${err.code}: ${last}` : last
  return line.length > 160 ? `${line.slice(0, 157)}…` : line
}

/** 429 with Retry-After in the error form of whoever asked: a REST dialect or GraphQL. */
function tooMany(res: http.ServerResponse, rest: RestEngine, path: string, err: AppError) {
  const retry = String(err.extensions.retryAfter ?? 60)
  const dialect = rest.dialectOf(path)
  if (dialect) {
    const { body } = rest.errorResponse(dialect, 'RATE_LIMIT_EXCEEDED', err.message)
    return sendJson(res, 429, body, { 'retry-after': retry })
  }
  sendJson(res, 429, { errors: [{ message: err.message, extensions: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: Number(retry) } }] }, { 'retry-after': retry })
}
