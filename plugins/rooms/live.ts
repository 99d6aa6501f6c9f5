import { Repeater } from 'graphql-yoga'
import type { Context } from '../../src/context.js'
import { isRoomAdmin, requireAccess, roomOrThrow } from './access.js'
import type { RoomEvent } from './topics.js'

/**
 * roomChanged: a room's events for those who may read its chat (checked once, when subscribing). Access requests
 * (INVITE_*) are the room admins' business and reach nobody else. The subscription ends with the room (DELETED).
 */
export async function roomEvents(ctx: Context, roomId: number) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireAccess(ctx, room)
  const admin = await isRoomAdmin(ctx, room)
  return new Repeater<RoomEvent>(async (push, stop) => {
    const events = ctx.pubsub.subscribe('rooms.room', room.id)
    stop
      .then(() => events.return?.())
      .catch((e: unknown) => {
        // nobody awaits a stopping subscription: a failure here must not become an unhandled rejection
        ctx.services.log.warn('room subscription clean-up failed', { roomId: room.id, error: String(e) })
      })
    for await (const e of events) {
      if (e.change.startsWith('INVITE_') && !admin) continue
      await push(e)
      if (e.change === 'DELETED') break
    }
    stop()
  })
}
