// rooms: members — the access list's notifications (peka2 roomUserSet / roomUserRemoved) and myRoomInvites: each made
// through the API, the payload compared whole (the room by identity: its other fields are the room's own tests').
import { expect } from 'vitest'
import type { TestApp } from '../../helpers/app.js'
import { registerUser, type TestUser } from '../../helpers/users.js'
import { isoSince, ok, open, userRef, type Received, type Stream } from '../support.js'

type Recipe = (t: TestApp) => Promise<Received>

async function privateRoom(t: TestApp) {
  const owner = await registerUser(t)
  const d = await ok(t, owner, 'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }', {
    i: { name: `members ${owner.id}`, mode: 'PRIVATE' },
  })
  return { owner, roomId: d.createRoom.databaseId as number }
}

async function only(s: Stream, ...expected: unknown[]) {
  const got = await s.expectNext(...expected)
  await s.expectQuiet(100)
  await s.close()
  return got
}

const SET =
  'mutation($r: Int!, $u: Int!, $role: RoomMemberRole!) { setRoomMember(roomId: $r, userId: $u, role: $role) { role } }'
const notice = (type: string, data: unknown, since: number) => ({ type, data, time: isoSince(since) })

export const ROOM_MEMBER_NOTIFICATION_RECIPES: Partial<Record<string, Recipe>> = {
  async roomUserSet(t) {
    const { owner, roomId } = await privateRoom(t)
    const x = await registerUser(t)
    const s = await open(t, x, 'notifications')
    const since = Date.now()
    await ok(t, owner, SET, { r: roomId, u: x.id, role: 'ADMIN' })
    return only(s, notice('roomUserSet', { roomId, userId: x.id, type: 'admin' }, since))
  },
  async roomUserRemoved(t) {
    const { owner, roomId } = await privateRoom(t)
    const x = await registerUser(t)
    await ok(t, owner, SET, { r: roomId, u: x.id, role: 'MEMBER' })
    const s = await open(t, x, 'notifications')
    const since = Date.now()
    await ok(t, owner, 'mutation($r: Int!, $u: Int!) { removeRoomMember(roomId: $r, userId: $u) }', {
      r: roomId,
      u: x.id,
    })
    return only(s, notice('roomUserRemoved', { roomId, userId: x.id }, since))
  },
}

/** The requester's stream, their request made; `decide` is run by the room's owner on it. */
async function decision(t: TestApp, decide: string, select: string, change: string): Promise<Received> {
  const { owner, roomId } = await privateRoom(t)
  const x: TestUser = await registerUser(t)
  const req = await ok(t, x, 'mutation($r: Int!) { requestRoomAccess(roomId: $r) { databaseId } }', { r: roomId })
  const inviteId: number = req.requestRoomAccess.databaseId
  const s = await open(t, x, 'myRoomInvites')
  const since = Date.now()
  await ok(t, owner, `mutation($i: Int!) { ${decide}(inviteId: $i)${select} }`, { i: inviteId })
  return only(s, {
    change,
    roomId,
    inviteId,
    room: expect.objectContaining({ databaseId: roomId }),
    time: isoSince(since),
  })
}

export const MY_ROOM_INVITES_RECIPES: Partial<Record<string, Recipe>> = {
  ACCEPTED: (t) => decision(t, 'acceptRoomInvite', ' { role }', 'ACCEPTED'),
  BLACKLISTED: (t) => decision(t, 'blacklistRoomInvite', ' { status }', 'BLACKLISTED'),
  REJECTED: (t) => decision(t, 'rejectRoomInvite', '', 'REJECTED'),
}

/** The room's owner (an admin: access requests reach admins only) follows roomChanged while `act` runs. */
async function roomEvents(
  t: TestApp,
  mode: 'PUBLIC' | 'PRIVATE',
  before: (c: { owner: TestUser; x: TestUser; roomId: number }) => Promise<unknown>,
  act: (c: { owner: TestUser; x: TestUser; roomId: number }) => Promise<unknown>,
  expected: (c: { x: TestUser; roomId: number; since: number; inviteId: number | null }) => unknown[],
): Promise<Received> {
  const owner = await registerUser(t)
  const d = await ok(t, owner, 'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }', {
    i: { name: `events ${owner.id}`, mode },
  })
  const roomId: number = d.createRoom.databaseId
  const x = await registerUser(t)
  const c = { owner, x, roomId }
  await before(c)
  const s = await open(t, owner, 'roomChanged', { roomId })
  const since = Date.now()
  await act(c)
  const inviteId = await inviteIdOf(t, roomId, x.id)
  return only(s, ...expected({ x, roomId, since, inviteId }))
}

/** The request's id, remembered before a decision deletes it. */
const requested = new Map<string, number>()
const inviteIdOf = async (t: TestApp, roomId: number, userId: number) => {
  const key = `${roomId}/${userId}`
  const row = await t.app.services.prisma.roomInvite.findFirst({ where: { roomId, userId } })
  if (row) requested.set(key, row.id)
  return requested.get(key) ?? null
}

const event = (
  change: string,
  c: { x: TestUser; roomId: number; since: number },
  more: { role?: string; inviteId?: number | null } = {},
) => ({
  change,
  channelId: null,
  inviteId: more.inviteId ?? null,
  role: more.role ?? null,
  room: expect.objectContaining({ databaseId: c.roomId }),
  roomId: c.roomId,
  time: isoSince(c.since),
  user: userRef(c.x),
})

const nothing = async () => {}
const ask = async (t: TestApp, c: { x: TestUser; roomId: number }) => {
  await ok(t, c.x, 'mutation($r: Int!) { requestRoomAccess(roomId: $r) { databaseId } }', { r: c.roomId })
  await inviteIdOf(t, c.roomId, c.x.id)
}
const inviteOf = async (t: TestApp, c: { x: TestUser; roomId: number }) => (await inviteIdOf(t, c.roomId, c.x.id)) ?? -1
const ENTER = 'mutation($r: Int!) { enterRoom(roomId: $r) { databaseId } }'

/** roomChanged's events of the access list, entering and access requests (rooms: members). */
export const ROOM_CHANGED_MEMBER_RECIPES: Partial<Record<string, Recipe>> = {
  USER_SET: (t) =>
    roomEvents(
      t,
      'PRIVATE',
      nothing,
      (c) => ok(t, c.owner, SET, { r: c.roomId, u: c.x.id, role: 'MEMBER' }),
      (c) => [event('USER_SET', c, { role: 'MEMBER' })],
    ),
  USER_REMOVED: (t) =>
    roomEvents(
      t,
      'PRIVATE',
      (c) => ok(t, c.owner, SET, { r: c.roomId, u: c.x.id, role: 'MEMBER' }),
      (c) =>
        ok(t, c.owner, 'mutation($r: Int!, $u: Int!) { removeRoomMember(roomId: $r, userId: $u) }', {
          r: c.roomId,
          u: c.x.id,
        }),
      (c) => [event('USER_REMOVED', c)],
    ),
  ENTERED: (t) =>
    roomEvents(
      t,
      'PUBLIC',
      nothing,
      (c) => ok(t, c.x, ENTER, { r: c.roomId }),
      (c) => [event('ENTERED', c)],
    ),
  LEFT: (t) =>
    roomEvents(
      t,
      'PUBLIC',
      (c) => ok(t, c.x, ENTER, { r: c.roomId }),
      (c) => ok(t, c.x, 'mutation { leaveRoom }'),
      (c) => [event('LEFT', c)],
    ),
  INVITE_REQUESTED: (t) =>
    roomEvents(
      t,
      'PRIVATE',
      nothing,
      (c) => ask(t, c),
      (c) => [event('INVITE_REQUESTED', c, { inviteId: c.inviteId })],
    ),
  INVITE_ACCEPTED: (t) =>
    roomEvents(
      t,
      'PRIVATE',
      (c) => ask(t, c),
      async (c) =>
        ok(t, c.owner, 'mutation($i: Int!) { acceptRoomInvite(inviteId: $i) { role } }', { i: await inviteOf(t, c) }),
      (c) => [event('INVITE_ACCEPTED', c, { inviteId: c.inviteId }), event('USER_SET', c, { role: 'MEMBER' })],
    ),
  INVITE_REJECTED: (t) =>
    roomEvents(
      t,
      'PRIVATE',
      (c) => ask(t, c),
      async (c) => ok(t, c.owner, 'mutation($i: Int!) { rejectRoomInvite(inviteId: $i) }', { i: await inviteOf(t, c) }),
      (c) => [event('INVITE_REJECTED', c, { inviteId: c.inviteId })],
    ),
  INVITE_BLACKLISTED: (t) =>
    roomEvents(
      t,
      'PRIVATE',
      (c) => ask(t, c),
      async (c) =>
        ok(t, c.owner, 'mutation($i: Int!) { blacklistRoomInvite(inviteId: $i) { status } }', {
          i: await inviteOf(t, c),
        }),
      (c) => [event('INVITE_BLACKLISTED', c, { inviteId: c.inviteId })],
    ),
}

/** viewerRoom: where the viewer is — none at first, then the room they enter, then none once they leave. */
export const VIEWER_ROOM_RECIPES: Partial<Record<string, Recipe>> = {
  async ViewerRoom(t) {
    const owner = await registerUser(t)
    const d = await ok(t, owner, 'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }', {
      i: { name: `where ${owner.id}` },
    })
    const roomId = d.createRoom.databaseId as number
    const s = await open(t, owner, 'viewerRoom')
    const first = await s.expectNext({ roomId: null, room: null })
    await ok(t, owner, 'mutation($r: Int!) { enterRoom(roomId: $r) { databaseId } }', { r: roomId })
    const entered = await s.expectNext({ roomId, room: expect.objectContaining({ databaseId: roomId }) })
    await ok(t, owner, 'mutation { leaveRoom }')
    return [...first, ...entered, ...(await only(s, { roomId: null, room: null }))]
  },
}
