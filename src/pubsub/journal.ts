import type { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import type { RedisHealth } from '../redis-health.js'

/** An event as journaled: its channel and its message as sent (with its id). */
export interface JournalEntry {
  channel: string
  raw: string
}

/** Catch-up reads the journal from this long before the connection was seen lost (detection lag, clock skew). */
const CATCH_UP_MARGIN_MS = 5_000
/** The most journal entries one catch-up reads. */
const CATCH_UP_MAX = 200_000
const PAGE = 1000

/**
 * The catch-up journal: a short Redis stream (`<REDIS_PREFIX>pubsub:journal`) of the events sent while another
 * instance may not have been listening — those that waited in an outage queue, and every event sent soon after a
 * reconnection. An instance whose subscriber connection comes back reads it from shortly before it was lost. Entries
 * older than `retentionMs` are trimmed, and the key expires `retentionMs` after its last write. Its commands go on the
 * publishing connection, each XADD before the PUBLISH of its event, so a reader that subscribed before it read the
 * journal misses none of them.
 */
export function createJournal(
  pub: Redis,
  opts: { key: string; retentionMs: number; log?: Logger; health: RedisHealth },
) {
  const { key, retentionMs, log, health } = opts
  /** Redis's clock minus ours (stream ids are Redis times), measured at every connection */
  let clockOffset = 0
  let warned = false

  return {
    async syncClock(): Promise<void> {
      try {
        // typed as numbers, sent as strings
        const [s = 0, us = 0] = (await pub.time()).map(Number)
        clockOffset = s * 1000 + Math.floor(us / 1000) - Date.now()
      } catch (e) {
        log?.debug('redis TIME failed', { error: String(e) })
      }
    },

    /** Sends the XADDs now (ahead of the PUBLISHes the caller sends next); never rejects: the journal helps catch-up, it is no condition of delivery. */
    append(entries: JournalEntry[]): Promise<void> {
      if (!entries.length) return Promise.resolve()
      const minId = String(Math.max(0, Date.now() + clockOffset - retentionMs))
      const writes: Promise<unknown>[] = entries.map((e) =>
        pub.xadd(key, 'MINID', '~', minId, '*', 'c', e.channel, 'm', e.raw),
      )
      writes.push(pub.pexpire(key, retentionMs))
      return Promise.all(writes).then(
        () => undefined,
        (e: unknown) => {
          if (!warned && !health.down())
            log?.warn('pubsub journal write failed: instances reconnecting after an outage may miss events', {
              error: e instanceof Error ? e.message : String(e),
            })
          warned = true
        },
      )
    },

    /** The entries of `channels` journaled since shortly before `since` (ms since the epoch, our clock), oldest first. */
    async read(since: number, channels: ReadonlySet<string>): Promise<JournalEntry[]> {
      const out: JournalEntry[] = []
      if (!channels.size) return out
      let start = String(Math.max(0, since + clockOffset - CATCH_UP_MARGIN_MS))
      for (let read = 0; read < CATCH_UP_MAX;) {
        const page = await pub.xrange(key, start, '+', 'COUNT', PAGE)
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
        const last = page.at(-1)
        if (page.length < PAGE || !last) break
        start = `(${last[0]}`
      }
      return out
    },
  }
}

export type Journal = ReturnType<typeof createJournal>
