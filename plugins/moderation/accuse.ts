import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import { Effects } from './effects.js'
import { lockUsers, TX_OPTIONS, userOrThrow, signedIn } from './common.js'
import { chatApi, moderationState } from './state.js'
import { mayAccuseWith, reasonOrThrow } from './reasons.js'
import { banContext, createBan } from './ban-make.js'
import { citizenWeight } from './api.js'

/** peka2-admin.md: "больше 5 заявок за последние 10 минут" is refused. */
export const MAX_ACCUSATIONS = 5
export const ACCUSATION_WINDOW_MS = 10 * 60_000
/** An open vote counts toward a ban for a day; after that it neither counts nor blocks a new accusation. */
export const VOTE_TTL_MS = 24 * 3600_000

export interface AccuseInput {
  userId: number
  reasonId: number
  /** peka2's free-form data; we read `messageId` (the accused chat message) from it */
  data?: unknown
}

function messageIdOf(data: unknown): number | null {
  if (data == null) return null
  if (typeof data !== 'object' || Array.isArray(data)) throw invalid('data', 'must be an object or null')
  const id = (data as Record<string, unknown>).messageId ?? null
  if (id === null) return null
  if (!Number.isInteger(id) || (id as number) < 1) throw invalid('data.messageId', 'must be a chat message id')
  return id as number
}

const messageNotFound = () =>
  new AppError('MESSAGE_NOT_FOUND', 'data.messageId: no such message of this user', { field: 'data.messageId' })

/**
 * The accused message must be readable by the voter (nobody votes on what they cannot see) and not a support
 * conversation's. Both are decided from the message and the voter alone — never from the accused user id — so the
 * answer cannot tell a voter who wrote a support message: support staff guessing ids get the one refusal for every id,
 * whether it is the asker's or not and whether or not they accused that user before. As complaints and channel
 * sanctions refuse support conversations (every one of them would show moderators who is in one).
 */
async function accusedMessage(ctx: Context, id: number | null) {
  if (id === null) return null
  const chat = chatApi(ctx)
  const m = (await chat.messages([id])).at(0)
  const ch = m && (await chat.resolveChannel(ctx, m.channel).catch(() => null))
  if (!m || !ch || !(await ch.kind.canRead(ctx, ch.parts))) throw messageNotFound()
  if (ch.kind.name === 'support')
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'data.messageId: support conversations cannot be accused', {
      field: 'data.messageId',
    })
  return m
}

/**
 * A citizen's vote to ban (peka2 /api/moderation/accuse). Votes weigh the voter's `citizen` value (a moderator's vote
 * alone reaches the threshold); when the open votes for one user and reason reach BAN_VOTE_THRESHOLD, the user is
 * banned for the reason's duration. Everything that decides runs under row locks on voter and accused, so two racing
 * votes that both cross the threshold make exactly one ban (the second finds the votes already counted).
 */
export async function accuse(ctx: Context, input: AccuseInput) {
  const voter = signedIn(ctx)
  // First, before anything about the accused user is looked up (see accusedMessage).
  const message = await accusedMessage(ctx, messageIdOf(input.data))
  const accused = await userOrThrow(ctx.prisma, input.userId)
  const reason = await reasonOrThrow(ctx.prisma, input.reasonId)
  if (!mayAccuseWith(reason, voter))
    throw new AppError('REASON_NOT_ALLOWED', `reasonId: you may not accuse with "${reason.name}"`, {
      field: 'reasonId',
    })
  // the role's weight, raised by other plugins' providers (a bought bonus)
  const citizen = await citizenWeight(ctx.services, voter)
  if (citizen <= 0) throw new AppError('NO_CITIZENSHIP')
  if (accused.id === voter.id) throw invalid('userId', 'you cannot accuse yourself')
  // The accused message must be the accused user's.
  if (message && message.fromId !== accused.id) throw messageNotFound()
  const threshold = moderationState.of(ctx.services).config.banVoteThreshold
  const weight = voter.roles.moderator > 0 ? Math.max(citizen, threshold) : citizen
  const fx = new Effects()

  await ctx.prisma.$transaction(async (tx) => {
    await lockUsers(tx, [voter.id, accused.id])
    const now = Date.now()
    const recent = await tx.banVote.count({
      where: { voterId: voter.id, createdAt: { gte: new Date(now - ACCUSATION_WINDOW_MS) } },
    })
    if (recent >= MAX_ACCUSATIONS) throw new AppError('TOO_MANY_ACCUSATIONS')
    const fresh = new Date(now - VOTE_TTL_MS)
    const inForce = { active: true, endAt: { gt: new Date(now) } }
    const repeat = await tx.banVote.findFirst({
      where: {
        voterId: voter.id,
        userId: accused.id,
        reasonId: reason.id,
        OR: [{ banId: null, createdAt: { gte: fresh } }, { ban: inForce }],
      },
      select: { id: true },
    })
    if (repeat) throw new AppError('DUPLICATE_ACCUSATION')
    // A vote against someone already banned for this reason joins that ban (and shares its fate on undo).
    const current = await tx.ban.findFirst({
      where: { userId: accused.id, reasonId: reason.id, ...inForce },
      select: { id: true },
    })
    const vote = await tx.banVote.create({
      data: {
        voterId: voter.id,
        userId: accused.id,
        reasonId: reason.id,
        weight,
        messageId: message?.id ?? null,
        channel: message?.channel ?? null,
        banId: current?.id ?? null,
      },
    })
    await fx.audit(tx, {
      action: 'ACCUSE',
      actorId: voter.id,
      targetUserId: accused.id,
      reasonId: reason.id,
      channel: vote.channel,
      messageId: vote.messageId,
      banId: vote.banId,
      data: { weight },
    })
    fx.notice(accused.id, 'chatBanAttempt', { messageId: vote.messageId ?? 0, channel: vote.channel ?? '' })
    if (current) return
    const open = await tx.banVote.findMany({
      where: { userId: accused.id, reasonId: reason.id, banId: null, createdAt: { gte: fresh } },
      orderBy: { id: 'asc' },
    })
    if (open.reduce((s, v) => s + v.weight, 0) < threshold) return
    const data = await banContext(ctx, tx, accused.id, [
      ...new Set(open.map((v) => v.messageId).filter((x): x is number => x != null)),
    ])
    const ban = await createBan(ctx, tx, fx, { userId: accused.id, reason, data, actorId: null, action: 'BAN' })
    await tx.banVote.updateMany({ where: { id: { in: open.map((v) => v.id) } }, data: { banId: ban.id } })
  }, TX_OPTIONS)

  await fx.flush(ctx)
  return true
}
