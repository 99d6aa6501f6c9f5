/**
 * The receiver's duplicate filter: per origin instance, the highest sequence number delivered. One instance's events
 * reach a receiver in the order they were sent (one publishing connection, one subscriber connection, and catch-up
 * merges what it reads back into that order, see mergeByOrigin), so a number at or below the highest one is a copy of
 * an event already delivered — sent again after a connection was lost before Redis confirmed it, or read back from the
 * catch-up journal as well as received live. Gaps are normal: a receiver hears only the channels it listens to.
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
    if (this.highest.size > this.maxOrigins) {
      const oldest = this.highest.keys().next()
      if (!oldest.done) this.highest.delete(oldest.value)
    }
    return true
  }

  /** origins remembered (tests: the memory stays bounded) */
  get size(): number {
    return this.highest.size
  }
}

/**
 * Puts events read back from the catch-up journal together with those received live meanwhile: per origin in sequence
 * order (copies of one event are left for the Inbox to drop), origins interleaved as they first appeared. Events
 * without an id (`origin: null`) keep their place.
 */
export function mergeByOrigin<T extends { origin: string | null; seq: number }>(events: T[]): T[] {
  const byOrigin = new Map<string, T[]>()
  for (const e of events) {
    if (e.origin === null) continue
    const list = byOrigin.get(e.origin) ?? []
    if (!list.length) byOrigin.set(e.origin, list)
    list.push(e)
  }
  for (const list of byOrigin.values()) list.sort((a, b) => a.seq - b.seq)
  const next = new Map<string, number>()
  return events.map((e) => {
    if (e.origin === null) return e
    const i = next.get(e.origin) ?? 0
    next.set(e.origin, i + 1)
    return byOrigin.get(e.origin)?.[i] ?? e
  })
}
