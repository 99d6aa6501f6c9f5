import type { Logger } from './log.js'

/**
 * One view of Redis's health for the whole instance. Every Redis connection (pub/sub's two, the rate limits') reports
 * here when it is lost and when it is back, so an outage is logged once — one warning when the first connection goes,
 * one line with its duration when the last one is back — however many connections and reconnect attempts it takes,
 * and /readyz names it.
 */
export interface RedisHealth {
  /** `reason` when a connection is unusable, null when it is (again) ready */
  report(connection: string, reason: string | null): void
  /** why Redis is unreachable right now (the first connection that went), or null */
  down(): string | null
  /** when the current outage began (ms since the epoch), or null */
  since(): number | null
}

export function createRedisHealth(log?: Logger): RedisHealth {
  const lost = new Map<string, string>()
  let since: number | null = null
  return {
    report(connection, reason) {
      if (reason !== null) {
        if (!lost.has(connection) && lost.size === 0) {
          since = Date.now()
          log?.warn(
            'redis unreachable: serving degraded (in-memory rate limits, ' +
              "this instance's presence, events queued for other instances)",
            { connection, error: reason },
          )
        }
        lost.set(connection, reason)
        return
      }
      if (!lost.delete(connection) || lost.size > 0) return
      log?.info('redis back', { downMs: Date.now() - (since ?? Date.now()) })
      since = null
    },
    down() {
      const first = lost.entries().next()
      return first.done ? null : `${first.value[0]}: ${first.value[1]}`
    },
    since: () => since,
  }
}
