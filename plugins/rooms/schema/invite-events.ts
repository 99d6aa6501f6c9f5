import { Repeater } from 'graphql-yoga'
import type { Builder } from '../../../src/schema/builder.js'
import { signedIn } from '../access.js'
import type { RoomEvent } from '../topics.js'
import type { RoomTypes } from './room-type.js'

const OUTCOMES = {
  INVITE_ACCEPTED: 'ACCEPTED',
  INVITE_REJECTED: 'REJECTED',
  INVITE_BLACKLISTED: 'BLACKLISTED',
} as const
type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES]
const outcomeOf = (e: RoomEvent): Outcome | null =>
  e.change in OUTCOMES ? OUTCOMES[e.change as keyof typeof OUTCOMES] : null

interface InviteEvent {
  change: Outcome
  roomId: number
  inviteId: number | null
  time: string
}

/** myRoomInvites: what became of the viewer's access requests, from their own room topic. */
export function addInviteSubscription(builder: Builder, T: RoomTypes) {
  const Change = builder.enumType('RoomInviteChange', {
    values: {
      ACCEPTED: { description: 'the request was accepted: the viewer is now a member' },
      REJECTED: { description: 'the request was rejected and deleted: the viewer may ask again' },
      BLACKLISTED: { description: 'the request was blacklisted: asking again is refused' },
    } as const,
    description: 'ACCEPTED: now a member; REJECTED: deleted, ask again; BLACKLISTED: asking again is refused',
  })
  const Event = builder.objectRef<InviteEvent>('RoomInviteEvent').implement({
    description: "A room's admin decided on the viewer's access request",
    fields: (t) => ({
      change: t.field({ type: Change, description: 'what the admin decided', resolve: (e) => e.change }),
      roomId: t.exposeInt('roomId', { description: "the room's databaseId" }),
      inviteId: t.exposeInt('inviteId', {
        nullable: true,
        description: "the request's databaseId (deleted unless BLACKLISTED)",
      }),
      room: t.field({
        type: T.Room,
        nullable: true,
        description: 'the room; null once it is deleted',
        resolve: (e, _a, ctx) => ctx.prisma.room.findUnique({ where: { id: e.roomId } }),
      }),
      time: t.exposeString('time', { description: 'ISO 8601' }),
    }),
  })
  builder.subscriptionFields((t) => ({
    myRoomInvites: t.field({
      type: Event,
      authScopes: { authenticated: true },
      description: "What becomes of the viewer's access requests (accepted, rejected, blacklisted)",
      subscribe: (_p, _a, ctx) => {
        const userId = signedIn(ctx).id
        // a Repeater, so unsubscribing removes the listener at once rather than at the next event
        return new Repeater<InviteEvent>(async (push, stop) => {
          const events = ctx.pubsub.subscribe('rooms.user', userId)
          stop
            .then(() => events.return?.())
            .catch((e: unknown) => {
              // nobody awaits a stopping subscription: a failure here must not become an unhandled rejection
              ctx.services.log.warn('room invite subscription clean-up failed', { userId, error: String(e) })
            })
          for await (const e of events) {
            const change = outcomeOf(e)
            if (change) await push({ change, roomId: e.roomId, inviteId: e.inviteId, time: e.time })
          }
          stop()
        })
      },
      resolve: (e) => e,
    }),
  }))
}
