import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'

export interface PresenceList {
  amount: number
  users: number[]
}

/**
 * Who is watching a channel: one session per live subscription, logged-in user ids among them.
 * With Redis every instance writes its own share of each channel into a hash and keeps an "alive" key with a TTL,
 * so an instance that dies without cleaning up drops out within ALIVE_SECONDS.
 */
export interface Presence {
  join(channel: string, session: string, userId: number | null): Promise<void>
  leave(channel: string, session: string): Promise<void>
  list(channel: string): Promise<PresenceList>
  close(): Promise<void>
}

const ALIVE_SECONDS = 30

export function createPresence(redisUrl: string | undefined, prefix: string): Presence {
  const local = new Map<string, Map<string, number | null>>()
  const share = (channel: string) => {
    const sessions = local.get(channel)
    const users = new Set<number>()
    for (const u of sessions?.values() ?? []) if (u) users.add(u)
    return { amount: sessions?.size ?? 0, users: [...users].sort((a, b) => a - b) }
  }
  const add = (channel: string, session: string, userId: number | null) => {
    let m = local.get(channel)
    if (!m) local.set(channel, (m = new Map()))
    m.set(session, userId)
  }
  const del = (channel: string, session: string) => {
    const m = local.get(channel)
    m?.delete(session)
    if (m && m.size === 0) local.delete(channel)
  }
  if (!redisUrl) {
    return {
      async join(c, s, u) { add(c, s, u) },
      async leave(c, s) { del(c, s) },
      async list(c) { return share(c) },
      async close() {},
    }
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 })
  const instance = randomUUID()
  const aliveKey = (id: string) => `${prefix}chat:presence:alive:${id}`
  const hashKey = (c: string) => `${prefix}chat:presence:${c}`
  const beat = () => redis.set(aliveKey(instance), '1', 'EX', ALIVE_SECONDS)
  const ready = beat()
  const timer = setInterval(() => void beat().catch(() => {}), (ALIVE_SECONDS / 3) * 1000)
  timer.unref()
  const write = async (c: string) => {
    await ready
    const s = share(c)
    if (s.amount === 0) await redis.hdel(hashKey(c), instance)
    else await redis.hset(hashKey(c), instance, JSON.stringify(s))
  }
  return {
    async join(c, s, u) { add(c, s, u); await write(c) },
    async leave(c, s) { del(c, s); await write(c) },
    async list(c) {
      const all = await redis.hgetall(hashKey(c))
      const ids = Object.keys(all)
      if (!ids.length) return { amount: 0, users: [] }
      const alive = await redis.mget(ids.map(aliveKey))
      let amount = 0
      const users = new Set<number>()
      for (const [i, id] of ids.entries()) {
        if (!alive[i]) {
          await redis.hdel(hashKey(c), id)
          continue
        }
        const s = JSON.parse(all[id]) as PresenceList
        amount += s.amount
        for (const u of s.users) users.add(u)
      }
      return { amount, users: [...users].sort((a, b) => a - b) }
    },
    async close() {
      clearInterval(timer)
      // Leave cleanly: our share of every channel goes now rather than when the alive key expires.
      const pipeline = redis.pipeline()
      for (const c of local.keys()) pipeline.hdel(hashKey(c), instance)
      pipeline.del(aliveKey(instance))
      await pipeline.exec().catch(() => {})
      redis.disconnect()
    },
  }
}
