import type { Db } from '../../src/db/client.js'

/** What never changes about a poll once it is made: all a vote needs to be checked before it is written. */
export interface PollShape {
  id: number
  channel: string
  messageId: number | null
  multiple: boolean
  donate: boolean
  startedById: number
  /** option id → position */
  positions: Map<number, number>
}

const KEEP = 2000

/**
 * Poll shapes read once and kept (the most recently used KEEP): a vote storm on one poll reads its shape once. Safe
 * to keep because none of it changes; whether a poll still runs is decided by the vote's own statement.
 */
export class PollShapes {
  private readonly kept = new Map<number, Promise<PollShape | null>>()
  constructor(private readonly prisma: Db) {}

  get(id: number): Promise<PollShape | null> {
    const hit = this.kept.get(id)
    if (hit) {
      // re-insert: Map order is the eviction order
      this.kept.delete(id)
      this.kept.set(id, hit)
      return hit
    }
    const read = this.read(id)
    this.kept.set(id, read)
    // a poll that does not exist yet may be made later: remember only real ones, and never a failed read
    read.then(
      (s) => s ?? this.kept.delete(id),
      () => this.kept.delete(id),
    )
    if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value ?? id)
    return read
  }

  private async read(id: number): Promise<PollShape | null> {
    const row = await this.prisma.poll.findUnique({
      where: { id },
      select: {
        id: true,
        channel: true,
        messageId: true,
        multiple: true,
        donate: true,
        startedById: true,
        options: { select: { id: true, position: true } },
      },
    })
    if (!row) return null
    return { ...row, positions: new Map(row.options.map((o) => [o.id, o.position])) }
  }
}
