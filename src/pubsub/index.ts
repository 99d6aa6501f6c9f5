import { setMaxListeners } from 'node:events'
import { createPubSub } from 'graphql-yoga'
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target'
import { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import { createRedisHealth, type RedisHealth } from '../redis-health.js'
import type { TopicMap, TopicName } from './topics.js'

export type { TopicMap, TopicName } from './topics.js'

type Key = string | number

export interface AppPubSub {
  publish<T extends TopicName>(topic: T, key: Key, payload: TopicMap[T]): void
  subscribe<T extends TopicName>(topic: T, key: Key): AsyncIterableIterator<TopicMap[T]>
  /** live listeners on this instance (a leak shows as a count that never comes back down) */
  listenerCount(): number
  /**
   * resolves once Redis acknowledged every SUBSCRIBE issued so far (immediate in memory); rejects at once, naming
   * Redis, while the connection is lost (readiness reports it; subscriptions resume when Redis is back)
   */
  ready(): Promise<void>
  close(): Promise<void>
}

type Target = EventTarget & { dispatchEvent(e: Event): boolean }

/** Wraps an event target so that listener registrations are counted, in all and per event type (= Redis channel). */
function counting(target: Target) {
  let count = 0
  const perType = new Map<string, number>()
  const wrapped = {
    addEventListener(type: string, cb: EventListenerOrEventListenerObject | null, opts?: unknown) {
      count++
      perType.set(type, (perType.get(type) ?? 0) + 1)
      target.addEventListener(type, cb, opts as AddEventListenerOptions)
    },
    removeEventListener(type: string, cb: EventListenerOrEventListenerObject | null, opts?: unknown) {
      count--
      const n = (perType.get(type) ?? 0) - 1
      if (n > 0) perType.set(type, n)
      else perType.delete(type)
      target.removeEventListener(type, cb, opts as EventListenerOptions)
    },
    dispatchEvent: (e: Event) => target.dispatchEvent(e),
  }
  return { wrapped, count: () => count, types: () => [...perType.keys()] }
}

/**
 * The two Redis connections, made to survive an outage:
 * - @graphql-yoga/redis-event-target fires PUBLISH, SUBSCRIBE and UNSUBSCRIBE without handling their promises: while
 *   Redis is down they reject (ioredis gives up on a command after maxRetriesPerRequest reconnect attempts), which
 *   would be unhandled rejections. Here they are caught and logged: an event published during an outage is lost
 *   (Redis pub/sub is at-most-once anyway).
 * - A SUBSCRIBE that failed during the outage is not in ioredis's own resubscribe list (it records only acknowledged
 *   ones), and an UNSUBSCRIBE that failed stays in it. So ioredis does not resubscribe by itself; after every
 *   (re)connection the subscriber connection subscribes exactly the channels that have listeners now.
 * - Connection states go to the instance's Redis health: one warning per outage and one line with its duration when
 *   it ends (src/redis-health.ts), not one per connection or reconnect attempt.
 * - While Redis cannot carry an event (either connection lost), it is delivered to this instance's own listeners
 *   instead, so a write made during an outage still reaches the subscribers on the instance that made it. It is not
 *   queued for Redis either: other instances never see it (at-most-once, as before), and this one does not see it twice.
 */
function redisClients(url: string, channelsInUse: () => string[], health: RedisHealth, log?: Logger) {
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, autoResubscribe: false })
  const state = new Map<Redis, { up: boolean; everUp: boolean; lastError: string }>()
  let closing = false
  for (const [name, client] of [['publish', pub], ['subscribe', sub]] as const) {
    const s = { up: false, everUp: false, lastError: '' }
    state.set(client, s)
    const connection = `pubsub ${name}`
    client.on('error', (e: Error) => {
      s.lastError = e.message
      log?.debug('redis connection error', { connection, error: e.message })
      // not connected at start: an outage too
      if (!s.up && !closing) health.report(connection, e.message)
    })
    client.on('close', () => {
      if (!s.up || closing) return
      s.up = false
      health.report(connection, s.lastError || 'connection closed')
    })
    client.on('ready', () => {
      s.up = s.everUp = true
      s.lastError = ''
      health.report(connection, null)
      if (client === sub) {
        const channels = channelsInUse()
        if (channels.length) sub.subscribe(...channels).catch((e: Error) => log?.warn('redis resubscribe failed', { channels: channels.length, error: e.message }))
      }
    })
  }
  // during a reported outage a failed command is expected (and its channel resubscribed once Redis is back): debug
  const failed = (what: string) => (e: Error) => (health.down() ? log?.debug : log?.warn)?.(`redis ${what} failed`, { error: e.message })
  /** usable, or still making its first connection without an error yet (commands wait in ioredis's queue meanwhile) */
  const usable = (client: Redis) => {
    const s = state.get(client)!
    return s.up || (!s.everUp && !s.lastError)
  }
  /** the event target's own message handler: delivers to this instance's listeners */
  let deliverHere: ((channel: string, message: string) => void) | undefined
  /** the clients as @graphql-yoga/redis-event-target uses them: only these four members */
  const publishClient = {
    publish(channel: string, message: string) {
      if (!usable(pub) || !usable(sub)) {
        // Redis cannot bring it back to us: deliver here, and only here
        deliverHere?.(channel, message)
        return Promise.resolve(0)
      }
      return pub.publish(channel, message).catch((e: Error) => {
        // lost with the connection (in flight, or given up after ioredis's retries): late here beats never
        failed('publish')(e)
        deliverHere?.(channel, message)
        return 0
      })
    },
  }
  const subscribeClient = {
    on: (event: 'message', cb: (channel: string, message: string) => void) => {
      deliverHere = cb
      sub.on(event, cb)
    },
    subscribe: (channel: string) => sub.subscribe(channel).catch(failed('subscribe')),
    unsubscribe: (channel: string) => sub.unsubscribe(channel).catch(failed('unsubscribe')),
  }
  return {
    pub,
    sub,
    publishClient,
    subscribeClient,
    /** why the subscriber connection is unusable right now (null when it is up, or making its first connection without an error yet) */
    down(): string | null {
      const s = state.get(sub)!
      if (usable(sub)) return null
      return `Redis ${s.everUp ? 'connection lost' : 'not reachable'} (${sub.status})${s.lastError ? `: ${s.lastError}` : ''}`
    },
    close() {
      closing = true
      pub.disconnect()
      sub.disconnect()
    },
  }
}

/** In-memory events are passed through JSON too, so both engines deliver the same JSON-safe shapes. */
class JsonEventTarget extends EventTarget {
  override dispatchEvent(event: Event): boolean {
    const data = (event as CustomEvent).detail ?? (event as unknown as { data: unknown }).data
    const copy = new CustomEvent(event.type, { detail: data === undefined ? data : JSON.parse(JSON.stringify(data)) })
    return super.dispatchEvent(copy)
  }
}

export function createAppPubSub(opts: { redisUrl?: string; prefix?: string; allowed: ReadonlySet<string>; log?: Logger; health?: RedisHealth }): AppPubSub {
  const prefix = opts.prefix ?? ''
  let redis: ReturnType<typeof redisClients> | undefined
  let base: Target
  // assigned below; the Redis clients ask for it only once connected
  let channelsInUse: () => string[] = () => []
  if (opts.redisUrl) {
    // A subscriber connection cannot publish: two connections.
    redis = redisClients(opts.redisUrl, () => channelsInUse(), opts.health ?? createRedisHealth(opts.log), opts.log)
    base = createRedisEventTarget({ publishClient: redis.publishClient as never, subscribeClient: redis.subscribeClient as never }) as unknown as Target
  } else {
    const target = new JsonEventTarget()
    // Many subscribers of one key (a busy channel, a user's tabs) are normal here, not a leak: listenerCount() is the
    // leak signal. Without this, Node warns "MaxListenersExceededWarning" from the 11th listener of a topic.
    setMaxListeners(Infinity, target)
    base = target
  }
  const { wrapped, count, types } = counting(base)
  channelsInUse = types
  const inner = createPubSub<Record<string, [Key, unknown]>>({ eventTarget: wrapped as never })
  const check = (topic: string) => {
    if (!opts.allowed.has(topic)) throw new Error(`pub/sub topic "${topic}" belongs to no enabled plugin`)
  }
  return {
    publish(topic, key, payload) {
      check(topic)
      inner.publish(prefix + topic, key, payload)
    },
    subscribe(topic, key) {
      check(topic)
      return inner.subscribe(prefix + topic, key) as never
    },
    listenerCount: count,
    async ready() {
      // ioredis queues commands in order: a PING answered on the subscriber connection means earlier SUBSCRIBEs landed.
      if (!redis) return
      const down = redis.down()
      if (down) throw new Error(down)
      await redis.sub.ping().catch((e: Error) => {
        throw new Error(`Redis: ${e.message}`)
      })
    },
    async close() {
      redis?.close()
    },
  }
}
