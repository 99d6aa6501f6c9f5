import type { Context } from '../../src/context.js'
import type { ResolvedChannel } from '../chat/public.js'
import type { DbLike } from './common.js'

/** Did the channel's owner appoint this user a moderator of it? (chat's moderator check, registered at start) */
export async function isAppointed(db: DbLike, channel: string, userId: number) {
  return !!(await db.channelModerator.findUnique({
    where: { channel_userId: { channel, userId } },
    select: { userId: true },
  }))
}

/** The channel's owner as its kind describes it (a stream's streamer …); null for channels without one. */
export async function ownerOf(ctx: Context, ch: ResolvedChannel) {
  return (await ch.kind.describe(ctx, ch.parts)).ownerId
}
