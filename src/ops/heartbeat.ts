import { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import type { OpsInstance } from './types.js'

/** An instance as its heartbeat stores it in Redis (JSON: dates as ISO strings). */
interface Stored {
  id: string
  startedAt: string
  lastSeenAt: string
  plugins: string[]
  wsConnections: number
}

export interface Heartbeat {
  start(): void
  /** this instance and the others whose heartbeat is fresh, oldest first; without Redis (or when it fails) this one */
  instances(): Promise<OpsInstance[]>
  /** stops beating and removes this instance's record */
  stop(): Promise<void>
}

export interface HeartbeatOptions {
  redisUrl?: string
  prefix: string
  /** this instance as it is now */
  self: () => OpsInstance
  /** REDIS_TIMEOUT_MS: a command waits no longer */
  timeoutMs: number
  log?: Logger
  intervalMs?: number
  /** a record not renewed for this long is gone */
  ttlMs?: number
}

const toStored = (i: OpsInstance): Stored => ({
  id: i.id,
  startedAt: new Date(i.startedAt).toISOString(),
  lastSeenAt: new Date(i.lastSeenAt).toISOString(),
  plugins: [...i.plugins],
  wsConnections: i.wsConnections,
})

function parse(text: string | null): Stored | null {
  if (!text) return null
  try {
    const s = JSON.parse(text) as Partial<Stored>
    return typeof s.id === 'string' && typeof s.startedAt === 'string' && typeof s.lastSeenAt === 'string'
      ? {
          id: s.id,
          startedAt: s.startedAt,
          lastSeenAt: s.lastSeenAt,
          plugins: s.plugins ?? [],
          wsConnections: s.wsConnections ?? 0,
        }
      : null
  } catch {
    return null
  }
}

/**
 * Which instances are up: each writes `<prefix>ops:instance:<id>` (its figures, with a TTL) every few seconds and
 * scores its id with the time in the sorted set `<prefix>ops:instances`, which is read to list the others (no SCAN
 * of the keyspace). The connection fails fast like the rate limits' (no offline queue, a command timeout): a beat or a
 * listing that fails is skipped and logged at debug — /readyz and redis_up tell of the outage.
 */
export function createHeartbeat(opts: HeartbeatOptions): Heartbeat {
  const interval = opts.intervalMs ?? 5_000
  const ttl = opts.ttlMs ?? 3 * interval
  const own = () => ({ ...opts.self(), lastSeenAt: new Date() })
  if (!opts.redisUrl)
    return {
      start: () => undefined,
      instances: () => Promise.resolve([own()]),
      stop: () => Promise.resolve(),
    }
  const set = `${opts.prefix}ops:instances`
  const keyOf = (id: string) => `${opts.prefix}ops:instance:${id}`
  const redis = new Redis(opts.redisUrl, {
    enableOfflineQueue: false,
    commandTimeout: opts.timeoutMs,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
  })
  redis.on('error', (e: Error) => opts.log?.debug('redis connection error', { connection: 'ops', error: e.message }))
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  async function beat() {
    if (stopped || redis.status !== 'ready') return
    const me = toStored(own())
    const now = Date.now()
    try {
      await redis
        .multi()
        .set(keyOf(me.id), JSON.stringify(me), 'PX', ttl)
        .zadd(set, now, me.id)
        .zremrangebyscore(set, '-inf', now - ttl)
        .pexpire(set, ttl)
        .exec()
    } catch (e) {
      opts.log?.debug('ops heartbeat failed', { error: String(e) })
    }
  }

  return {
    start() {
      // the first beat as soon as the connection is ready (and again after every reconnection)
      redis.on('ready', () => void beat())
      redis.connect().catch((e: unknown) => opts.log?.debug('ops heartbeat: no connection', { error: String(e) }))
      timer = setInterval(() => void beat(), interval)
      timer.unref()
    },
    async instances() {
      const me = own()
      let others: Stored[] = []
      try {
        const ids = (await redis.zrangebyscore(set, Date.now() - ttl, '+inf')).filter((id) => id !== me.id)
        if (ids.length) others = (await redis.mget(ids.map(keyOf))).flatMap((t) => parse(t) ?? [])
      } catch (e) {
        opts.log?.debug('ops: listing instances failed', { error: String(e) })
      }
      return [me, ...others].sort((a, b) => +new Date(a.startedAt) - +new Date(b.startedAt) || a.id.localeCompare(b.id))
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      const { id } = opts.self()
      if (redis.status === 'ready')
        await redis
          .multi()
          .del(keyOf(id))
          .zrem(set, id)
          .exec()
          .catch((e: unknown) => opts.log?.debug('ops heartbeat: removing the record failed', { error: String(e) }))
      redis.disconnect()
    },
  }
}
