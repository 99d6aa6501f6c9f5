import type { Builder } from '../../../src/schema/builder.js'
import { roomEvents } from '../live.js'
import type { RoomChange, RoomEvent } from '../topics.js'
import type { RoomTypes } from './room-type.js'

const CHANGES = {
  MODIFIED: { description: 'its settings or preview changed' },
  DELETED: { description: 'it was deleted (the last event)' },
  VIDEO: { description: 'it started another video (currentVideo)' },
  PLAYLIST: { description: 'its playlist was replaced' },
  USER_SET: { description: 'a user was put on its access list or given another role (user, role)' },
  USER_REMOVED: { description: 'a user was taken off its access list (user)' },
  ENTERED: { description: 'a user went inside (user)' },
  LEFT: { description: 'a user left it, moved on or was removed (user)' },
  INVITE_REQUESTED: { description: 'a user asked for access (user, inviteId); admins only' },
  INVITE_ACCEPTED: { description: 'an access request was accepted (user, inviteId); admins only' },
  INVITE_REJECTED: { description: 'an access request was rejected (user, inviteId); admins only' },
  INVITE_BLACKLISTED: { description: 'an access request was blacklisted (user, inviteId); admins only' },
  CHANNEL_CREATED: { description: 'a text channel was added (channelId)' },
  CHANNEL_UPDATED: { description: 'a text channel was renamed, moved or made read-only (channelId)' },
  EMOJIS: { description: 'its emojis or stickers changed' },
} as const satisfies Record<RoomChange, { description: string }>

/** roomChanged: what happens to one room, live. */
export function addRoomEvents(builder: Builder, { Room, Role }: RoomTypes) {
  const Change = builder.enumType('RoomChange', {
    values: CHANGES,
    description: 'What happened to a room',
  })
  const Event = builder.objectRef<RoomEvent>('RoomEvent').implement({
    description: 'A change of a room; fields a change does not use are null',
    fields: (t) => ({
      change: t.field({ type: Change, description: 'what happened', resolve: (e) => e.change }),
      roomId: t.exposeInt('roomId', { description: "the room's databaseId" }),
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
      time: t.field({ type: 'DateTime', description: 'when it happened', resolve: (e) => e.time }),
    }),
  })

  builder.subscriptionFields((t) => ({
    roomChanged: t.field({
      type: Event,
      description:
        "A room's changes, for those who may read its chat (checked on subscribing); access requests (INVITE_*) for " +
        'its admins only. Ends after DELETED. Errors: ROOM_NOT_FOUND, ROOM_NO_ACCESS',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      subscribe: (_p, a, ctx) => roomEvents(ctx, a.roomId),
      resolve: (e) => e,
    }),
  }))
}
