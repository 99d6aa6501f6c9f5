import type { Logger } from '../log.js'
import { readWire, type Received } from './envelope.js'
import { Inbox, mergeByOrigin } from './inbox.js'
import type { Journal } from './journal.js'
import type { PubSubMetrics } from './metrics.js'

export interface ReceiverOptions {
  /** this instance's id on the wire: its own events were delivered here when published */
  origin: string
  journal: Journal
  /** the channels with listeners here */
  channels: () => string[]
  /** SUBSCRIBEs them again after a reconnection, resolving once Redis acknowledged */
  resubscribe: () => Promise<void>
  /** resolves once the publishing connection (which reads the journal) is ready */
  publisherUp: () => Promise<void>
  /** one round trip on the subscriber connection: every message Redis sent before it has arrived when it resolves */
  roundTrip: () => Promise<unknown>
  /** whether the subscriber connection is ready */
  connected: () => boolean
  closing: () => boolean
  /** hands a payload (JSON) to this instance's listeners of the channel */
  deliver: (channel: string, message: string) => void
  log?: Logger
  metrics?: PubSubMetrics
}

type Item = Received & { channel: string; fromJournal: boolean }

/**
 * The receiving half of the bus. A message from another instance is delivered once: copies (by id, the Inbox) and
 * this instance's own events are dropped; a message without an id (an instance of an earlier version) is delivered as
 * it came.
 *
 * Catching up: an instance whose subscriber connection was down did not hear what the others sent meanwhile. Once it
 * is back, it subscribes its channels again, holds what arrives live, reads the journal from shortly before the
 * connection was lost, waits for one round trip on the subscriber connection (so every live message Redis sent before
 * the read has arrived), and then delivers both together: per origin in sequence order, copies dropped by the Inbox.
 */
export function createReceiver(opts: ReceiverOptions) {
  const { log, metrics } = opts
  const inbox = new Inbox()
  /** live messages held while catching up */
  let held: Item[] | null = null
  let catchUpRun = 0
  /** when the subscriber connection was lost, or failed to connect at start (null: nothing to catch up) */
  let lostAt: number | null = null

  function receive(channel: string, m: Received) {
    // no id: sent by an instance of an earlier version; our own: delivered here when it was published
    if (m.origin === opts.origin) return
    if (m.origin !== null && !inbox.accept(m.origin, m.seq)) {
      metrics?.duplicate()
      return
    }
    opts.deliver(channel, m.message)
  }

  async function catchUp(since: number) {
    const run = ++catchUpRun
    held ??= []
    try {
      const channels = opts.channels()
      // from here on, what is published reaches us live
      await opts.resubscribe()
      // what was published before is in the journal (if it was journaled at all)
      await opts.publisherUp()
      const journal = await opts.journal.read(since, new Set(channels))
      // every live message Redis sent before it answered the read is here once this round trip is
      await opts.roundTrip()
      if (run !== catchUpRun) return
      finish(journal.map((e) => ({ ...readWire(e.raw), channel: e.channel, fromJournal: true })))
    } catch (e) {
      if (run !== catchUpRun || opts.closing()) return
      // lost again: the next 'ready' catches up, with what is held so far
      if (!opts.connected()) return
      log?.warn('pubsub catch-up failed: events sent while this instance was disconnected may be missing here', {
        error: String(e),
      })
      finish([])
    }
  }

  function finish(journal: Item[]) {
    const live = held ?? []
    held = null
    lostAt = null
    let caughtUp = 0
    for (const m of mergeByOrigin([...journal, ...live])) {
      if (!m.fromJournal) {
        receive(m.channel, m)
        continue
      }
      if (m.origin === null || m.origin === opts.origin) continue
      if (!inbox.accept(m.origin, m.seq)) {
        metrics?.duplicate()
        continue
      }
      caughtUp++
      opts.deliver(m.channel, m.message)
    }
    if (caughtUp) metrics?.caughtUp(caughtUp)
    if (journal.length) log?.info('pubsub caught up', { read: journal.length, delivered: caughtUp })
  }

  return {
    /** a message as RedisPubSub hands it over */
    onMessage(channel: string, m: Received) {
      if (held) held.push({ ...m, channel, fromJournal: false })
      else receive(channel, m)
    },
    subscriberLost(at: number) {
      lostAt ??= at
    },
    subscriberReady() {
      if (lostAt !== null) return void catchUp(lostAt)
      opts
        .resubscribe()
        .catch((e: unknown) =>
          log?.warn('redis resubscribe failed', { channels: opts.channels().length, error: String(e) }),
        )
    },
  }
}
