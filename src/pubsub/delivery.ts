/**
 * The parts of cross-instance delivery that need no Redis: event ids on the wire, the receiver's duplicate filter and
 * the bounded outage queue. src/pubsub/redis-bus.ts puts them together.
 */

/**
 * Every event an instance sends through Redis carries an id: the instance (`origin`, random per process) and a
 * sequence number counting that instance's events from 1. On the wire it is the first member of the payload object,
 * `{"$ev":"<origin>:<seq>", …payload}`, so an instance of an earlier version (which reads the payload as is) sees one
 * extra member and nothing else changes; a payload that is not an object travels as `{"$ev":…,"$v":<payload>}`.
 * `message` is the payload serialized as JSON (the empty string for an undefined payload, as
 * @graphql-yoga/redis-event-target writes it).
 */
export function encodeEnvelope(origin: string, seq: number, message: string): string {
  const head = `{"$ev":"${origin}:${seq}"`
  if (message.startsWith('{')) return message === '{}' ? `${head}}` : `${head},${message.slice(1)}`
  return `${head},"$v":${message === '' ? 'null' : message}}`
}

export interface Envelope {
  origin: string
  seq: number
  /** the payload as the sender serialized it */
  message: string
}

const HEAD = '{"$ev":"'
const VALUE = '"$v":'

/** The id and payload of a wire message, or null for a message without an id (an instance of an earlier version). */
export function decodeEnvelope(raw: string): Envelope | null {
  if (!raw.startsWith(HEAD)) return null
  const end = raw.indexOf('"', HEAD.length)
  if (end < 0) return null
  const id = raw.slice(HEAD.length, end)
  const colon = id.lastIndexOf(':')
  const seq = Number(id.slice(colon + 1))
  if (colon <= 0 || !Number.isSafeInteger(seq) || seq <= 0) return null
  const origin = id.slice(0, colon)
  const next = raw[end + 1]
  if (next === '}') return { origin, seq, message: '{}' }
  if (next !== ',') return null
  const rest = raw.slice(end + 2)
  if (rest.startsWith(VALUE)) return { origin, seq, message: rest.slice(VALUE.length, -1) }
  return { origin, seq, message: `{${rest}` }
}

/**
 * The receiver's duplicate filter: per origin instance, the highest sequence number delivered. One instance's events
 * reach a receiver in the order they were sent (one publishing connection, one subscriber connection, and catch-up
 * merges what it reads back into that order), so a number at or below the highest one is a copy of an event already
 * delivered — sent again after a connection was lost before Redis confirmed it, or read back from the catch-up
 * journal as well as received live. Gaps are normal: a receiver hears only the channels it listens to.
 * Memory: one number per origin, at most `maxOrigins` of them (the least recently heard is forgotten first; origins
 * change with every restart of an instance).
 */
export class Inbox {
  private readonly highest = new Map<string, number>()
  constructor(private readonly maxOrigins = 1_000) {}

  /** true: deliver it (and remember it); false: a copy of an event already delivered */
  accept(origin: string, seq: number): boolean {
    const last = this.highest.get(origin)
    if (last !== undefined && seq <= last) return false
    // re-inserted: the Map's order is the order origins were last heard from
    this.highest.delete(origin)
    this.highest.set(origin, seq)
    if (this.highest.size > this.maxOrigins) this.highest.delete(this.highest.keys().next().value!)
    return true
  }

  /** origins remembered (tests: the memory stays bounded) */
  get size(): number {
    return this.highest.size
  }
}

/**
 * A bounded FIFO of events waiting for Redis. Past `limit` the oldest events go (the newest are the ones a reader who
 * missed the outage most likely still cares about); `push` and `requeue` say how many went.
 */
export class OutageQueue<T> {
  private items: T[] = []
  private head = 0
  constructor(readonly limit: number) {}

  get length(): number {
    return this.items.length - this.head
  }

  /** appends one event; returns how many of the oldest were dropped to stay within the limit */
  push(item: T): number {
    this.items.push(item)
    return this.trim()
  }

  /** puts events back in front (they were sent, but Redis never confirmed them), oldest first */
  requeue(items: T[]): number {
    if (!items.length) return 0
    this.items = [...items, ...this.items.slice(this.head)]
    this.head = 0
    return this.trim()
  }

  /** takes up to `n` events from the front */
  take(n: number): T[] {
    const out = this.items.slice(this.head, this.head + n)
    this.head += out.length
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return out
  }

  private trim(): number {
    const over = this.length - this.limit
    if (over <= 0) return 0
    this.head += over
    return over
  }
}

/**
 * Puts events read back from the catch-up journal together with those received live meanwhile: per origin in sequence
 * order (copies of one event are left for the Inbox to drop), origins interleaved as they first appeared.
 */
export function mergeByOrigin<T extends { origin: string | null; seq: number }>(events: T[]): T[] {
  const byOrigin = new Map<string, T[]>()
  for (const e of events) {
    if (e.origin === null) continue
    let list = byOrigin.get(e.origin)
    if (!list) byOrigin.set(e.origin, (list = []))
    list.push(e)
  }
  for (const list of byOrigin.values()) list.sort((a, b) => a.seq - b.seq)
  const next = new Map<string, number>()
  return events.map((e) => {
    if (e.origin === null) return e
    const i = next.get(e.origin) ?? 0
    next.set(e.origin, i + 1)
    return byOrigin.get(e.origin)![i]
  })
}
