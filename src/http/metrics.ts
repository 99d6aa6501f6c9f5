import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import { Counter, Gauge, Registry } from 'prom-client'
import type { PubSubMetrics } from '../pubsub/index.js'
import type { SharingStats } from '../app/shared-subscriptions.js'
import type { RedisHealth } from '../redis-health.js'
import { bearer, sendJson } from './respond.js'
import { errorResults, errorResultsCounter, operationLabels, prometheusPlugin } from './graphql-metrics.js'
import { processMetrics } from './process-metrics.js'

/** The parts that answer from memory when Redis cannot (README "Redis outage"). */
export type FallbackComponent = 'rate_limit' | 'pubsub' | 'presence'

/** graphql-ws right now (src/http/ws.ts). */
export interface WsStats {
  /** open sockets */
  connections: number
  /** subscriptions running on them */
  subscriptions: number
}

/** The database's connection pool (node-postgres, under Prisma) right now. */
export interface PoolStats {
  /** connections open */
  total: number
  /** of those, the ones not running a query */
  idle: number
  /** queries waiting for a connection */
  waiting: number
  /** the pool's size */
  max: number
}

/** Counts since start, for the operator console's per-second rates (src/ops/). */
export interface MetricTotals {
  /** HTTP requests answered (all routes) */
  httpRequests: number
  /** GraphQL results with errors, plus HTTP 5xx answers */
  errors: number
  /** GraphQL operations completed, by operation name */
  operations: Map<string, number>
  /** pub/sub events published, by topic */
  published: Map<string, number>
}

/**
 * The instance's Prometheus metrics (prom-client, one registry per app so that several apps in one process — the
 * tests — keep their own counts), served as `GET /metrics` in the Prometheus text format: the Redis fallbacks and
 * the pub/sub bus, GraphQL operations (Yoga's Prometheus plugin), HTTP answers by status class, rate-limit refusals,
 * graphql-ws, the database pool, and the process (prom-client's default metrics, once per process).
 */
export interface Metrics extends Required<PubSubMetrics> {
  /** this app's registry */
  registry: Registry
  /** one decision to answer from memory instead of Redis */
  fallback(component: FallbackComponent): void
  /** the gauge of events waiting for Redis reads this (set once the pub/sub exists) */
  watchOutageQueue(waiting: () => number): void
  /** the counts of shared subscription execution (src/app/shared-subscriptions.ts) */
  watchSharing(stats: SharingStats): void
  /** graphql-ws's gauges read this (set once the socket server exists) */
  watchWs(stats: () => WsStats): void
  /** the database pool's gauges read this (null: no pool yet) */
  watchPool(stats: () => PoolStats | null): void
  /** one HTTP request answered with `status`; null when the client went away before an answer */
  httpResponse(status: number | null): void
  /** counts the refusals of the rate limiter `name` (its series starts at 0 now) */
  rateLimitRefusals(name: string): () => void
  /** the envelop plugins that measure GraphQL operations into this registry (for each Yoga the app makes) */
  graphqlPlugins(): YogaPlugin[]
  totals(): Promise<MetricTotals>
  /** GET /metrics, with its access rule */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
}

export function createMetrics(opts: {
  token?: string
  redisHealth?: RedisHealth
  /** the pub/sub topics the app may use: their series start at 0 */
  topics?: Iterable<string>
}): Metrics {
  const registry = new Registry()
  // started now, so that the process's counters (CPU …) count from the first app's start, not from its first scrape
  processMetrics()
  const fallbacks = new Counter({
    name: 'redis_fallback_total',
    help:
      'Decisions answered from memory because Redis could not be used: a rate-limit check by the in-memory twin, ' +
      'a pub/sub event kept in the outage queue, a presence read or write on this instance only',
    labelNames: ['component'],
    registers: [registry],
  })
  for (const c of ['rate_limit', 'pubsub', 'presence'] satisfies FallbackComponent[]) fallbacks.labels(c).inc(0)
  const queued = new Counter({
    name: 'pubsub_outage_queued_total',
    help: 'Events kept in the outage queue because Redis could not take them at once',
    registers: [registry],
  })
  const dropped = new Counter({
    name: 'pubsub_outage_dropped_total',
    help: 'Events dropped from a full outage queue (oldest first): other instances never see them',
    registers: [registry],
  })
  const duplicates = new Counter({
    name: 'pubsub_duplicates_dropped_total',
    help: 'Copies of events already delivered, dropped by their id',
    registers: [registry],
  })
  const caughtUp = new Counter({
    name: 'pubsub_caught_up_total',
    help: 'Events of other instances delivered from the catch-up journal after a reconnection',
    registers: [registry],
  })
  let waiting: () => number = () => 0
  new Gauge({
    name: 'pubsub_outage_queue',
    help: 'Events on this instance waiting for Redis (queued or not yet confirmed)',
    registers: [registry],
    collect() {
      this.set(waiting())
    },
  })
  let sharing: SharingStats = { executed: 0, shared: 0 }
  new Gauge({
    name: 'subscription_executions',
    help: 'Subscription results executed since start, and results one subscriber reused from another (result=shared)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.labels('executed').set(sharing.executed)
      this.labels('shared').set(sharing.shared)
    },
  })
  const health = opts.redisHealth
  if (health) {
    new Gauge({
      name: 'redis_up',
      help: '1 while every Redis connection of this instance is usable, 0 during an outage',
      registers: [registry],
      collect() {
        this.set(health.down() ? 0 : 1)
      },
    })
  }
  const published = new Counter({
    name: 'pubsub_published_total',
    help: 'Events published on this instance, by topic',
    labelNames: ['topic'],
    registers: [registry],
  })
  const received = new Counter({
    name: 'pubsub_received_total',
    help: 'Events of other instances delivered here through Redis, by topic',
    labelNames: ['topic'],
    registers: [registry],
  })
  for (const topic of opts.topics ?? []) {
    published.labels(topic).inc(0)
    received.labels(topic).inc(0)
  }
  const http = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered (every route), by status class; "aborted": the client left before an answer',
    labelNames: ['status_class'],
    registers: [registry],
  })
  for (const c of ['2xx', '3xx', '4xx', '5xx']) http.labels(c).inc(0)
  const refusals = new Counter({
    name: 'rate_limit_refusals_total',
    help: 'Requests refused by a rate limit (429 and the like), by limiter',
    labelNames: ['limiter'],
    registers: [registry],
  })
  let ws: () => WsStats = () => ({ connections: 0, subscriptions: 0 })
  new Gauge({
    name: 'graphql_ws_connections',
    help: 'Open graphql-ws sockets',
    registers: [registry],
    collect() {
      this.set(ws().connections)
    },
  })
  new Gauge({
    name: 'graphql_ws_subscriptions',
    help: 'Subscriptions running on graphql-ws sockets',
    registers: [registry],
    collect() {
      this.set(ws().subscriptions)
    },
  })
  let pool: () => PoolStats | null = () => null
  const poolGauge = (name: string, help: string, pick: (p: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(pool() ?? { total: 0, idle: 0, waiting: 0, max: 0 }))
      },
    })
  poolGauge('db_pool_connections', 'Database connections open in the pool', (p) => p.total)
  poolGauge('db_pool_idle_connections', 'Database connections open in the pool and not running a query', (p) => p.idle)
  poolGauge('db_pool_waiting', 'Queries waiting for a database connection from the pool', (p) => p.waiting)
  poolGauge('db_pool_max_connections', 'The size of the database connection pool', (p) => p.max)
  const errors = errorResultsCounter(registry)
  const labels = operationLabels()
  const sum = async (c: Counter, where: (l: Partial<Record<string, string | number>>) => boolean = () => true) =>
    (await c.get()).values.reduce((n, v) => (where(v.labels) ? n + v.value : n), 0)
  const byLabel = async (c: Pick<Counter, 'get'> | undefined, label: string) => {
    const out = new Map<string, number>()
    for (const v of c ? (await c.get()).values : []) {
      const key = String(v.labels[label] ?? '')
      out.set(key, (out.get(key) ?? 0) + v.value)
    }
    return out
  }
  const tokenHash = opts.token ? digest(opts.token) : null

  return {
    registry,
    fallback: (component) => fallbacks.labels(component).inc(),
    queued(n = 1) {
      queued.inc(n)
      fallbacks.labels('pubsub').inc(n)
    },
    dropped: (n) => dropped.inc(n),
    duplicate: () => duplicates.inc(),
    caughtUp: (n) => caughtUp.inc(n),
    watchOutageQueue(fn) {
      waiting = fn
    },
    watchSharing(stats) {
      sharing = stats
    },
    watchWs(stats) {
      ws = stats
    },
    watchPool(stats) {
      pool = stats
    },
    published: (topic) => published.labels(topic).inc(),
    received: (topic) => received.labels(topic).inc(),
    httpResponse: (status) => http.labels(status === null ? 'aborted' : `${Math.floor(status / 100)}xx`).inc(),
    rateLimitRefusals(name) {
      const series = refusals.labels(name)
      series.inc(0)
      return () => series.inc()
    },
    graphqlPlugins: () => [prometheusPlugin(registry, labels), errorResults(errors)],
    async totals() {
      const fiveXX = await sum(http, (l) => l.status_class === '5xx')
      return {
        httpRequests: await sum(http),
        errors: (await sum(errors)) + fiveXX,
        // made by the plugin when the first Yoga is: a counter (its values are what Counter.get() gives)
        operations: await byLabel(registry.getSingleMetric('graphql_envelop_request'), 'operationName'),
        published: await byLabel(published, 'topic'),
      }
    },
    async handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { message: 'Method not allowed' }, { allow: 'GET, HEAD' })
        return
      }
      if (tokenHash) {
        const given = bearer(req.headers.authorization)
        // compared as digests: equal length, constant time
        if (!given || !timingSafeEqual(digest(given), tokenHash)) {
          sendJson(
            res,
            401,
            { message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>' },
            { 'www-authenticate': 'Bearer' },
          )
          return
        }
      } else if (!directLoopback(req)) {
        sendJson(res, 403, {
          message: 'Metrics answer loopback clients only; set METRICS_TOKEN to scrape from elsewhere',
        })
        return
      }
      const text = (await registry.metrics()) + (await processMetrics().metrics())
      res.writeHead(200, {
        'content-type': registry.contentType,
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
      })
      res.end(req.method === 'HEAD' ? undefined : text)
    },
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * A client on this machine talking to us directly. A request a proxy forwarded (X-Forwarded-For, Forwarded,
 * X-Real-IP) is not: a reverse proxy on this machine connects from loopback on behalf of anyone.
 */
function directLoopback(req: IncomingMessage): boolean {
  if (
    req.headers['x-forwarded-for'] !== undefined ||
    req.headers.forwarded !== undefined ||
    req.headers['x-real-ip'] !== undefined
  )
    return false
  const a = req.socket.remoteAddress ?? ''
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.')
}
