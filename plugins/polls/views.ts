import type { DbLike } from '../../src/db/client.js'
import type { Poll, PollOption } from '../../src/generated/prisma/client.js'

/** One answer with its counts: free votes and paid (donate) votes apart. */
export interface PollOptionView {
  id: number
  position: number
  text: string
  votes: number
  donateVotes: number
}

/** The JSON-safe shape of a poll with its counts, as live updates carry it and GraphQL renders it. */
export interface PollView {
  id: number
  channel: string
  messageId: number | null
  question: string
  multiple: boolean
  donate: boolean
  startedById: number
  startedAt: string
  endsAt: string
  endedAt: string | null
  endedById: number | null
  options: PollOptionView[]
}

/** When a poll stops taking votes: its end, or the moment it was ended early. */
export const closesAt = (p: Pick<PollView, 'endsAt' | 'endedAt'>) => new Date(p.endedAt ?? p.endsAt)

export const isRunning = (p: Pick<PollView, 'endsAt' | 'endedAt'>, now = Date.now()) =>
  p.endedAt === null && new Date(p.endsAt).getTime() > now

type PollRow = Poll & { options: PollOption[] }

/** Counts per option of these polls: the sum of each option's shards. */
async function tallies(db: DbLike, pollIds: number[]) {
  const rows = await db.pollTally.groupBy({
    by: ['optionId'],
    where: { pollId: { in: pollIds } },
    _sum: { votes: true, donateVotes: true },
  })
  return new Map(rows.map((r) => [r.optionId, { votes: r._sum.votes ?? 0, donateVotes: r._sum.donateVotes ?? 0 }]))
}

function viewOf(row: PollRow, counts: Map<number, { votes: number; donateVotes: number }>): PollView {
  return {
    id: row.id,
    channel: row.channel,
    messageId: row.messageId,
    question: row.question,
    multiple: row.multiple,
    donate: row.donate,
    startedById: row.startedById,
    startedAt: row.startedAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endedById: row.endedById,
    options: [...row.options]
      .sort((a, b) => a.position - b.position)
      .map((o) => ({
        id: o.id,
        position: o.position,
        text: o.text,
        votes: counts.get(o.id)?.votes ?? 0,
        donateVotes: counts.get(o.id)?.donateVotes ?? 0,
      })),
  }
}

/** Polls by id with their counts, in the order asked (missing ones left out): two statements for any number. */
export async function pollViews(db: DbLike, ids: number[]): Promise<PollView[]> {
  if (!ids.length) return []
  const rows = await db.poll.findMany({ where: { id: { in: ids } }, include: { options: true } })
  const counts = await tallies(
    db,
    rows.map((r) => r.id),
  )
  const byId = new Map(rows.map((r) => [r.id, viewOf(r, counts)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function pollView(db: DbLike, id: number): Promise<PollView | null> {
  return (await pollViews(db, [id])).at(0) ?? null
}
