import type { Context } from '../../src/context.js'
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
  'USER_SET',
  'USER_REMOVED',
  'INVITE_ACCEPTED',
  'INVITE_REJECTED',
  'INVITE_BLACKLISTED',
])
