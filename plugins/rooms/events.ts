import type { Context } from '../../src/context.js'
import type { Db } from '../../src/db/client.js'
import type { ChatApi } from '../chat/public.js'
import { roomChannel } from './kind.js'
import { roomEvent, type RoomChange, type RoomEvent } from './topics.js'

/**
 * Announces a room change after it committed: to the room's subscribers (roomChanged), and, when it is about one
 * user's access, to that user too (myRoomInvites, peka2 roomUserSet / roomUserRemoved).
 */
export function announce(
  ctx: Pick<Context, 'pubsub'>,
  change: RoomChange,
  roomId: number,
  more: Partial<Pick<RoomEvent, 'userId' | 'role' | 'inviteId' | 'channelId'>> = {},
) {
  const e = roomEvent(change, roomId, more)
  ctx.pubsub.publish('rooms.room', roomId, e)
  if (e.userId !== null && PERSONAL.has(change)) ctx.pubsub.publish('rooms.user', e.userId, e)
  return e
}

/** Changes the user they are about hears of on their own topic. */
const PERSONAL: ReadonlySet<RoomChange> = new Set([
  // where they are: viewerRoom
  'ENTERED',
  'LEFT',
  'USER_SET',
  'USER_REMOVED',
  'INVITE_ACCEPTED',
  'INVITE_REJECTED',
  'INVITE_BLACKLISTED',
])

/**
 * Who may read a room's chat may have shrunk (a member removed, a ban, the room closed or deleted): live chat
 * subscriptions of `userId` (null: everyone's) to the room and its text channels check again, and end where the right
 * is gone. `channelIds`: the room's text channels when they are already gone (a deleted room). After the commit.
 */
export async function recheckReaders(
  deps: { prisma: Db; chat: ChatApi },
  roomId: number,
  userId: number | null,
  channelIds?: number[],
) {
  const ids =
    channelIds ??
    (await deps.prisma.roomChannel.findMany({ where: { roomId }, select: { id: true }, take: 500 })).map((c) => c.id)
  deps.chat.accessChanged(roomChannel(roomId), userId)
  for (const id of ids) deps.chat.accessChanged(roomChannel(roomId, id), userId)
}
