import type { Logger } from '../log.js'
import { encodeEnvelope } from './envelope.js'
import type { Journal } from './journal.js'
import { OutageQueue } from './outage-queue.js'
import type { PubSubMetrics } from './metrics.js'
import type { WireEvent } from './redis-transport.js'

/** Events sent to Redis at once while the outage queue is flushed. */
const FLUSH_BATCH = 200
/** A command failed on a live connection (an error reply): try the queue again after this long. */
const RETRY_MS = 1_000

interface Pending extends WireEvent {
  seq: number
  /** also written to the journal (it waited for Redis, or is sent soon after a reconnection) */
  journal: boolean
}

export interface SenderOptions {
  /** this instance's id on the wire */
  origin: string
  /** whether the publishing connection can take a command now */
  connected: () => boolean
  /** sends one event through Redis, resolving once Redis confirmed it */
  transmit: (e: WireEvent) => Promise<void>
  journal: Journal
  /** PUBSUB_OUTAGE_QUEUE */
  queueLimit: number
  /** how long after a reconnection every event also goes to the journal */
  graceMs: number
  /** whether a failure is expected now (an outage reported, or shutting down): logged at debug, not as a warning */
  quiet: () => boolean
  log?: Logger
  metrics?: PubSubMetrics
}

/**
 * The sending half of the bus. Every event gets an id (`origin` + a sequence number) and goes to Redis on a
 * connection that fails fast: while it is down the event waits in the bounded outage queue (PUBSUB_OUTAGE_QUEUE, the
 * oldest dropped past it), and what was sent but not confirmed when the connection went is put back at the front, in
 * order. Once the connection is back the queue is sent in order, in batches, new events behind it; so within one
 * instance's events the order never changes. An event Redis received although its confirmation was lost is sent
 * twice: receivers drop the copy by its id. Queued events, and every event sent during `graceMs` after a
 * reconnection (the other instances may still be reconnecting), are journaled too (src/pubsub/journal.ts).
 */
export function createSender(opts: SenderOptions) {
  const { log, metrics, journal } = opts
  let seq = 0
  const queue = new OutageQueue<Pending>(opts.queueLimit)
  /** sent, not yet confirmed by Redis, in the order sent */
  let inflight: Pending[] = []
  /** bumped whenever the events in flight are given up (put back in the queue): late answers for them are ignored */
  let epoch = 0
  let flushing = false
  let retryTimer: NodeJS.Timeout | undefined
  let stopped = false
  /** until when every event sent also goes to the journal (set when the publishing connection is back) */
  let journalUntil = 0
  let droppedInOutage = 0

  function publish(channel: string, message: string) {
    const e: Pending = { seq: ++seq, channel, wire: encodeEnvelope(opts.origin, seq, message), journal: false }
    if (opts.connected() && queue.length === 0 && !flushing) return void send([e])
    keep([e])
    // Redis is there but nothing is sending the queue (and no retry is pending): start now
    if (opts.connected() && !flushing && !retryTimer) void flush()
  }

  function keep(events: Pending[], front = false) {
    for (const e of events) e.journal = true
    metrics?.queued(events.length)
    const dropped = front ? queue.requeue(events) : events.reduce((n, e) => n + queue.push(e), 0)
    if (!dropped) return
    metrics?.dropped(dropped)
    // one warning per outage, the total in the flush line
    if (droppedInOutage === 0)
      log?.warn('pubsub outage queue full: dropping the oldest events (other instances will miss them)', {
        limit: queue.limit,
      })
    droppedInOutage += dropped
  }

  /** Sends events; resolves true once Redis confirmed every PUBLISH, false when they were given up. */
  async function send(batch: Pending[]): Promise<boolean> {
    const mine = epoch
    inflight.push(...batch)
    const now = Date.now()
    // first on the connection: each event's journal entry goes ahead of its PUBLISH
    void journal.append(
      batch.filter((e) => e.journal || now < journalUntil).map((e) => ({ channel: e.channel, raw: e.wire })),
    )
    const results = await Promise.allSettled(batch.map((e) => opts.transmit(e)))
    if (mine !== epoch) return false
    const failure = results.find((r) => r.status === 'rejected')
    if (failure) {
      const fields = { error: String(failure.reason) }
      if (opts.quiet()) log?.debug('redis publish failed', fields)
      else log?.warn('redis publish failed', fields)
      giveUpInFlight()
      if (opts.connected()) scheduleFlush(RETRY_MS)
      return false
    }
    // confirmations come in the order sent
    if (inflight[0] === batch[0]) inflight.splice(0, batch.length)
    else {
      const done = new Set(batch)
      inflight = inflight.filter((e) => !done.has(e))
    }
    return true
  }

  /** The connection went (or a command failed): what was in flight goes back to the front of the queue, in order. */
  function giveUpInFlight() {
    epoch++
    flushing = false
    const back = inflight
    inflight = []
    if (back.length) keep(back, true)
  }

  function scheduleFlush(ms: number) {
    if (retryTimer || stopped) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      void flush()
    }, ms)
    retryTimer.unref()
  }

  async function flush() {
    if (flushing || stopped) return
    flushing = true
    const mine = epoch
    const started = Date.now()
    let sent = 0
    while (queue.length && opts.connected() && mine === epoch) {
      const batch = queue.take(FLUSH_BATCH)
      // false: given back to the queue; the next reconnection (or retry) flushes again
      if (!(await send(batch))) return
      sent += batch.length
    }
    if (mine !== epoch) return
    flushing = false
    if (queue.length === 0 && (sent || droppedInOutage)) {
      log?.info('pubsub outage queue sent', { events: sent, dropped: droppedInOutage, ms: Date.now() - started })
      droppedInOutage = 0
    }
  }

  return {
    publish,
    async publisherReady(reconnected: boolean) {
      // others may still be reconnecting: what is sent from now on is journaled for a while, so they can read it back
      if (reconnected || queue.length) journalUntil = Date.now() + opts.graceMs
      await journal.syncClock()
      await flush()
    },
    publisherLost: giveUpInFlight,
    /** events waiting for Redis (the outage queue, and those sent but not yet confirmed) */
    waiting: () => queue.length + inflight.length,
    /** at shutdown: a last chance for the queued events, bounded (shutdown must not hang on Redis) */
    async drain(ms: number) {
      clearTimeout(retryTimer)
      if (queue.length && opts.connected()) await Promise.race([flush(), new Promise((r) => setTimeout(r, ms).unref())])
      stopped = true
      clearTimeout(retryTimer)
    },
  }
}
