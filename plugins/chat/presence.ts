import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../../src/log.js'

export interface PresenceList {
  amount: number
  users: number[]
}

/**
 * Who is watching a channel: one session per live subscription. The amount counts people, not subscriptions: a
 * logged-in user counts once however many subscriptions (tabs, sockets, instances) they hold; each guest subscription
 * counts once (a guest has no identity to merge by).
 * With Redis every instance writes its own share of each channel into a hash and keeps an "alive" key with a TTL,
 * so an instance that dies without cleaning up drops out within ALIVE_SECONDS.
 * While Redis is unreachable (or does not answer within REDIS_TIMEOUT_MS) presence is this instance's own view: joins
 * and leaves keep the local map, counts come from it. Once Redis is back the instance announces every share it holds
 * again (Redis may have restarted empty), and each heartbeat retries the shares whose write failed.
 */
export interface Presence {
  join(channel: string, session: string, userId: number | null): Promise<void>
  leave(channel: string, session: string): Promise<void>
  list(channel: string): Promise<PresenceList>
  close(): Promise<void>
}

const ALIVE_SECONDS = 30

/** One instance's share of a channel: its guest subscriptions and the distinct users among the others. */
interface Share {
  guests: number
  users: number[]
}

/** Shares of several instances → one list: guests add up, users are merged (one user on two instances is one). */
function merge(shares: Share[]): PresenceList {
  let guests = 0
  const users = new Set<number>()
  for (const s of shares) {
    guests += s.guests
    for (const u of s.users) users.add(u)
  }
  return { amount: guests + users.size, users: [...users].sort((a, b) => a - b) }
}

export function createPresence(
  redisUrl: string | undefined,
  prefix: string,
  opts: { timeoutMs?: number; log?: Logger; onFallback?: () => void } = {},
): Presence {
  const local = new Map<string, Map<string, number | null>>()
  const share = (channel: string): Share => {
    let guests = 0
    const users = new Set<number>()
    for (const u of local.get(channel)?.values() ?? []) {
      if (u) users.add(u)
      else guests++
    }
    return { guests, users: [...users] }
  }
  const add = (channel: string, session: string, userId: number | null) => {
    let m = local.get(channel)
    if (!m) local.set(channel, (m = new Map<string, number | null>()))
    m.set(session, userId)
  }
  const del = (channel: string, session: string) => {
    const m = local.get(channel)
    m?.delete(session)
    if (m?.size === 0) local.delete(channel)
  }
  if (!redisUrl) {
    // this instance's view is all there is: every answer is ready at once
    return {
      join(c, s, u) {
        add(c, s, u)
        return Promise.resolve()
      },
      leave(c, s) {
        del(c, s)
        return Promise.resolve()
      },
      list: (c) => Promise.resolve(merge([share(c)])),
      close: () => Promise.resolve(),
    }
  }
  // Fail fast (no offline queue, a command timeout, no retries over reconnects): a failed write leaves the channel
  // marked for the next announcement, a failed read answers with this instance's own view.
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    commandTimeout: opts.timeoutMs ?? 100,
    maxRetriesPerRequest: 0,
  })
  redis.on('error', (e: Error) =>
    opts.log?.debug('redis connection error', { connection: 'chat presence', error: e.message }),
  )
  const instance = randomUUID()
  const aliveKey = (id: string) => `${prefix}chat:presence:alive:${id}`
  const hashKey = (c: string) => `${prefix}chat:presence:${c}`
  /** channels whose share in Redis may be stale: a write failed, or Redis came back (maybe empty) */
  const stale = new Set<string>()
  let closing = false
  const writeShare = (c: string) => {
    const s = share(c)
    return s.guests === 0 && s.users.length === 0
      ? redis.hdel(hashKey(c), instance)
      : redis.hset(hashKey(c), instance, JSON.stringify(s))
  }
  const write = async (c: string) => {
    if (redis.status !== 'ready') {
      stale.add(c)
      opts.onFallback?.()
      return
    }
    try {
      await writeShare(c)
      stale.delete(c)
    } catch (e) {
      stale.add(c)
      opts.onFallback?.()
      opts.log?.debug('presence write failed', { channel: c, error: (e as Error).message })
    }
  }
  /** The alive key, then every share that may be stale — after a (re)connection, every share this instance holds. */
  let announcing: Promise<void> | undefined
  const announce = () =>
    (announcing ??= (async () => {
      try {
        await redis.set(aliveKey(instance), '1', 'EX', ALIVE_SECONDS)
        for (const c of [...stale]) await write(c)
      } catch (e) {
        opts.log?.debug('presence heartbeat failed', { error: (e as Error).message })
      } finally {
        announcing = undefined
      }
    })())
  redis.on('ready', () => {
    for (const c of local.keys()) stale.add(c)
    // after a heartbeat still running (it may have started before these were marked)
    void (announcing ?? Promise.resolve()).then(announce)
  })
  const timer = setInterval(() => void announce(), (ALIVE_SECONDS / 3) * 1000)
  timer.unref()
  return {
    async join(c, s, u) {
      add(c, s, u)
      await write(c)
    },
    async leave(c, s) {
      del(c, s)
      await write(c)
    },
    async list(c) {
      if (redis.status !== 'ready') {
        opts.onFallback?.()
        return merge([share(c)])
      }
      try {
        return await listShared(c)
      } catch (e) {
        opts.onFallback?.()
        opts.log?.debug("presence read failed: this instance's view", { channel: c, error: (e as Error).message })
        return merge([share(c)])
      }
    },
    async close() {
      closing = true
      clearInterval(timer)
      // Leave cleanly: our share of every channel goes now rather than when the alive key expires.
      if (redis.status === 'ready') {
        const pipeline = redis.pipeline()
        for (const c of local.keys()) pipeline.hdel(hashKey(c), instance)
        pipeline.del(aliveKey(instance))
        // best effort: what a failed clean-up leaves, the alive key's expiry takes away
        await pipeline.exec().catch(() => undefined)
      }
      redis.disconnect()
    },
  }

  async function listShared(c: string): Promise<PresenceList> {
    // this instance's share as it is now, whatever Redis holds of it (a write may still be pending)
    const all = await redis.hgetall(hashKey(c))
    const ids = Object.keys(all).filter((id) => id !== instance)
    const shares: Share[] = [share(c)]
    if (!ids.length) return merge(shares)
    const alive = await redis.mget(ids.map(aliveKey))
    for (const [i, id] of ids.entries()) {
      if (!alive[i]) {
        if (!closing) await redis.hdel(hashKey(c), id)
        continue
      }
      const s = JSON.parse(all[id]) as Partial<Share> & { amount?: number; users: number[] }
      // an instance of the previous version wrote { amount, users } (amount counting subscriptions)
      shares.push({ guests: s.guests ?? Math.max(0, (s.amount ?? 0) - s.users.length), users: s.users })
    }
    return merge(shares)
  }
}
