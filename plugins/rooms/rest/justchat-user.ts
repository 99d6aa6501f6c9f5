import type { UserObjectPart } from '../../../src/rest/route.js'
import { jcId } from '../../../src/rest/justchat.js'

interface Ref {
  databaseId: number
}
interface UserRooms {
  activeRoom: Ref | null
  ownedRooms: Ref[]
  visitedRooms: Ref[] | null
}

/**
 * JustChat's user `room` (the active room), `rooms` (created) and `visitedRooms`, as ObjectId strings: the User fields of
 * schema/user-rooms.ts, so the same rules decide who sees them. Hidden visited rooms are an empty list, the form a
 * JustChat client expects.
 */
export const justchatUserRooms: UserObjectPart = {
  selection: 'activeRoom { databaseId } ownedRooms { databaseId } visitedRooms { databaseId }',
  render: (u: UserRooms) => ({
    room: u.activeRoom ? jcId(u.activeRoom.databaseId) : null,
    rooms: u.ownedRooms.map((r) => jcId(r.databaseId)),
    visitedRooms: (u.visitedRooms ?? []).map((r) => jcId(r.databaseId)),
  }),
}
