import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import type { RedisHealth } from '../redis-health.js'
import { Inbox, OutageQueue, decodeEnvelope, encodeEnvelope, mergeByOrigin } from './delivery.js'

/** What the bus counts (src/http/metrics.ts turns them into Prometheus series). */
export interface PubSubMetrics {
  /** an event could not go to Redis at once and waits in the outage queue */
  queued(n?: number): void
  /** events dropped from a full outage queue (the oldest first) */
  dropped(n: number): void
  /** a copy of an event already delivered here, dropped by its id */
  duplicate(): void
  /** events another instance sent while this one was disconnected, delivered from the catch-up journal */
  caughtUp(n: number): void
}

export interface RedisBusOptions {
  url: string
  /** REDIS_PREFIX: the journal's key is under it (channels carry it already) */
  prefix: string
  /** the channels with listeners on this instance right now */
  channelsInUse: () => string[]
  health: RedisHealth
  /** PUBSUB_OUTAGE_QUEUE: events kept for Redis while it is unreachable */
  queueLimit: number
  log?: Logger
  metrics?: PubSubMetrics
  /** for tests: how long after a reconnection every event also goes to the journal, and how long entries stay */
  journalGraceMs?: number
  journalRetentionMs?: number
}

/** Events sent to Redis in one pipeline while the outage queue is flushed. */
const FLUSH_BATCH = 200
/** A command failed on a live connection (an error reply): try the queue again after this long. */
const RETRY_MS = 1_000
/** After its publishing connection is back, an instance writes every event to the journal for this long. */
const JOURNAL_GRACE_MS = 30_000
/** Journal entries older than this are trimmed; the key expires this long after its last write. */
const JOURNAL_RETENTION_MS = 60_000
/** Catch-up reads the journal from this long before the connection was seen lost (detection lag, clock skew). */
const CATCH_UP_MARGIN_MS = 5_000
/** How long catch-up waits for the publishing connection (it reads the journal on it). */
const CATCH_UP_WAIT_MS = 10_000
/** The most journal entries one catch-up reads. */
const CATCH_UP_MAX = 200_000

interface Pending {
  seq: number
  channel: string
  /** the message as sent: the payload with its id */
  wire: string
  /** also written to the journal (it waited for Redis, or is sent soon after a reconnection) */
  journal: boolean
}

/**
 * Cross-instance delivery over Redis pub/sub that keeps working through a Redis outage (README "Redis outage").
 *
 * Sending: every event gets an id (this instance's `origin` + a sequence number) and is delivered to this instance's
 * own listeners at once, Redis or not; its copy from Redis is ignored. For the other instances it goes to Redis on a
 * connection that fails fast (no offline queue, no retry over a reconnection, no automatic re-send): while that
 * connection is down the event waits in a bounded outage queue (PUBSUB_OUTAGE_QUEUE, the oldest dropped past it),
 * and an event that was sent but not confirmed when the connection went is put back at the front of the queue, in
 * order. Once the connection is back the queue is sent in order, in batches, and new events wait behind it; so
 * within one instance's events the order never changes. An event Redis received although its confirmation was lost
 * is sent twice: receivers drop the copy by its id.
 *
 * Catching up: an instance whose subscriber connection was down did not hear what the others sent meanwhile. For
 * that, the queue's events — and every event an instance sends during JOURNAL_GRACE_MS after its reconnection, while
 * the others may still be reconnecting — are also appended to a short Redis stream (the journal, trimmed to
 * JOURNAL_RETENTION_MS). A subscriber connection that is back subscribes its channels again, holds what arrives live,
 * reads the journal from shortly before it was lost, waits for one round trip on the subscriber connection (so every
 * live message Redis sent before the read has arrived), and then delivers both together: per origin in sequence
 * order, copies dropped by the Inbox.
 */
export function createRedisBus(opts: RedisBusOptions) {
  const { log, metrics, health } = opts
  const graceMs = opts.journalGraceMs ?? JOURNAL_GRACE_MS
  const retentionMs = opts.journalRetentionMs ?? JOURNAL_RETENTION_MS
  const journalKey = `${opts.prefix}pubsub:journal`
  const origin = randomBytes(9).toString('base64url')
  const createdAt = Date.now()

  // Fail fast: a command on a connection that is not ready fails at once, one in flight fails when it closes.
  const pub = new Redis(opts.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
  })
  // SUBSCRIBE/UNSUBSCRIBE may wait for a reconnection; the channels are subscribed again explicitly (see 'ready').
  const sub = new Redis(opts.url, { maxRetriesPerRequest: 3, autoResubscribe: false })
  const state = new Map<Redis, { up: boolean; everUp: boolean; lastError: string }>()
  let closing = false

  /** when the subscriber connection was lost, or failed to connect at start (null: nothing to catch up) */
  let lostAt: number | null = null
  /** @graphql-yoga/redis-event-target's message handler: delivers to this instance's listeners */
  let deliverHere: (channel: string, message: string) => void = () => {}

  // ------------------------------------------------------------------------------------------------- connections
  for (const [name, client] of [
    ['publish', pub],
    ['subscribe', sub],
  ] as const) {
    const s = { up: false, everUp: false, lastError: '' }
    state.set(client, s)
    const connection = `pubsub ${name}`
    client.on('error', (e: Error) => {
      s.lastError = e.message
      log?.debug('redis connection error', { connection, error: e.message })
      // not connected at start: an outage too
      if (!s.up && !closing) {
        health.report(connection, e.message)
        if (client === sub && !s.everUp) lostAt ??= createdAt
      }
    })
    client.on('close', () => {
      if (!s.up || closing) return
      s.up = false
      health.report(connection, s.lastError || 'connection closed')
      if (client === pub) giveUpInFlight()
      else lostAt ??= Date.now()
    })
    client.on('ready', () => {
      const reconnected = s.everUp
      s.up = s.everUp = true
      s.lastError = ''
      health.report(connection, null)
      if (client === pub) void publisherReady(reconnected)
      else subscriberReady()
    })
  }
  /** during a reported outage a failed command is expected: debug */
  const failed = (what: string) => (e: Error) =>
    (health.down() || closing ? log?.debug : log?.warn)?.(`redis ${what} failed`, { error: e.message })

  // ------------------------------------------------------------------------------------------------------ sending
  let seq = 0
  const queue = new OutageQueue<Pending>(opts.queueLimit)
  /** sent, not yet confirmed by Redis, in the order sent */
  let inflight: Pending[] = []
  /** bumped whenever the events in flight are given up (put back in the queue): late answers for them are ignored */
  let epoch = 0
  let flushing = false
  let retryTimer: NodeJS.Timeout | undefined
  /** until when every event sent also goes to the journal (set when the publishing connection is back) */
  let journalUntil = 0
  /** Redis's clock minus ours (journal ids are Redis times), measured at every connection */
  let clockOffset = 0
  let droppedInOutage = 0
  let journalWarned = false

  function publish(channel: string, message: string) {
    const e: Pending = { seq: ++seq, channel, wire: encodeEnvelope(origin, seq, message), journal: false }
    // this instance's listeners: at once, whatever Redis does (their copy from Redis is ignored)
    deliverHere(channel, message)
    if (pub.status === 'ready' && queue.length === 0 && !flushing) return void send([e])
    keep([e])
    // Redis is there but nothing is sending the queue (a retry pending is): start now
    if (pub.status === 'ready' && !flushing && !retryTimer) void flush()
  }

  function keep(events: Pending[], front = false) {
    for (const e of events) e.journal = true
    metrics?.queued(events.length)
    const dropped = front ? queue.requeue(events) : events.reduce((n, e) => n + queue.push(e), 0)
    if (dropped) {
      metrics?.dropped(dropped)
      // one warning per outage, the total in the flush line
      if (droppedInOutage === 0)
        log?.warn('pubsub outage queue full: dropping the oldest events (other instances will miss them)', {
          limit: queue.limit,
        })
      droppedInOutage += dropped
    }
  }

  /** Sends events in one pipeline; resolves true once Redis confirmed every PUBLISH, false when they were given up. */
  async function send(batch: Pending[]): Promise<boolean> {
    const mine = epoch
    inflight.push(...batch)
    const now = Date.now()
    const p = pub.pipeline()
    /** per pipeline command: a PUBLISH (a failure gives the batch back) or a journal write (a failure is only logged) */
    const isPublish: boolean[] = []
    for (const e of batch) {
      if (e.journal || now < journalUntil) {
        p.xadd(
          journalKey,
          'MINID',
          '~',
          String(Math.max(0, now + clockOffset - retentionMs)),
          '*',
          'c',
          e.channel,
          'm',
          e.wire,
        )
        isPublish.push(false)
      }
      p.publish(e.channel, e.wire)
      isPublish.push(true)
    }
    if (isPublish.length > batch.length) {
      p.pexpire(journalKey, retentionMs)
      isPublish.push(false)
    }
    let error: Error | null = null
    try {
      const results = (await p.exec()) ?? []
      for (const [i, [err]] of results.entries()) {
        if (!err) continue
        if (isPublish[i]) {
          error = err
          break
        }
        // the journal helps catch-up; it is no condition of delivery
        if (!journalWarned && !health.down())
          log?.warn('pubsub journal write failed: instances reconnecting after an outage may miss events', {
            error: err.message,
          })
        journalWarned = true
      }
    } catch (e) {
      error = e as Error
    }
    if (mine !== epoch) return false
    if (error) {
      failed('publish')(error)
      giveUpInFlight()
      if (pub.status === 'ready') scheduleFlush(RETRY_MS)
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
    if (retryTimer || closing) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      void flush()
    }, ms)
    retryTimer.unref()
  }

  async function publisherReady(reconnected: boolean) {
    // others may still be reconnecting: what is sent from now on is journaled for a while, so they can read it back
    if (reconnected || queue.length) journalUntil = Date.now() + graceMs
    try {
      const [s, us] = await pub.time()
      clockOffset = Number(s) * 1000 + Math.floor(Number(us) / 1000) - Date.now()
    } catch (e) {
      log?.debug('redis TIME failed', { error: (e as Error).message })
    }
    await flush()
  }

  async function flush() {
    if (flushing || closing) return
    flushing = true
    const mine = epoch
    const started = Date.now()
    let sent = 0
    while (queue.length && pub.status === 'ready' && mine === epoch) {
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

  // ---------------------------------------------------------------------------------------------------- receiving
  const inbox = new Inbox()
  /** live messages held while catching up */
  let held: { channel: string; raw: string }[] | null = null
  let catchUpRun = 0

  sub.on('message', (channel: string, raw: string) => {
    if (held) held.push({ channel, raw })
    else receive(channel, raw)
  })

  function receive(channel: string, raw: string) {
    const e = decodeEnvelope(raw)
    // no id: sent by an instance of an earlier version
    if (!e) return deliverForeign(channel, raw)
    // our own: delivered here when it was published
    if (e.origin === origin) return
    if (!inbox.accept(e.origin, e.seq)) return metrics?.duplicate()
    deliverForeign(channel, e.message)
  }

  /** a message from another process: one that is not JSON (someone else publishing on our channels) is dropped, not thrown into ioredis */
  function deliverForeign(channel: string, message: string) {
    try {
      deliverHere(channel, message)
    } catch (e) {
      log?.warn('pubsub message dropped: not readable', { channel, error: String(e) })
    }
  }

  function subscriberReady() {
    if (lostAt === null) {
      const channels = opts.channelsInUse()
      if (channels.length)
        sub
          .subscribe(...channels)
          .catch((e: Error) => log?.warn('redis resubscribe failed', { channels: channels.length, error: e.message }))
      return
    }
    void catchUp(lostAt)
  }

  async function catchUp(since: number) {
    const run = ++catchUpRun
    held ??= []
    try {
      const channels = opts.channelsInUse()
      // from here on, what is published reaches us live
      if (channels.length) await sub.subscribe(...channels)
      // what was published before is in the journal (if it was journaled at all)
      await publisherUp()
      const journal = await readJournal(since, new Set(channels))
      // every live message Redis sent before it answered the read is here once this round trip is
      await sub.ping()
      if (run !== catchUpRun) return
      const live = held
      held = null
      lostAt = null
      deliverAll(journal, live)
    } catch (e) {
      if (run !== catchUpRun || closing) return
      if (sub.status !== 'ready') return // lost again: the next 'ready' catches up, with what is held so far
      log?.warn('pubsub catch-up failed: events sent while this instance was disconnected may be missing here', {
        error: (e as Error).message,
      })
      const live = held ?? []
      held = null
      lostAt = null
      deliverAll([], live)
    }
  }

  function deliverAll(journal: { channel: string; raw: string }[], live: { channel: string; raw: string }[]) {
    const items = [
      ...journal.map((m) => ({ ...m, journal: true })),
      ...live.map((m) => ({ ...m, journal: false })),
    ].map((m) => {
      const e = decodeEnvelope(m.raw)
      return { ...m, origin: e?.origin ?? null, seq: e?.seq ?? 0 }
    })
    let caughtUp = 0
    for (const m of mergeByOrigin(items)) {
      if (!m.journal) {
        receive(m.channel, m.raw)
        continue
      }
      const e = decodeEnvelope(m.raw)
      if (!e || e.origin === origin) continue
      if (!inbox.accept(e.origin, e.seq)) {
        metrics?.duplicate()
        continue
      }
      caughtUp++
      deliverForeign(m.channel, e.message)
    }
    if (caughtUp) metrics?.caughtUp(caughtUp)
    if (journal.length) log?.info('pubsub caught up', { read: journal.length, delivered: caughtUp })
  }

  function publisherUp(): Promise<void> {
    if (pub.status === 'ready') return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pub.off('ready', onReady)
        reject(new Error(`publishing connection not back within ${CATCH_UP_WAIT_MS} ms`))
      }, CATCH_UP_WAIT_MS)
      const onReady = () => {
        clearTimeout(timer)
        resolve()
      }
      pub.once('ready', onReady)
    })
  }

  async function readJournal(since: number, channels: Set<string>) {
    const out: { channel: string; raw: string }[] = []
    if (!channels.size) return out
    let start = String(Math.max(0, since + clockOffset - CATCH_UP_MARGIN_MS))
    for (let read = 0; read < CATCH_UP_MAX;) {
      const page = await pub.xrange(journalKey, start, '+', 'COUNT', 1000)
      for (const [, fields] of page) {
        let channel = ''
        let raw = ''
        for (let i = 0; i + 1 < fields.length; i += 2) {
          if (fields[i] === 'c') channel = fields[i + 1]
          else if (fields[i] === 'm') raw = fields[i + 1]
        }
        if (channels.has(channel)) out.push({ channel, raw })
      }
      read += page.length
      if (page.length < 1000) break
      start = `(${page[page.length - 1][0]}`
    }
    return out
  }

  // ------------------------------------------------------------------------------------------------------- public
  return {
    pub,
    sub,
    origin,
    /** the clients as @graphql-yoga/redis-event-target uses them: only these four members */
    publishClient: {
      publish(channel: string, message: string) {
        publish(channel, message)
        return Promise.resolve(0)
      },
    },
    subscribeClient: {
      on(_event: 'message', cb: (channel: string, message: string) => void) {
        deliverHere = cb
      },
      subscribe: (channel: string) => sub.subscribe(channel).catch(failed('subscribe')),
      unsubscribe: (channel: string) => sub.unsubscribe(channel).catch(failed('unsubscribe')),
    },
    /** events waiting for Redis (the outage queue, and those sent but not yet confirmed) */
    waiting: () => queue.length + inflight.length,
    /** why cross-instance delivery is impaired right now (null when both connections are up, or still making their first connection without an error) */
    down(): string | null {
      for (const [client, what] of [
        [sub, 'subscriber'],
        [pub, 'publishing'],
      ] as const) {
        const s = state.get(client)!
        if (s.up || (!s.everUp && !s.lastError)) continue
        const waiting = queue.length + inflight.length
        return `Redis ${what} connection ${s.everUp ? 'lost' : 'not established'} (${client.status})${s.lastError ? `: ${s.lastError}` : ''}${waiting ? `; ${waiting} events queued for other instances` : ''}`
      }
      return null
    },
    async close() {
      clearTimeout(retryTimer)
      // a last chance for events still queued (bounded: shutdown must not hang on Redis)
      if (queue.length && pub.status === 'ready')
        await Promise.race([flush(), new Promise((r) => setTimeout(r, 1_000).unref())])
      closing = true
      const left = queue.length + inflight.length
      if (left)
        log?.warn('pubsub: events still queued for Redis at shutdown are lost for other instances', { events: left })
      pub.disconnect()
      sub.disconnect()
    },
  }
}

export type RedisBus = ReturnType<typeof createRedisBus>
