import type { Logger } from '../log.js'
import { createRedisHealth, type RedisHealth } from '../redis-health.js'
import { EventQueue } from './event-queue.js'
import { LocalListeners } from './local-listeners.js'
import type { PubSubMetrics } from './metrics.js'
import { createRedisBus, type RedisBus } from './redis-bus.js'
import type { TopicMap, TopicName } from './topics.js'

export type { TopicMap, TopicName } from './topics.js'
export type { PubSubMetrics } from './metrics.js'

type Key = string | number

export interface AppPubSub {
  /**
   * Never fails the caller once the topic is known: this instance's listeners get the event at once, the other
   * instances through Redis — at once, or after an outage from the outage queue (src/pubsub/sender.ts). A write
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

/**
 * The typed pub/sub of the app. Events go to a channel `<prefix><topic>:<key>`; every payload travels as JSON (in
 * memory too), so both engines deliver the same JSON-safe shapes. Without REDIS_URL it stays on this instance; with
 * it, src/pubsub/redis-bus.ts carries events to the other instances (graphql-redis-subscriptions underneath).
 */
export function createAppPubSub(opts: AppPubSubOptions): AppPubSub {
  const prefix = opts.prefix ?? ''
  const { log } = opts
  let redis: RedisBus | undefined
  // topic names have no colon; an unknown one (an instance with other plugins) is not given a series of its own
  const topicOf = (channel: string) => {
    const topic = channel.slice(prefix.length).split(':', 1)[0]
    return opts.allowed.has(topic) ? topic : 'other'
  }
  // the first listener of a channel makes the instance listen to it on Redis, its last one stops that
  const listeners = new LocalListeners(
    { first: (channel) => redis?.listen(channel), last: (channel) => redis?.unlisten(channel) },
    log,
  )
  if (opts.redisUrl)
    redis = createRedisBus({
      url: opts.redisUrl,
      prefix,
      health: opts.health ?? createRedisHealth(log),
      queueLimit: opts.outageQueue ?? 10_000,
      deliver: (channel, message) => {
        opts.metrics?.received?.(topicOf(channel))
        listeners.deliver(channel, message)
      },
      log,
      metrics: opts.metrics,
    })
  const check = (topic: string) => {
    if (!opts.allowed.has(topic)) throw new Error(`pub/sub topic "${topic}" belongs to no enabled plugin`)
  }
  const channelOf = (topic: string, key: Key) => `${prefix}${topic}:${key}`

  return {
    publish(topic, key, payload) {
      check(topic)
      opts.metrics?.published?.(topic)
      const channel = channelOf(topic, key)
      try {
        const message = JSON.stringify(payload) as string | undefined
        // this instance's listeners: at once, whatever Redis does (their copy from Redis is ignored)
        listeners.deliver(channel, message ?? '')
        redis?.publish(channel, message ?? '')
      } catch (e) {
        // a payload JSON cannot carry (a cycle, a BigInt) is a bug to fix, not a reason to fail a committed write
        log?.error('pub/sub publish failed', {
          topic,
          error: String(e),
          stack: e instanceof Error ? e.stack : undefined,
        })
      }
    },
    subscribe<T extends TopicName>(topic: T, key: Key) {
      check(topic)
      const channel = channelOf(topic, key)
      // the listener is registered when iteration starts, and removed when the iterator is returned
      // (the payload is what a publisher of this topic sent, as JSON: the topic map is the contract)
      return new EventQueue<TopicMap[T]>((push) => listeners.add(channel, push as (payload: unknown) => void))
    },
    listenerCount: () => listeners.count(),
    async ready() {
      await redis?.ready()
    },
    waiting: () => redis?.waiting() ?? 0,
    async close() {
      await redis?.close()
    },
  }
}
