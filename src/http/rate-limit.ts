import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { Redis } from 'ioredis'
import { AppError } from '../errors.js'

/**
 * Fixed-window limiters (rate-limiter-flexible): in memory for one instance, in Redis when REDIS_URL is set so that
 * every instance counts against the same budget.
 */
export interface Limiter {
  /** throws RATE_LIMIT_EXCEEDED (with retryAfter seconds) when the key is over its budget */
  consume(key: string, points?: number): Promise<void>
  /** throws like consume when the key is already over its budget, without spending a point */
  check(key: string): Promise<void>
  reset(key: string): Promise<void>
}

export interface RateLimits {
  perIp: Limiter | null
  loginPerIp: Limiter
  loginPerAccount: Limiter
  /** a limiter for plugins (chat's 60 events a minute …), namespaced by prefix */
  make(prefix: string, points: number, durationSec: number): Limiter
  close(): Promise<void>
}

function wrap(rl: RateLimiterAbstract, what: string): Limiter {
  const refuse = (msBeforeNext: number) => {
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
  }
}

export function createRateLimits(opts: { redisUrl?: string; prefix?: string; perMinute: number; loginAttempts: number }): RateLimits {
  const redis = opts.redisUrl ? new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 }) : null
  const make = (prefix: string, points: number, duration: number, what = 'requests') =>
    wrap(
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `${opts.prefix ?? ''}rl:${prefix}`, points, duration })
        : new RateLimiterMemory({ keyPrefix: prefix, points, duration }),
      what,
    )
  return {
    perIp: opts.perMinute > 0 ? make('ip', opts.perMinute, 60) : null,
    loginPerIp: make('login-ip', opts.loginAttempts * 5, 15 * 60, 'failed logins'),
    loginPerAccount: make('login-acct', opts.loginAttempts, 15 * 60, 'failed logins'),
    make: (prefix, points, duration) => make(prefix, points, duration),
    async close() {
      redis?.disconnect()
    },
  }
}
