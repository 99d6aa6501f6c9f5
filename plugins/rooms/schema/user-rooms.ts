import type { Builder } from '../../../src/schema/builder.js'
import { activeRoomOf, ownedRoomsOf, visitedRoomsOf } from '../user-rooms.js'
import type { RoomTypes } from './room-type.js'

/** A user's rooms (JustChat's user `room`, `rooms`, `visitedRooms`); who sees which: user-rooms.ts. */
export function addUserRoomFields(builder: Builder, T: RoomTypes) {
  builder.prismaObjectFields('User', (t) => ({
    activeRoom: t.field({
      type: T.Room,
      nullable: true,
      description: 'The room the user is inside now; null: none, or one the viewer may not read',
      resolve: (u, _a, ctx) => activeRoomOf(ctx, u.id),
    }),
    ownedRooms: t.field({
      type: [T.Room],
      description: 'Rooms the user created (their hidden ones: to themselves and site staff), at most 100',
      resolve: (u, _a, ctx) => ownedRoomsOf(ctx, u.id),
    }),
    visitedRooms: t.field({
      type: [T.Room],
      nullable: true,
      description: 'Rooms the user entered, the latest first (at most 100); null to anyone but them and site staff',
      resolve: (u, _a, ctx) => visitedRoomsOf(ctx, u.id),
    }),
  }))
}
