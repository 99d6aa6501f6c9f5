import { randomBytes } from 'node:crypto'
import type { Logger } from '../log.js'
import type { RedisHealth } from '../redis-health.js'
import { createJournal } from './journal.js'
import type { PubSubMetrics } from './metrics.js'
import { createReceiver } from './receiver.js'
import { openRedisConnections } from './redis-connections.js'
import { createRedisTransport } from './redis-transport.js'
import { createSender } from './sender.js'

export interface RedisBusOptions {
  url: string
  /** REDIS_PREFIX: the journal's key is under it (channels carry it already) */
  prefix: string
  health: RedisHealth
  /** PUBSUB_OUTAGE_QUEUE: events kept for Redis while it is unreachable */
  queueLimit: number
  /** hands an event of another instance (its payload as JSON) to this instance's listeners of the channel */
  deliver: (channel: string, message: string) => void
  log?: Logger
  metrics?: PubSubMetrics
  /** for tests: how long after a reconnection every event also goes to the journal, and how long entries stay */
  journalGraceMs?: number
  journalRetentionMs?: number
}

/** After its publishing connection is back, an instance writes every event to the journal for this long. */
const JOURNAL_GRACE_MS = 30_000
/** Journal entries older than this are trimmed; the key expires this long after its last write. */
const JOURNAL_RETENTION_MS = 60_000
/** At shutdown, how long events still queued may take to reach Redis. */
const DRAIN_MS = 1_000

/**
 * Cross-instance delivery over Redis that keeps working through an outage (README "Events through an outage"):
 * graphql-redis-subscriptions' RedisPubSub is the transport (redis-transport.ts) over two ioredis connections this
 * instance owns (redis-connections.ts); on top of it every event carries an id (envelope.ts), waits in the outage
 * queue while Redis is away and is journaled for instances that reconnect later (sender.ts, journal.ts), and the
 * receiving side drops copies and catches up after a reconnection (receiver.ts). The caller delivers an instance's
 * own events to its listeners at once, Redis or not; their copies from Redis are ignored.
 */
export function createRedisBus(opts: RedisBusOptions) {
  const { log, metrics, health } = opts
  const origin = randomBytes(9).toString('base64url')
  const conn = openRedisConnections({
    url: opts.url,
    health,
    log,
    // connection events come once connected, when everything below exists
    events: {
      publisherReady: (reconnected) => void sender.publisherReady(reconnected),
      publisherLost: () => sender.publisherLost(),
      subscriberReady: () => receiver.subscriberReady(),
      subscriberLost: (at) => receiver.subscriberLost(at),
    },
  })
  /** during a reported outage, or at shutdown, a failed command is expected */
  const quiet = () => health.down() !== null || conn.closing()
  const journal = createJournal(conn.pub, {
    key: `${opts.prefix}pubsub:journal`,
    retentionMs: opts.journalRetentionMs ?? JOURNAL_RETENTION_MS,
    log,
    health,
  })
  const transport = createRedisTransport({
    pub: conn.pub,
    sub: conn.sub,
    subscriberUp: conn.subscriberUp,
    log,
    quiet,
    onMessage: (channel, m) => receiver.onMessage(channel, m),
  })
  const sender = createSender({
    origin,
    connected: () => conn.pub.status === 'ready',
    transmit: transport.publish,
    journal,
    queueLimit: opts.queueLimit,
    graceMs: opts.journalGraceMs ?? JOURNAL_GRACE_MS,
    quiet,
    log,
    metrics,
  })
  const receiver = createReceiver({
    origin,
    journal,
    channels: transport.channels,
    resubscribe: transport.resubscribe,
    publisherUp: conn.publisherUp,
    roundTrip: () => conn.sub.ping(),
    connected: conn.subscriberUp,
    closing: conn.closing,
    deliver: opts.deliver,
    log,
    metrics,
  })

  return {
    origin,
    /** sends an event (its payload as JSON) to the other instances: now, or once Redis is back */
    publish: sender.publish,
    /** the first listener of a channel on this instance, and its last */
    listen: transport.listen,
    unlisten: transport.unlisten,
    waiting: sender.waiting,
    /** why cross-instance delivery is impaired right now, or null */
    down: () => conn.down(sender.waiting()),
    /**
     * Resolves once Redis acknowledged every SUBSCRIBE issued so far: ioredis sends commands in order, so a PING
     * answered on the subscriber connection means the earlier SUBSCRIBEs landed. Rejects at once, naming Redis, while
     * a connection is lost.
     */
    async ready() {
      const down = conn.down(sender.waiting())
      if (down) throw new Error(down)
      await conn.subscriberSettled()
      await conn.sub.ping().catch((e: unknown) => {
        throw new Error(`Redis: ${e instanceof Error ? e.message : String(e)}`)
      })
    },
    async close() {
      await Promise.all([sender.drain(DRAIN_MS), transport.settle(DRAIN_MS)])
      const left = sender.waiting()
      if (left)
        log?.warn('pubsub: events still queued for Redis at shutdown are lost for other instances', { events: left })
      conn.close()
    },
  }
}

export type RedisBus = ReturnType<typeof createRedisBus>
