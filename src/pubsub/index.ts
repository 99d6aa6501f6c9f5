import { setMaxListeners } from 'node:events'
import { createPubSub } from 'graphql-yoga'
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target'
import type { Logger } from '../log.js'
import { createRedisHealth, type RedisHealth } from '../redis-health.js'
import { createRedisBus, type PubSubMetrics, type RedisBus } from './redis-bus.js'
import type { TopicMap, TopicName } from './topics.js'

export type { TopicMap, TopicName } from './topics.js'
export type { PubSubMetrics } from './redis-bus.js'

type Key = string | number

export interface AppPubSub {
  /**
   * Never fails the caller once the topic is known: this instance's listeners get the event at once, the other
   * instances through Redis — at once, or after an outage from the outage queue (src/pubsub/redis-bus.ts). A write
   * publishes after it committed, so what it committed stands whatever the bus does.
   */
  publish<T extends TopicName>(topic: T, key: Key, payload: TopicMap[T]): void
  subscribe<T extends TopicName>(topic: T, key: Key): AsyncIterableIterator<TopicMap[T]>
  /** live listeners on this instance (a leak shows as a count that never comes back down) */
  listenerCount(): number
  /**
   * resolves once Redis acknowledged every SUBSCRIBE issued so far (immediate in memory); rejects at once, naming
   * Redis, while the connection is lost (readiness reports it; subscriptions resume when Redis is back)
   */
  ready(): Promise<void>
  /** events waiting for Redis on this instance (0 in memory) */
  waiting(): number
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

/** In-memory events are passed through JSON too, so both engines deliver the same JSON-safe shapes. */
class JsonEventTarget extends EventTarget {
  override dispatchEvent(event: Event): boolean {
    const data = (event as CustomEvent).detail ?? (event as unknown as { data: unknown }).data
    const copy = new CustomEvent(event.type, { detail: data === undefined ? data : JSON.parse(JSON.stringify(data)) })
    return super.dispatchEvent(copy)
  }
}

export interface AppPubSubOptions {
  redisUrl?: string
  prefix?: string
  allowed: ReadonlySet<string>
  log?: Logger
  health?: RedisHealth
  /** PUBSUB_OUTAGE_QUEUE (default 10,000) */
  outageQueue?: number
  metrics?: PubSubMetrics
}

export function createAppPubSub(opts: AppPubSubOptions): AppPubSub {
  const prefix = opts.prefix ?? ''
  let redis: RedisBus | undefined
  let base: Target
  // assigned below; the Redis bus asks for it only once connected
  let channelsInUse: () => string[] = () => []
  if (opts.redisUrl) {
    redis = createRedisBus({
      url: opts.redisUrl,
      prefix,
      channelsInUse: () => channelsInUse(),
      health: opts.health ?? createRedisHealth(opts.log),
      queueLimit: opts.outageQueue ?? 10_000,
      log: opts.log,
      metrics: opts.metrics,
    })
    base = createRedisEventTarget({
      publishClient: redis.publishClient as never,
      subscribeClient: redis.subscribeClient as never,
    }) as unknown as Target
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
      try {
        inner.publish(prefix + topic, key, payload)
      } catch (e) {
        // a payload JSON cannot carry (a cycle, a BigInt) is a bug to fix, not a reason to fail a committed write
        opts.log?.error('pub/sub publish failed', { topic, error: String(e), stack: (e as Error)?.stack })
      }
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
    waiting: () => redis?.waiting() ?? 0,
    async close() {
      await redis?.close()
    },
  }
}
