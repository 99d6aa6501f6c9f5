import type { Builder } from '../../../src/schema/builder.js'
import { roomEvents } from '../live.js'
import type { RoomChange, RoomEvent } from '../topics.js'
import type { RoomTypes } from './room-type.js'

const CHANGES = [
  'MODIFIED',
  'DELETED',
  'VIDEO',
  'PLAYLIST',
  'USER_SET',
  'USER_REMOVED',
  'ENTERED',
  'LEFT',
  'INVITE_REQUESTED',
  'INVITE_ACCEPTED',
  'INVITE_REJECTED',
  'INVITE_BLACKLISTED',
  'CHANNEL_CREATED',
  'CHANNEL_UPDATED',
  'EMOJIS',
] as const satisfies readonly RoomChange[]

/** roomChanged: what happens to one room, live. */
export function addRoomEvents(builder: Builder, { Room, Role }: RoomTypes) {
  const Change = builder.enumType('RoomChange', {
    values: CHANGES,
    description: 'What happened to a room',
  })
  const Event = builder.objectRef<RoomEvent>('RoomEvent').implement({
    description: 'A change of a room; fields a change does not use are null',
    fields: (t) => ({
      change: t.field({ type: Change, resolve: (e) => e.change }),
      roomId: t.exposeInt('roomId'),
      room: t.field({
        type: Room,
        nullable: true,
        description: 'the room as it is now; null once it is deleted',
        resolve: (e, _a, ctx) => ctx.prisma.room.findUnique({ where: { id: e.roomId } }),
      }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'the user the change is about (a member set or removed, who entered or asked …)',
        resolve: (q, e, _a, ctx) =>
          e.userId === null ? null : ctx.prisma.user.findUnique({ ...q, where: { id: e.userId } }),
      }),
      role: t.field({
        type: Role,
        nullable: true,
        description: 'USER_SET: the role given',
        resolve: (e) => (e.role === 'ADMIN' || e.role === 'MEMBER' || e.role === 'OWNER' ? e.role : null),
      }),
      inviteId: t.exposeInt('inviteId', { nullable: true, description: 'INVITE_*: the access request' }),
      channelId: t.exposeInt('channelId', { nullable: true, description: 'CHANNEL_*: the text channel' }),
      time: t.field({ type: 'DateTime', resolve: (e) => e.time }),
    }),
  })

  builder.subscriptionFields((t) => ({
    roomChanged: t.field({
      type: Event,
      description:
        "A room's changes, for those who may read its chat (checked on subscribing); access requests (INVITE_*) for " +
        'its admins only. Ends after DELETED',
      args: { roomId: t.arg.int({ required: true }) },
      subscribe: (_p, a, ctx) => roomEvents(ctx, a.roomId),
      resolve: (e) => e,
    }),
  }))
}
