import type { Context } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import { AppError } from '../../src/errors.js'
import { dmsOf } from './state.js'
import { conversationChannel, pairOf } from './channel.js'

const DAY_MS = 24 * 3600 * 1000

/** A user's side of the conversation on a channel, or null. */
export const memberOf = (db: DbLike, channel: string, userId: number) =>
  db.dmMember.findFirst({ where: { userId, conversation: { channel } } })

/** The conversation of a channel, creating it with both sides when this is its first message. */
async function create(db: DbLike, channel: string, startedById: number) {
  const pair = pairOf(channel)
  if (!pair) throw new Error(`dms: not a private channel: ${channel}`)
  const [a, b] = pair
  const members =
    a === b
      ? [{ userId: a, peerId: a }]
      : [
          { userId: a, peerId: b },
          { userId: b, peerId: a },
        ]
  return db.dmConversation.create({
    data: { channel, startedById, members: { create: members } },
    select: { id: true },
  })
}

/** Is the user's account young enough to be held to the new-recipients cap? */
async function isNewAccount(ctx: Context, userId: number) {
  const days = dmsOf(ctx).config.newAccountDays
  if (days === 0) return false
  const u = await ctx.prisma.user.findUnique({ where: { id: userId }, select: { createdAt: true } })
  return !!u && Date.now() - u.createdAt.getTime() < days * DAY_MS
}

/**
 * The conversation a user is about to write into, started now if it does not exist. A new account may start only
 * `newRecipientsPerDay` conversations in 24 hours (Twitch whispers' anti-spam rule): counted under a per-user lock,
 * so parallel first messages to many people cannot all slip past the count. Returns the refusal's retry time in
 * seconds when the cap is reached, else null.
 */
export async function startConversation(ctx: Context, channel: string, userId: number): Promise<number | null> {
  const existing = await ctx.prisma.dmConversation.findUnique({ where: { channel }, select: { id: true } })
  if (existing) return null
  const capped = await isNewAccount(ctx, userId)
  const cap = dmsOf(ctx).config.newRecipientsPerDay
  return ctx.prisma.$transaction(async (tx) => {
    if (capped) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dms-start:${userId}`}))`
      if (await tx.dmConversation.findUnique({ where: { channel }, select: { id: true } })) return null
      const since = new Date(Date.now() - DAY_MS)
      const recent = await tx.dmConversation.findMany({
        where: { startedById: userId, createdAt: { gt: since } },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      })
      if (recent.length >= cap) {
        const oldest = recent[0]?.createdAt.getTime() ?? Date.now()
        return Math.max(1, Math.ceil((oldest + DAY_MS - Date.now()) / 1000))
      }
    }
    // two first messages of one pair at once: the loser finds the winner's conversation
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dms-conv:${channel}`}))`
    if (!(await tx.dmConversation.findUnique({ where: { channel }, select: { id: true } })))
      await create(tx, channel, userId)
    return null
  })
}

/** The viewer's side of their conversation with `peerId` (DM_CONVERSATION_NOT_FOUND naming `field` when none). */
export async function conversationWith(ctx: Context, viewerId: number, peerId: number, field = 'user') {
  const member = await memberOf(ctx.prisma, conversationChannel(viewerId, peerId), viewerId)
  if (!member)
    throw new AppError('DM_CONVERSATION_NOT_FOUND', `${field}: you have no conversation with this user`, { field })
  return member
}
