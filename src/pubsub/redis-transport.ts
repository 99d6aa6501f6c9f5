import { RedisPubSub } from 'graphql-redis-subscriptions'
import type { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import { readWire, type Received } from './envelope.js'

/** An event on its way to Redis: its channel and its message with its id (src/pubsub/envelope.ts). */
export interface WireEvent {
  channel: string
  wire: string
}

/**
 * graphql-redis-subscriptions' RedisPubSub over the bus's own two ioredis connections: it PUBLISHes, SUBSCRIBEs and
 * UNSUBSCRIBEs. Its serializer sends the message as the bus made it (the id first); its deserializer reads the id back
 * without parsing the payload — this instance's own events and copies are dropped unparsed, and a message that is not
 * JSON reaches the listeners' delivery, which drops it with a warning. (A `reviver` would parse every payload and
 * cannot be combined with a deserializer.)
 *
 * The instance holds one RedisPubSub subscription per channel that has listeners here (`listen` / `unlisten`, called
 * for the first and the last local listener): the bus filters and orders what arrives once per message, then the
 * local listeners share it. RedisPubSub's own async iterator (one subscription per GraphQL subscriber, no filter
 * between Redis and the subscriber) is not used. RedisPubSub hands a channel's messages on once its SUBSCRIBE's
 * callback has run: one that arrives with the acknowledgement itself is dropped — as an event published while a
 * subscriber subscribes may be anywhere; `ready()` (a PING after the SUBSCRIBEs) resolves after those callbacks.
 */
export function createRedisTransport(opts: {
  pub: Redis
  sub: Redis
  /** whether the subscriber connection is ready */
  subscriberUp: () => boolean
  log?: Logger
  /** whether a failure is expected now (an outage reported, or shutting down): logged at debug, not as a warning */
  quiet: () => boolean
  onMessage: (channel: string, message: Received) => void
}) {
  const { sub, log } = opts
  const rps = new RedisPubSub({
    publisher: opts.pub,
    subscriber: sub,
    serializer: (e: WireEvent) => e.wire,
    deserializer: (raw: string | Buffer) => readWire(typeof raw === 'string' ? raw : raw.toString('utf8')),
  })
  /**
   * channel → its RedisPubSub subscription id, once SUBSCRIBE was acknowledged (null: it failed); no promise yet:
   * the subscriber connection was not ready, the channel is subscribed when it is (`resubscribe`)
   */
  const links = new Map<string, Promise<number | null> | null>()
  /** SUBSCRIBEs not answered yet, of channels still in use or not */
  const unanswered = new Set<Promise<unknown>>()

  function link(channel: string): Promise<number | null> {
    const id = rps
      .subscribe<Received>(channel, (m) => opts.onMessage(channel, m))
      .then(
        (n) => n,
        (e: unknown) => {
          const fields = { channel, error: String(e) }
          if (opts.quiet()) log?.debug('redis subscribe failed', fields)
          else log?.warn('redis subscribe failed', fields)
          // tried again at the next reconnection
          if (links.get(channel) === id) links.set(channel, null)
          return null
        },
      )
    links.set(channel, id)
    unanswered.add(id)
    void id.then(() => unanswered.delete(id))
    return id
  }

  return {
    /** Sends one event; resolves once Redis confirmed it. */
    publish: (e: WireEvent): Promise<void> => rps.publish(e.channel, e),

    listen: (channel: string) => {
      if (links.has(channel)) return
      if (opts.subscriberUp()) void link(channel)
      else links.set(channel, null)
    },

    unlisten: (channel: string) => {
      const id = links.get(channel)
      links.delete(channel)
      // RedisPubSub unsubscribes an id once its SUBSCRIBE is through; UNSUBSCRIBE goes with a channel's last one
      void id?.then((n) => {
        try {
          if (n !== null) rps.unsubscribe(n)
        } catch (e) {
          // its bookkeeping lost the id: nothing of ours to release
          log?.warn('redis unsubscribe failed', { channel, error: String(e) })
        }
      })
    },

    channels: () => [...links.keys()],

    /**
     * When the subscriber connection is (back) up — autoResubscribe is off: the bus decides when — SUBSCRIBEs every
     * channel in use, and resolves once Redis acknowledged them: what is published from then on arrives here.
     */
    resubscribe: async (): Promise<void> => {
      const linked: string[] = []
      const pending: Promise<unknown>[] = []
      for (const [channel, id] of links) {
        if (id) linked.push(channel)
        else pending.push(link(channel))
      }
      if (linked.length) pending.push(sub.subscribe(...linked))
      await Promise.all(pending)
    },

    /** at shutdown: SUBSCRIBEs still on their way are answered first (one failing then would go unhandled, see redis-connections.ts) */
    settle: async (ms: number): Promise<void> => {
      if (unanswered.size) await Promise.race([Promise.all(unanswered), new Promise((r) => setTimeout(r, ms).unref())])
    },
  }
}

export type RedisTransport = ReturnType<typeof createRedisTransport>
