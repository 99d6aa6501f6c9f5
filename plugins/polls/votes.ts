import type { Context } from '../../src/context.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { AppError } from '../../src/errors.js'
import { readableChannelId, visiblePoll } from './access.js'
import type { PollShape } from './shapes.js'
import { pollsOf } from './state.js'
import { checkChoice } from './validate.js'

/** Tally rows per option: a voter adds to shard (id mod SHARDS), so parallel voters rarely update the same row. */
const SHARDS = 8
const shardOf = (userId: number) => userId % SHARDS

/** `now` as a timestamp without zone, the way Prisma stores DateTime (UTC wall time), whatever the session's zone. */
const utc = (d: Date) => d.toISOString().replace('Z', '')

async function refusalOf(ctx: Context, shape: PollShape, field: string): Promise<AppError> {
  const row = await ctx.prisma.poll.findUnique({ where: { id: shape.id }, select: { endedAt: true, endsAt: true } })
  if (!row || row.endedAt || row.endsAt.getTime() <= Date.now())
    return new AppError('POLL_ENDED', `${field}: poll ${shape.id} has ended`, { field })
  return new AppError('POLL_ALREADY_VOTED', `${field}: you have voted in poll ${shape.id} already`, { field })
}

/**
 * A free vote: one statement that checks the poll still runs (its end compared with now, no job involved), inserts
 * the vote — the key (poll, user, slot) refuses a second one in a single-choice poll, the same option twice in a
 * multiple-choice one — and adds 1 to the option's tally shard. Constant work per vote, whatever the poll's size.
 */
async function freeVote(ctx: Context, userId: number, shape: PollShape, optionIds: number[]) {
  const rows = await ctx.prisma.$queryRaw<{ optionId: number }[]>`
    WITH p AS (
      SELECT "id", "multiple" FROM "Poll"
      WHERE "id" = ${shape.id} AND "endedAt" IS NULL AND "endsAt" > ${utc(new Date())}::timestamp
    ), v AS (
      INSERT INTO "PollVote" ("pollId", "userId", "slot", "optionId")
      SELECT p."id", ${userId}, CASE WHEN p."multiple" THEN o."id" ELSE 0 END, o."id"
      FROM p CROSS JOIN unnest(${optionIds}::int[]) AS o("id")
      ON CONFLICT DO NOTHING
      RETURNING "optionId"
    )
    INSERT INTO "PollTally" ("pollId", "optionId", "shard", "votes")
    SELECT ${shape.id}, v."optionId", ${shardOf(userId)}, 1 FROM v
    ON CONFLICT ("pollId", "optionId", "shard") DO UPDATE SET "votes" = "PollTally"."votes" + 1
    RETURNING "optionId"`
  if (!rows.length) throw await refusalOf(ctx, shape, 'pollId')
}

/**
 * A paid vote (donate polls): the store moves the price from the voter's wallet to the channel owner's payout (the
 * store's revenue for a channel without one) in one ledger entry, in the same transaction as the vote and its tally.
 * Short of money: the store's INSUFFICIENT_FUNDS and nothing written; an ended poll: POLL_ENDED and no money moved.
 */
async function paidVote(ctx: Context, userId: number, shape: PollShape, optionId: number) {
  const { store, chat, config } = pollsOf(ctx)
  if (!shape.donate)
    throw new AppError('POLL_PAID_VOTES_OFF', `paid: poll ${shape.id} takes no paid votes`, { field: 'paid' })
  if (!store)
    throw new AppError('POLL_DONATE_UNAVAILABLE', 'paid: paid votes need the store, which is not enabled here', {
      field: 'paid',
    })
  const kind = chat.kindOf(shape.channel)
  const owner = kind ? (await kind.describe(ctx, shape.channel.split('/').slice(1))).ownerId : null
  const price = config.votePrice
  await store.spend(ctx, {
    userId,
    amount: price,
    currency: 'PEKOINS',
    payeeId: owner,
    reason: `poll ${shape.id}: paid vote for option ${shape.positions.get(optionId) ?? optionId}`,
    alsoWrite: async (tx, entryId) => {
      const written = await tx.$executeRaw`
        WITH p AS (
          SELECT "id" FROM "Poll"
          WHERE "id" = ${shape.id} AND "endedAt" IS NULL AND "endsAt" > ${utc(new Date())}::timestamp
        ), pv AS (
          INSERT INTO "PollPaidVote" ("pollId", "optionId", "userId", "entryId", "price")
          SELECT p."id", ${optionId}, ${userId}, ${entryId}, ${price} FROM p
          RETURNING "optionId"
        )
        INSERT INTO "PollTally" ("pollId", "optionId", "shard", "donateVotes")
        SELECT ${shape.id}, pv."optionId", ${shardOf(userId)}, 1 FROM pv
        ON CONFLICT ("pollId", "optionId", "shard") DO UPDATE SET "donateVotes" = "PollTally"."donateVotes" + 1`
      if (!written) throw new AppError('POLL_ENDED', `pollId: poll ${shape.id} has ended`, { field: 'pollId' })
    },
  })
}

export interface VoteInput {
  pollId: number
  optionIds: readonly number[]
  /** a paid vote (donate polls), on top of the free one */
  paid?: boolean | null
}

/** Votes in a poll the viewer may see; live watchers hear of it within a fraction of a second (coalesced). */
export async function votePoll(ctx: Context, input: VoteInput): Promise<PollShape> {
  const me = signedIn(ctx)
  const shape = await visiblePoll(ctx, input.pollId)
  const ids = checkChoice(input.optionIds, shape.positions, shape.multiple)
  await castVote(ctx, me.id, shape, ids, input.paid === true)
  return shape
}

async function castVote(ctx: Context, userId: number, shape: PollShape, ids: number[], paid: boolean) {
  if (paid) {
    if (ids.length !== 1)
      throw new AppError('INVALID_INPUT', 'optionIds: a paid vote is for one option', { field: 'optionIds' })
    await paidVote(ctx, userId, shape, ids[0])
  } else await freeVote(ctx, userId, shape, ids)
  pollsOf(ctx).live.touch(shape.id)
}

/**
 * peka2 /api/poll/vote: a vote by position in the channel's running poll. In a donate poll the first vote is free and
 * every further one is paid (peka2 has no other way to ask for a paid vote); `paid` decides it explicitly.
 */
export async function voteInChannel(
  ctx: Context,
  channel: string,
  position: number,
  paid: boolean | null,
): Promise<PollShape> {
  const me = signedIn(ctx)
  // the right to read the channel, then its poll: no lookup of the channel itself on this hot path
  await readableChannelId(ctx, channel)
  const latest = await ctx.prisma.poll.findFirst({
    where: { channel, messageId: null },
    orderBy: { id: 'desc' },
    select: { id: true, endedAt: true, endsAt: true },
  })
  if (!latest)
    throw new AppError('POLL_NOT_FOUND', `channel: no poll was ever started in ${channel}`, { field: 'channel' })
  const shape = await visiblePoll(ctx, latest.id, 'channel')
  if (latest.endedAt || latest.endsAt.getTime() <= Date.now())
    throw new AppError('POLL_ENDED', `channel: ${channel} has no running poll`, { field: 'channel' })
  const optionId = [...shape.positions].find(([, p]) => p === position)?.[0]
  if (optionId === undefined)
    throw new AppError('POLL_OPTION_NOT_FOUND', `position: the poll has no option at position ${position}`, {
      field: 'position',
    })
  if (paid !== null || !shape.donate) await castVote(ctx, me.id, shape, [optionId], paid === true)
  else
    await castVote(ctx, me.id, shape, [optionId], false).catch(async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== 'POLL_ALREADY_VOTED') throw e
      await castVote(ctx, me.id, shape, [optionId], true)
    })
  return shape
}

/** Takes back the viewer's free votes in a message poll that still runs (channel polls' votes are final). */
export async function retractPollVote(ctx: Context, pollId: number): Promise<PollShape> {
  const me = signedIn(ctx)
  const shape = await visiblePoll(ctx, pollId)
  if (shape.messageId === null)
    throw new AppError('POLL_VOTE_FINAL', `pollId: votes in channel poll ${shape.id} are final`, { field: 'pollId' })
  const rows = await ctx.prisma.$queryRaw<{ optionId: number }[]>`
    WITH p AS (
      SELECT "id" FROM "Poll"
      WHERE "id" = ${shape.id} AND "endedAt" IS NULL AND "endsAt" > ${utc(new Date())}::timestamp
    ), old AS (
      DELETE FROM "PollVote" v USING p WHERE v."pollId" = p."id" AND v."userId" = ${me.id}
      RETURNING v."optionId"
    )
    UPDATE "PollTally" t SET "votes" = t."votes" - 1 FROM old
    WHERE t."pollId" = ${shape.id} AND t."optionId" = old."optionId" AND t."shard" = ${shardOf(me.id)}
    RETURNING t."optionId"`
  if (!rows.length) {
    const refusal = await refusalOf(ctx, shape, 'pollId')
    if (refusal.code === 'POLL_ENDED') throw refusal
    throw new AppError('POLL_NOT_VOTED', `pollId: you have not voted in poll ${shape.id}`, { field: 'pollId' })
  }
  pollsOf(ctx).live.touch(shape.id)
  return shape
}
