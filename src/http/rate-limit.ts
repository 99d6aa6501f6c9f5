import {
  RateLimiterMemory,
  RateLimiterQueue,
  RateLimiterQueueError,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'
import { Redis } from 'ioredis'
import { AppError } from '../errors.js'
import type { Logger } from '../log.js'
import type { RedisHealth } from '../redis-health.js'

/**
 * Fixed-window limiters (rate-limiter-flexible): in memory for one instance, in Redis when REDIS_URL is set so that
 * every instance counts against the same budget. A Redis-backed limiter keeps limiting while Redis is unreachable:
 * each has an in-memory twin (rate-limiter-flexible's insuranceLimiter) that answers whenever a Redis command fails —
 * at once while the connection is down (no offline queue), after REDIS_TIMEOUT_MS when Redis does not answer.
 */
export interface Limiter {
  /** throws RATE_LIMIT_EXCEEDED (with retryAfter seconds) when the key is over its budget */
  consume(key: string, points?: number): Promise<void>
  /** throws like consume when the key is already over its budget, without spending a point */
  check(key: string): Promise<void>
  reset(key: string): Promise<void>
  /** spends points atomically and tells where the key stands, never refusing (for schemes that decide themselves) */
  hit(key: string, points?: number): Promise<{ consumed: number; over: boolean; msBeforeNext: number }>
  /** gives points back (an attempt that turned out fine) */
  giveBack(key: string, points?: number): Promise<void>
  /** a refusal like consume's, for a decision made by the caller */
  refusal(msBeforeNext: number): AppError
}

/** Admits one caller per key per interval, in arrival order; the others wait their turn (a bounded queue). */
export interface SlowLane {
  /** resolves when it is the key's turn; throws RATE_LIMIT_EXCEEDED when too many are already waiting */
  enter(key: string): Promise<void>
}

export interface RateLimits {
  perIp: Limiter | null
  /** failed logins per client address (LOGIN_ATTEMPTS_PER_15MIN × 5); past it the address is slowed, see login */
  loginPerIp: Limiter
  /** failed logins per account (by account id; unknown logins by the normalized login string) */
  loginPerAccount: Limiter
  /** failed logins per account and address: which accounts an address has been guessing at */
  loginPerAccountIp: Limiter
  /** one login attempt a second per address once its failure budget is spent */
  loginSlowLane: SlowLane
  /** a limiter for plugins (a budget of events a minute …), namespaced by prefix */
  make(prefix: string, points: number, durationSec: number): Limiter
  /** why the limits are answered from memory right now (no Redis connection), or null */
  degraded(): string | null
  close(): Promise<void>
}

function wrap(rl: RateLimiterAbstract, what: string, refused: () => void): Limiter {
  const refuse = (msBeforeNext: number): AppError => {
    refused()
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000))
    return new AppError('RATE_LIMIT_EXCEEDED', `Too many ${what}: retry in ${retryAfter} s`, { retryAfter })
  }
  return {
    async check(key) {
      const r = await rl.get(key)
      if (r && r.consumedPoints >= rl.points) throw refuse(r.msBeforeNext)
    },
    async consume(key, points = 1) {
      try {
        await rl.consume(key, points)
      } catch (e) {
        if (e instanceof RateLimiterRes) throw refuse(e.msBeforeNext)
        throw e
      }
    },
    async reset(key) {
      await rl.delete(key)
    },
    async hit(key, points = 1) {
      const r = await rl.penalty(key, points)
      return { consumed: r.consumedPoints, over: r.consumedPoints > rl.points, msBeforeNext: r.msBeforeNext }
    },
    async giveBack(key, points = 1) {
      await rl.reward(key, points)
    },
    refusal: refuse,
  }
}

/** The slow lane's queue: at most this many callers of one key wait (20 s at one a second); more are refused. */
const SLOW_LANE_QUEUE = 20

function slowLane(rl: RateLimiterAbstract, what: string, refused: () => void): SlowLane {
  // rate-limiter-flexible's queue: FIFO per key, taking its turns from the (memory or Redis) limiter, so instances
  // sharing Redis share the one-a-second pace.
  const queue = new RateLimiterQueue(rl, { maxQueueSize: SLOW_LANE_QUEUE })
  return {
    async enter(key) {
      try {
        await queue.removeTokens(1, key)
      } catch (e) {
        if (!(e instanceof RateLimiterQueueError)) throw e
        refused()
        const retryAfter = SLOW_LANE_QUEUE
        throw new AppError('RATE_LIMIT_EXCEEDED', `Too many ${what}: retry in ${retryAfter} s`, { retryAfter })
      }
    },
  }
}

export function createRateLimits(opts: {
  redisUrl?: string
  prefix?: string
  perMinute: number
  loginAttempts: number
  /** REDIS_TIMEOUT_MS: the longest a limiter waits on Redis before its in-memory twin answers */
  timeoutMs?: number
  log?: Logger
  health?: RedisHealth
  /** one check answered by an in-memory twin instead of Redis (metrics) */
  onFallback?: () => void
  /** the counter of a limiter's refusals, by its prefix (metrics) */
  refusals?: (limiter: string) => () => void
}): RateLimits {
  const refusals = (prefix: string) => opts.refusals?.(prefix) ?? (() => undefined)
  const redis = opts.redisUrl ? limitsClient(opts.redisUrl, opts.timeoutMs ?? 100, opts.log, opts.health) : null
  const limiter = (prefix: string, points: number, duration: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis.client,
          keyPrefix: `${opts.prefix ?? ''}rl:${prefix}`,
          points,
          duration,
          // not connected: straight to the twin, no command sent
          rejectIfRedisNotReady: true,
          // Counts do not move between the two: while Redis is away an instance counts on its own from zero, and back
          // on Redis the shared counts it left (or, after a restart, none) apply again.
          insuranceLimiter: new CountingMemory({ keyPrefix: prefix, points, duration }, opts.onFallback),
        })
      : new RateLimiterMemory({ keyPrefix: prefix, points, duration })
  const make = (prefix: string, points: number, duration: number, what = 'requests') =>
    wrap(limiter(prefix, points, duration), what, refusals(prefix))
  return {
    perIp: opts.perMinute > 0 ? make('ip', opts.perMinute, 60) : null,
    loginPerIp: make('login-ip', opts.loginAttempts * 5, 15 * 60, 'failed logins'),
    loginPerAccount: make('login-acct', opts.loginAttempts, 15 * 60, 'failed logins'),
    loginPerAccountIp: make('login-acct-ip', opts.loginAttempts, 15 * 60, 'failed logins'),
    loginSlowLane: slowLane(limiter('login-slow', 1, 1), 'login attempts', refusals('login-slow')),
    make: (prefix, points, duration) => make(prefix, points, duration),
    degraded() {
      if (!redis) return null
      return redis.client.status === 'ready' ? null : `in-memory fallback (Redis connection ${redis.client.status})`
    },
    close() {
      redis?.close()
      return Promise.resolve()
    },
  }
}

/** An in-memory twin that tells each time it answers (rate-limiter-flexible calls it only when Redis failed). */
class CountingMemory extends RateLimiterMemory {
  constructor(
    opts: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly used: () => void = () => undefined,
  ) {
    super(opts)
  }
  override consume(...a: Parameters<RateLimiterMemory['consume']>) {
    this.used()
    return super.consume(...a)
  }
  override penalty(...a: Parameters<RateLimiterMemory['penalty']>) {
    this.used()
    return super.penalty(...a)
  }
  override reward(...a: Parameters<RateLimiterMemory['reward']>) {
    this.used()
    return super.reward(...a)
  }
  override get(...a: Parameters<RateLimiterMemory['get']>) {
    this.used()
    return super.get(...a)
  }
  override set(...a: Parameters<RateLimiterMemory['set']>) {
    this.used()
    return super.set(...a)
  }
  override block(...a: Parameters<RateLimiterMemory['block']>) {
    this.used()
    return super.block(...a)
  }
  override delete(...a: Parameters<RateLimiterMemory['delete']>) {
    this.used()
    return super.delete(...a)
  }
}

/**
 * The limiters' connection, made to fail fast: no offline queue (a command while disconnected fails at once), a
 * command timeout, no retries of a command over reconnects — any failure sends the limiter to its in-memory twin.
 * Its state goes to the instance's Redis health (one log line per outage, /readyz).
 */
function limitsClient(url: string, timeoutMs: number, log?: Logger, health?: RedisHealth) {
  let closing = false
  const client = new Redis(url, { enableOfflineQueue: false, commandTimeout: timeoutMs, maxRetriesPerRequest: 0 })
  const name = 'rate limits'
  let lastError = ''
  client.on('error', (e: Error) => {
    lastError = e.message
    log?.debug('redis connection error', { connection: name, error: e.message })
    if (client.status !== 'ready') health?.report(name, e.message)
  })
  client.on('close', () => {
    // disconnect() at shutdown: not an outage
    if (!closing) health?.report(name, lastError || 'connection closed')
  })
  client.on('ready', () => {
    lastError = ''
    health?.report(name, null)
  })
  return {
    client,
    close() {
      closing = true
      client.disconnect()
    },
  }
}
