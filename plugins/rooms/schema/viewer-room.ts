import { Repeater } from 'graphql-yoga'
import type { Builder } from '../../../src/schema/builder.js'
import { signedIn } from '../access.js'
import { currentRoomId } from '../presence.js'
import type { RoomTypes } from './room-type.js'

interface ViewerRoom {
  roomId: number | null
}

/**
 * viewerRoom: the room the viewer is inside, at once and after every move (entering, leaving, being kicked), from their
 * own room topic. Each event re-reads where they are, so a move announced as LEFT then ENTERED gives one answer.
 */
export function addViewerRoomSubscription(builder: Builder, T: RoomTypes) {
  const Event = builder.objectRef<ViewerRoom>('ViewerRoom').implement({
    description: 'Where the viewer is: a room, or none',
    fields: (t) => ({
      roomId: t.exposeInt('roomId', { nullable: true, description: "the room's databaseId; null: in none" }),
      room: t.field({
        type: T.Room,
        nullable: true,
        description: 'the room the viewer is inside; null: in none (or it was just deleted)',
        resolve: (e, _a, ctx) => (e.roomId === null ? null : ctx.prisma.room.findUnique({ where: { id: e.roomId } })),
      }),
    }),
  })
  builder.subscriptionFields((t) => ({
    viewerRoom: t.field({
      type: Event,
      authScopes: { authenticated: true },
      description:
        'The room the viewer is inside (JustChat /room/enter): where they are now, then each time that changes; ' +
        'roomId null when in none',
      subscribe: (_p, _a, ctx) => {
        const userId = signedIn(ctx).id
        return new Repeater<ViewerRoom>(async (push, stop) => {
          // subscribed before the first read: a move between the two is seen as an event
          const events = ctx.pubsub.subscribe('rooms.user', userId)
          stop
            .then(() => events.return?.())
            .catch((e: unknown) => {
              ctx.services.log.warn('viewer room subscription clean-up failed', { userId, error: String(e) })
            })
          let last = await currentRoomId(ctx, userId)
          await push({ roomId: last })
          for await (const e of events) {
            if (e.change !== 'ENTERED' && e.change !== 'LEFT') continue
            const now = await currentRoomId(ctx, userId)
            if (now === last) continue
            last = now
            await push({ roomId: now })
          }
          stop()
        })
      },
      resolve: (e) => e,
    }),
  }))
}
