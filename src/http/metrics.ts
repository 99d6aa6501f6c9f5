import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Counter, Gauge, Registry } from 'prom-client'
import type { PubSubMetrics } from '../pubsub/index.js'
import type { SharingStats } from '../app/shared-subscriptions.js'
import type { RedisHealth } from '../redis-health.js'
import { bearer, sendJson } from './respond.js'

/** The parts that answer from memory when Redis cannot (README "Redis outage"). */
export type FallbackComponent = 'rate_limit' | 'pubsub' | 'presence'

/**
 * The instance's Prometheus metrics (prom-client, one registry per app so that several apps in one process — the
 * tests — keep their own counts), served as `GET /metrics` in the Prometheus text format. Deliberately small for now:
 * what the Redis fallbacks decide.
 */
export interface Metrics extends PubSubMetrics {
  /** one decision to answer from memory instead of Redis */
  fallback(component: FallbackComponent): void
  /** the gauge of events waiting for Redis reads this (set once the pub/sub exists) */
  watchOutageQueue(waiting: () => number): void
  /** the counts of shared subscription execution (src/app/shared-subscriptions.ts) */
  watchSharing(stats: SharingStats): void
  /** GET /metrics, with its access rule */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
}

export function createMetrics(opts: { token?: string; redisHealth?: RedisHealth }): Metrics {
  const registry = new Registry()
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
  const tokenHash = opts.token ? digest(opts.token) : null

  return {
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
      const text = await registry.metrics()
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
