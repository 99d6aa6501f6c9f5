import { setMaxListeners } from 'node:events'
import { createPubSub } from 'graphql-yoga'
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target'
import { Redis } from 'ioredis'
import type { TopicMap, TopicName } from './topics.js'

export type { TopicMap, TopicName } from './topics.js'

type Key = string | number

export interface AppPubSub {
  publish<T extends TopicName>(topic: T, key: Key, payload: TopicMap[T]): void
  subscribe<T extends TopicName>(topic: T, key: Key): AsyncIterableIterator<TopicMap[T]>
  /** live listeners on this instance (a leak shows as a count that never comes back down) */
  listenerCount(): number
  /** resolves once Redis acknowledged every SUBSCRIBE issued so far (immediate in memory) */
  ready(): Promise<void>
  close(): Promise<void>
}

type Target = EventTarget & { dispatchEvent(e: Event): boolean }

/** Wraps an event target so that listener registrations are counted. */
function counting(target: Target) {
  let count = 0
  const wrapped = {
    addEventListener(type: string, cb: EventListenerOrEventListenerObject | null, opts?: unknown) {
      count++
      target.addEventListener(type, cb, opts as AddEventListenerOptions)
    },
    removeEventListener(type: string, cb: EventListenerOrEventListenerObject | null, opts?: unknown) {
      count--
      target.removeEventListener(type, cb, opts as EventListenerOptions)
    },
    dispatchEvent: (e: Event) => target.dispatchEvent(e),
  }
  return { wrapped, count: () => count }
}

/** In-memory events are passed through JSON too, so both engines deliver the same JSON-safe shapes. */
class JsonEventTarget extends EventTarget {
  override dispatchEvent(event: Event): boolean {
    const data = (event as CustomEvent).detail ?? (event as unknown as { data: unknown }).data
    const copy = new CustomEvent(event.type, { detail: data === undefined ? data : JSON.parse(JSON.stringify(data)) })
    return super.dispatchEvent(copy)
  }
}

export function createAppPubSub(opts: { redisUrl?: string; prefix?: string; allowed: ReadonlySet<string> }): AppPubSub {
  const prefix = opts.prefix ?? ''
  let redis: { pub: Redis; sub: Redis } | undefined
  let base: Target
  if (opts.redisUrl) {
    // A subscriber connection cannot publish: two connections.
    const pub = new Redis(opts.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
    const sub = new Redis(opts.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
    redis = { pub, sub }
    base = createRedisEventTarget({ publishClient: pub, subscribeClient: sub }) as unknown as Target
  } else {
    const target = new JsonEventTarget()
    // Many subscribers of one key (a busy channel, a user's tabs) are normal here, not a leak: listenerCount() is the
    // leak signal. Without this, Node warns "MaxListenersExceededWarning" from the 11th listener of a topic.
    setMaxListeners(Infinity, target)
    base = target
  }
  const { wrapped, count } = counting(base)
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
      if (redis) await redis.sub.ping()
    },
    async close() {
      if (redis) {
        redis.pub.disconnect()
        redis.sub.disconnect()
      }
    },
  }
}
