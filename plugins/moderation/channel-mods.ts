import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { Effects } from './effects.js'
import { userOrThrow, signedIn } from './common.js'
import { ownerOf } from './channel-owner.js'
import { publicActor } from './public-actor.js'
import { chatApi } from './state.js'

/**
 * The channel's owner (as its kind describes it) appoints and removes moderators, who may then kick, silence and ban
 * there. Channels without an owner (main, admin …) have only the moderators their kind defines.
 */
export async function setChannelModerator(ctx: Context, channelId: string, userId: number, on: boolean) {
  const ch = await chatApi(ctx).resolveChannel(ctx, channelId)
  const owner = await ownerOf(ctx, ch)
  if (owner == null || owner !== signedIn(ctx).id)
    throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: only the owner of ${ch.id} appoints its moderators`, {
      field: 'channel',
    })
  const target = await userOrThrow(ctx.prisma, userId)
  if (target.id === owner)
    throw new AppError('INVALID_INPUT', 'userId: the owner moderates their channel already', { field: 'userId' })
  // The owner acts: named where the channel's moderators are public (publicActor), anonymous elsewhere.
  const actorId = await publicActor(ctx, ch, owner)
  const fx = new Effects()
  await ctx.prisma.$transaction(async (tx) => {
    const key = { channel_userId: { channel: ch.id, userId: target.id } }
    const exists = !!(await tx.channelModerator.findUnique({ where: key }))
    if (exists === on) return
    if (on) await tx.channelModerator.create({ data: { channel: ch.id, userId: target.id, appointedById: owner } })
    else await tx.channelModerator.delete({ where: key })
    await fx.audit(tx, {
      action: on ? 'CHANNEL_MODERATOR_ADD' : 'CHANNEL_MODERATOR_REMOVE',
      actorId: owner,
      targetUserId: target.id,
      channel: ch.id,
    })
    // JustChat's service messages "new moderator" / "remove moderator", in the same transaction as the change.
    const text = on
      ? `${target.name} is now a moderator of this channel`
      : `${target.name} is no longer a moderator of this channel`
    await chatApi(ctx).postSystem(
      ch.id,
      text,
      { type: on ? 'new moderator' : 'remove moderator', toId: target.id, actorId },
      fx.inTransaction(tx),
    )
  })
  await fx.flush(ctx)
  return true
}

/** Appointed moderators of a channel the caller may read. */
export async function channelModerators(ctx: Context, channelId: string) {
  const ch = await chatApi(ctx).resolveChannel(ctx, channelId)
  if (!(await ch.kind.canRead(ctx, ch.parts)))
    throw new AppError(
      ctx.viewer ? 'INSUFFICIENT_PERMISSIONS' : 'UNAUTHENTICATED',
      `channel: you may not read ${ch.id}`,
      { field: 'channel' },
    )
  const rows = await ctx.prisma.channelModerator.findMany({
    where: { channel: ch.id },
    orderBy: { createdAt: 'asc' },
    select: { userId: true },
  })
  return rows.map((r) => r.userId)
}
