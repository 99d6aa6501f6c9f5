import type { Context, Viewer } from '../../src/context.js'
import { resolveChannel as resolveSharedChannel, type ResolvedChannel } from '../../src/plugins/channels.js'
import type { DbLike } from './common.js'

/** A resolved channel (src/plugins/channels.ts), with its kind's name for the kind-specific rules here. */
export interface Channel extends ResolvedChannel {
  kindName: string
}

export async function resolveChannel(ctx: Context, id: unknown, field = 'channel'): Promise<Channel> {
  const ch = await resolveSharedChannel(ctx, id, field)
  return { ...ch, kindName: ch.kind.name }
}

export async function isAppointed(db: DbLike, channel: string, userId: number) {
  return !!(await db.channelModerator.findUnique({ where: { channel_userId: { channel, userId } }, select: { userId: true } }))
}

/**
 * Whether `who` (the caller by default) moderates the channel: the kind's own moderators (site moderators, a stream's
 * owner, support staff in support channels …) or someone the channel's owner appointed.
 */
export async function canModerate(ctx: Context, ch: Channel, who: Viewer | null = ctx.viewer): Promise<boolean> {
  if (!who) return false
  if (await ch.kind.isModerator({ ...ctx, viewer: who }, ch.parts)) return true
  return isAppointed(ctx.prisma, ch.id, who.id)
}

export async function ownerOf(ctx: Context, ch: Channel) {
  return (await ch.kind.describe(ctx, ch.parts)).ownerId
}
