import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { writeBlocked } from '../../src/core/users/block.js'
import { announceRevoked } from '../../src/auth/sessions.js'
import { Effects } from './effects.js'
import { isModerator, TX_OPTIONS, userOrThrow, signedIn } from './common.js'
import { reasonSnapshot, unfairReason } from './reasons.js'
import { createBan } from './ban-make.js'
import { BAN_INCLUDE, banView, type BanMessageView } from './ban-views.js'
import { idPage, type Page } from './paging.js'

/** The ban in force that ends last (peka2 check: "если банов несколько, то вернет тот, который заканчивается позднее"). */
export async function banStatus(ctx: Context, userId: number) {
  await userOrThrow(ctx.prisma, userId)
  const ban = await ctx.prisma.ban.findFirst({
    where: { userId, active: true, endAt: { gt: new Date() } },
    orderBy: [{ endAt: 'desc' }, { id: 'desc' }],
    include: BAN_INCLUDE,
  })
  return ban ? banView(ban) : null
}

export interface BanFilter {
  from?: Date | null
  to?: Date | null
  reasonId?: number | null
  banId?: number | null
  userId?: number | null
}

/** Everyone sees their own bans; moderators see everyone's (and may filter by user). */
export async function listBans(ctx: Context, f: BanFilter, page: Page) {
  const viewer = signedIn(ctx)
  if (f.userId != null && f.userId !== viewer.id && !isModerator(viewer))
    throw new AppError('INSUFFICIENT_PERMISSIONS', "userId: only moderators list other users' bans", {
      field: 'userId',
    })
  const where: Prisma.BanWhereInput = {
    userId: isModerator(viewer) ? (f.userId ?? undefined) : viewer.id,
    ...(f.reasonId ? { reasonId: f.reasonId } : {}),
    ...(f.banId ? { id: f.banId } : {}),
    ...(f.from || f.to ? { startAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  }
  const p = idPage(page)
  const rows = await ctx.prisma.ban.findMany({
    where: { AND: [where, p.where] },
    orderBy: p.orderBy,
    take: p.take,
    include: BAN_INCLUDE,
  })
  return rows.map(banView)
}

/** One ban, for its owner or a moderator (Relay node lookups). */
export async function bansByIds(ctx: Context, ids: number[]) {
  const rows = await ctx.prisma.ban.findMany({ where: { id: { in: ids } }, include: BAN_INCLUDE })
  return ids.map((id) => {
    const b = rows.find((r) => r.id === id)
    return b && (isModerator(ctx.viewer) || ctx.viewer?.id === b.userId) ? banView(b) : null
  })
}

/**
 * Cancels a ban and bans each of its voters under the unfair-accusation reason; their bans' data hold the cancelled
 * ban's reason and the message they accused. The conditional update lets exactly one of two racing undos win.
 */
export async function undoBan(ctx: Context, banId: number) {
  if (!Number.isInteger(banId) || banId < 1) throw invalid('ban', 'must be a ban id')
  const actorId = signedIn(ctx).id
  const fx = new Effects()
  await ctx.prisma.$transaction(async (tx) => {
    const ban = await tx.ban.findUnique({
      where: { id: banId },
      include: { ...BAN_INCLUDE, votes: { orderBy: { id: 'asc' } } },
    })
    if (!ban) throw new AppError('BAN_NOT_FOUND', 'ban: no such ban', { field: 'ban' })
    const won = await tx.ban.updateMany({
      where: { id: banId, active: true },
      data: { active: false, undoneAt: new Date(), undoneById: actorId },
    })
    if (won.count !== 1) throw new AppError('BAN_ALREADY_UNDONE')
    await fx.audit(tx, {
      action: 'BAN_UNDO',
      actorId,
      targetUserId: ban.userId,
      reasonId: ban.reasonId,
      banId,
    })
    fx.notice(ban.userId, 'chatBanUndo', {})
    const unfair = await unfairReason(tx)
    const messages = banView(ban).messages
    const byVoter = new Map<number, number[]>()
    for (const v of ban.votes)
      byVoter.set(v.voterId, [...(byVoter.get(v.voterId) ?? []), ...(v.messageId ? [v.messageId] : [])])
    for (const [voterId, messageIds] of byVoter) {
      await createBan(ctx, tx, fx, {
        userId: voterId,
        reason: unfair,
        data: unfairData(ban.reason, messages, messageIds),
        actorId,
        sourceBanId: ban.id,
        action: 'BAN_UNFAIR',
      })
    }
  }, TX_OPTIONS)
  await fx.flush(ctx)
  return true
}

/** "причина бана и сообщение другого пользователя, бан по которым был отменён" */
function unfairData(
  reason: Parameters<typeof reasonSnapshot>[0],
  messages: BanMessageView[],
  voted: number[],
): BanMessageView[] {
  const mine = messages.filter((m) => m.messageId != null && voted.includes(m.messageId))
  const base = mine.length
    ? mine
    : [{ messageId: null, channel: null, text: '', time: null, attempt: false, accused: false, reason: null }]
  // attempt: this voter voted against it; accused: false — it is someone else's message, not the banned voter's.
  return base.map((m) => ({ ...m, attempt: mine.length > 0, accused: false, reason: reasonSnapshot(reason) }))
}

/** peka2 /api/moderation/block: core's block (sessions revoked at once) and its audit entry, in one transaction. */
export async function blockUser(ctx: Context, userId: number, state: boolean) {
  const actorId = signedIn(ctx).id
  const fx = new Effects()
  await ctx.prisma.$transaction(async (tx) => {
    const revoked = await writeBlocked(tx, userId, state)
    fx.after(() => announceRevoked(ctx.pubsub, userId, revoked))
    await fx.audit(tx, { action: state ? 'BLOCK' : 'UNBLOCK', actorId, targetUserId: userId })
  }, TX_OPTIONS)
  await fx.flush(ctx)
  return true
}
