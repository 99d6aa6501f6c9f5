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

type Counts = Map<number, { votes: number; donateVotes: number }>

/**
 * Counts per option of these polls (the sum of each option's shards), and when the database read them: the statement's
 * start in microseconds, one clock for every instance, so a later read (which sees every vote an earlier one saw)
 * carries a larger stamp.
 */
async function tallies(db: DbLike, pollIds: number[]): Promise<{ counts: Counts; readAt: number }> {
  const rows = await db.$queryRaw<
    { optionId: number | null; votes: number | null; donateVotes: number | null; readAt: bigint }[]
  >`
    SELECT t."optionId", t."votes", t."donateVotes",
      (extract(epoch FROM statement_timestamp()) * 1000000)::bigint AS "readAt"
    FROM (SELECT 1) AS one
    LEFT JOIN (
      SELECT "optionId", sum("votes")::int AS "votes", sum("donateVotes")::int AS "donateVotes"
      FROM "PollTally" WHERE "pollId" = ANY(${pollIds}::int[]) GROUP BY "optionId"
    ) AS t ON true`
  const counts: Counts = new Map()
  for (const r of rows)
    if (r.optionId !== null) counts.set(r.optionId, { votes: r.votes ?? 0, donateVotes: r.donateVotes ?? 0 })
  return { counts, readAt: Number(rows[0]?.readAt ?? 0) }
}

function viewOf(row: PollRow, counts: Counts): PollView {
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

/** Polls by id with their counts, in the order asked (missing ones left out), and when the counts were read. */
export async function readPolls(db: DbLike, ids: number[]): Promise<{ views: PollView[]; readAt: number }> {
  if (!ids.length) return { views: [], readAt: 0 }
  const rows = await db.poll.findMany({ where: { id: { in: ids } }, include: { options: true } })
  const { counts, readAt } = await tallies(
    db,
    rows.map((r) => r.id),
  )
  const byId = new Map(rows.map((r) => [r.id, viewOf(r, counts)]))
  return { views: ids.flatMap((id) => byId.get(id) ?? []), readAt }
}

/** Polls by id with their counts, in the order asked (missing ones left out): two statements however many. */
export const pollViews = async (db: DbLike, ids: number[]) => (await readPolls(db, ids)).views

export async function pollView(db: DbLike, id: number): Promise<PollView | null> {
  return (await pollViews(db, [id])).at(0) ?? null
}
