import http from 'node:http'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { createYoga, type YogaServerInstance } from 'graphql-yoga'
import { WebSocketServer } from 'ws'
import { useServer } from 'graphql-ws/use/ws'
import { GraphQLError } from 'graphql'
import type { Config } from './config.js'
import { createLogger, type Logger } from './log.js'
import { openDatabase, type Database } from './db/index.js'
import { createAppPubSub } from './pubsub/index.js'
import { CORE_TOPICS } from './pubsub/topics.js'
import { createRateLimits } from './http/rate-limit.js'
import { resolvePlugins } from './plugins/registry.js'
import type { Plugin } from './plugins/contract.js'
import { buildSchema } from './schema/build.js'
import { createContextFactory } from './context-factory.js'
import type { Context, ContextInput } from './context.js'
import type { Services } from './services.js'
import { createRestEngine, type RestEngine } from './rest/engine.js'
import { dialectOfPath, DIALECTS } from './rest/dialects.js'
import { armorPlugins, noIntrospection, requestLog, uploadLimit } from './http/yoga-plugins.js'
import { AppError } from './errors.js'
import { corePlugin } from './core/index.js'
import { createNotifier } from './auth/notifier.js'
import { createHooks } from './plugins/hooks.js'
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
  database: Database
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
  const plugins = [corePlugin, ...resolvePlugins(opts.available ?? ALL_PLUGINS, config.plugins)]
  const schema = buildSchema(plugins)
  const database = await openDatabase(config, log)
  const topics = new Set<string>([...CORE_TOPICS, ...plugins.flatMap((p) => p.topics ?? [])])
  const pubsub = createAppPubSub({ redisUrl: config.redisUrl, prefix: config.redisPrefix, allowed: topics })
  const limits = createRateLimits({ redisUrl: config.redisUrl, prefix: config.redisPrefix, perMinute: config.rateLimitPerMinute, loginAttempts: config.loginAttemptsPerWindow })
  const services: Services = {
    config,
    prisma: database.prisma,
    pubsub,
    limits,
    log,
    notifier: createNotifier(config.notifyWebhookUrl, log),
    captcha: createCaptchaVerifier(config.captchaVerifyUrl, config.captchaSecret),
    hooks: createHooks(),
    extra: new Map(),
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
    plugins: [uploadLimit(config.bodyLimitBytes), ...armorPlugins(config), ...(config.production ? [noIntrospection()] : []), requestLog(log)],
  })

  const httpRoutes = plugins.flatMap((p) => p.http ?? [])
  for (const [i, h] of httpRoutes.entries()) {
    if (httpRoutes.some((o, j) => j !== i && (o.prefix.startsWith(h.prefix) || h.prefix.startsWith(o.prefix)))) throw new Error(`two plugins serve HTTP paths under ${h.prefix}`)
  }
  const rest = createRestEngine({ routes: plugins.flatMap((p) => p.rest ?? []), yoga, bodyLimit: config.bodyLimitBytes, perIp: limits.perIp, trustProxy: config.trustProxy, log })

  const server = http.createServer(async (req, res) => {
    const requestId = (req.headers['x-request-id'] as string) || randomUUID()
    res.setHeader('x-request-id', requestId)
    const path = (req.url ?? '/').split('?')[0]
    try {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' })
      if (path === '/readyz') return await readiness(res)
      // Plugin files (smile images …) before the API rate limit: a chat client loads dozens at once, each is cheap.
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
      if (err instanceof AppError && err.code === 'RATE_LIMIT_EXCEEDED') return tooMany(res, path, err)
      log.error('unexpected error in HTTP handler', { requestId, error: String(err), stack: (err as Error)?.stack })
      if (!res.headersSent) sendJson(res, 500, { message: `Internal server error (request id ${requestId})` })
      else res.destroy()
    }
  })

  async function readiness(res: http.ServerResponse) {
    const checks: Record<string, string> = {}
    try {
      await database.ping()
      checks.database = 'ok'
    } catch (e) {
      checks.database = String((e as Error).message)
    }
    try {
      await pubsub.ready()
      checks.pubsub = 'ok'
    } catch (e) {
      checks.pubsub = String((e as Error).message)
    }
    const ok = Object.values(checks).every((v) => v === 'ok')
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable', checks })
  }

  // graphql-ws on the same path, through getEnveloped so every envelop plugin and auth rule applies.
  // noServer: attached to `server` by hand, so that HTTP server errors (EADDRINUSE …) are not forwarded to the WebSocket
  // server, where graphql-ws would log them as internal errors and close every live socket.
  const wss = new WebSocketServer({ noServer: true, path: yoga.graphqlEndpoint })
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
  const wsDisposable = useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onConnect: async (ctx) => {
        if (limits.perIp) {
          try {
            await limits.perIp.consume(clientIp(ctx.extra.request, config.trustProxy))
          } catch {
            ctx.extra.socket.close(4429, 'Too many requests')
            return false
          }
        }
        return true
      },
      onSubscribe: async (ctx, _id, params) => {
        const initial: ContextInput = { req: ctx.extra.request, connectionParams: ctx.connectionParams as Record<string, unknown> | undefined, requestId: randomUUID() }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ ...initial, params })
        let document
        try {
          document = parse(params.query)
        } catch (e) {
          return [e as GraphQLError]
        }
        let errors
        try {
          errors = validate(schema, document)
        } catch (e) {
          // GraphQL Armor's rules (depth, aliases, cost …) throw from validation: the client's fault, not the socket's.
          if (isGraphQLError(e)) return [e]
          throw e
        }
        if (errors.length) return errors
        log.info('ws operation', { requestId: initial.requestId, operation: params.operationName ?? null })
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables ?? undefined,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        }
      },
    },
    wss,
    12_000,
  )

  for (const p of plugins) await p.start?.(services)

  let closing: Promise<void> | undefined
  const app: App = {
    config,
    services,
    yoga,
    rest,
    plugins,
    database,
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
        for (const client of wss.clients) client.close(1001, 'Server shutting down')
        await wsDisposable.dispose()
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

/** 429 with Retry-After in the error form of whoever asked: a REST dialect or GraphQL. */
function tooMany(res: http.ServerResponse, path: string, err: AppError) {
  const retry = String(err.extensions.retryAfter ?? 60)
  const dialect = dialectOfPath(path)
  if (dialect) {
    const { body } = DIALECTS[dialect].error('RATE_LIMIT_EXCEEDED', err.message)
    return sendJson(res, 429, body, { 'retry-after': retry })
  }
  sendJson(res, 429, { errors: [{ message: err.message, extensions: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: Number(retry) } }] }, { 'retry-after': retry })
}
