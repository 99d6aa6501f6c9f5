import { AppError } from '../../../src/errors.js'
import { defineRoutes } from '../../../src/rest/route.js'

/**
 * peka2's access list and access requests (room.md, Пользователи and Инвайты): /api/room/user/* and
 * /api/room/invite/*. Users are /api/user objects; a request is /api/room/invite/status's object.
 */

const USER = 'databaseId name slug'
interface U {
  databaseId: number
  name: string
  slug: string
}
/** /api/user's object (a user gone since: the id alone) */
const peka2User = (u: U | null, id: number) =>
  u ? { id: u.databaseId, name: u.name, slug: u.slug } : { id, name: '', slug: '' }

const INVITE = `databaseId roomId blacklisted requestedAt userId user { ${USER} }`
interface InviteOut {
  databaseId: number
  roomId: number
  blacklisted: boolean
  requestedAt: string
  userId: number
  user: U | null
}
const peka2Invite = (i: InviteOut) => ({
  id: i.databaseId,
  roomId: i.roomId,
  blacklisted: i.blacklisted,
  requested: Math.floor(new Date(i.requestedAt).getTime() / 1000),
  user: peka2User(i.user, i.userId),
})

const empty = () => ({})
const roomId = (b: Record<string, unknown>) => ({ roomId: b.roomId })
const inviteId = (b: Record<string, unknown>) => ({ inviteId: b.inviteId })
/** peka2's access type → the role; anything else goes on as is and fails as `type` */
const ROLE_OF: Record<string, string> = { user: 'MEMBER', admin: 'ADMIN' }
const roleIn = (v: unknown) => (typeof v === 'string' && Object.hasOwn(ROLE_OF, v) ? ROLE_OF[v] : v)

const noRoom = () => new AppError('ROOM_NOT_FOUND', 'roomId: no such room', { field: 'roomId' })

export const peka2MemberRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/room/user/admin',
    access: 'P',
    operation: 'query($roomId: Int!) { room(databaseId: $roomId) { viewerIsAdmin } }',
    variables: roomId,
    result: (d: { room: { viewerIsAdmin: boolean } | null }) => {
      if (!d.room) throw noRoom()
      return { admin: d.room.viewerIsAdmin }
    },
  },
  {
    dialect: 'peka2',
    path: '/api/room/user/list',
    access: 'A',
    operation: `query($roomId: Int!) { roomMembers(roomId: $roomId) { role userId user { ${USER} } } }`,
    variables: roomId,
    result: (d: { roomMembers: { role: string; userId: number; user: U | null }[] }) =>
      d.roomMembers.map((m) => ({ type: m.role === 'ADMIN' ? 'admin' : 'user', user: peka2User(m.user, m.userId) })),
  },
  {
    dialect: 'peka2',
    path: '/api/room/user/remove',
    access: 'A',
    operation: 'mutation($roomId: Int!, $userId: Int!) { removeRoomMember(roomId: $roomId, userId: $userId) }',
    variables: (b) => ({ roomId: b.roomId, userId: b.userId }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/user/set',
    access: 'A',
    operation:
      'mutation($roomId: Int!, $userId: Int!, $type: RoomMemberRole!) { setRoomMember(roomId: $roomId, userId: $userId, role: $type) { role } }',
    variables: (b) => ({ roomId: b.roomId, userId: b.userId, type: roleIn(b.type) }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/invite',
    access: 'A',
    operation: 'mutation($roomId: Int!) { requestRoomAccess(roomId: $roomId) { databaseId } }',
    variables: roomId,
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/invite/accept',
    access: 'A',
    operation: 'mutation($inviteId: Int!) { acceptRoomInvite(inviteId: $inviteId) { role } }',
    variables: inviteId,
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/invite/blacklist',
    access: 'A',
    operation: 'mutation($inviteId: Int!) { blacklistRoomInvite(inviteId: $inviteId) { databaseId } }',
    variables: inviteId,
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/invite/list',
    access: 'A',
    operation: `query($roomId: Int!) { roomInvites(roomId: $roomId) { ${INVITE} } }`,
    variables: roomId,
    result: (d: { roomInvites: InviteOut[] }) => d.roomInvites.map(peka2Invite),
  },
  {
    dialect: 'peka2',
    path: '/api/room/invite/reject',
    access: 'A',
    operation: 'mutation($inviteId: Int!) { rejectRoomInvite(inviteId: $inviteId) }',
    variables: inviteId,
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/invite/status',
    access: 'A',
    operation: `query($roomId: Int!) { myRoomInvite(roomId: $roomId) { ${INVITE} } }`,
    variables: roomId,
    result: (d: { myRoomInvite: InviteOut | null }) => {
      if (!d.myRoomInvite)
        throw new AppError('ROOM_INVITE_NOT_FOUND', 'roomId: you have not asked for access to this room', {
          field: 'roomId',
        })
      return peka2Invite(d.myRoomInvite)
    },
  },
])
