import type { Context, Viewer } from '../../src/context.js'
import type { ChannelKind } from '../../src/plugins/hooks.js'
import { AppError } from '../../src/errors.js'
import type { DbLike } from './common.js'

export interface Channel {
  id: string
  kindName: string
  kind: ChannelKind
  parts: string[]
}

/** A channel id resolved through the channel kinds chat and others registered (the hook, not chat's code). */
export async function resolveChannel(ctx: Context, id: unknown, field = 'channel'): Promise<Channel> {
  if (typeof id !== 'string' || id.length > 100) throw new AppError('CHANNEL_NOT_FOUND', `${field}: not a channel id`, { field })
  const [kindName, ...rest] = id.split('/')
  const kind = ctx.services.hooks.channelKinds.get(kindName)
  const parts = kind?.parse(rest)
  if (!kind || !parts || !(await kind.exists(ctx, parts))) throw new AppError('CHANNEL_NOT_FOUND', `${field}: no channel "${id}"`, { field })
  return { id, kindName, kind, parts }
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
