import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { oid } from '../helpers/justchat.js'

/**
 * A user's rooms (JustChat's user `room`, `rooms`, `visitedRooms`): GraphQL User.activeRoom / ownedRooms / visitedRooms
 * and the JustChat user object, as the user, a stranger, a member of the room they are in, site staff and a guest.
 */

const USER_ROOMS = graphql(`
  query UserRoomsOf($id: Int!) {
    user(databaseId: $id) {
      activeRoom { databaseId }
      ownedRooms { databaseId }
      visitedRooms { databaseId }
    }
  }
`)

let t: TestApp
let x: TestUser
let stranger: TestUser
let roommate: TestUser
let staff: TestUser
const rooms: Record<'open' | 'hidden' | 'closed' | 'elsewhere', number> = {
  open: 0,
  hidden: 0,
  closed: 0,
  elsewhere: 0,
}

beforeAll(async () => {
  t = await startTestApp()
  ;[x, stranger, roommate] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)])
  staff = await userWithRoles(t, { moderator: 1 })
  const db = t.app.services.prisma
  const other = await registerUser(t)
  const make = async (slug: string, ownerId: number, more: { hidden?: boolean; mode?: 'PRIVATE' } = {}) =>
    (await db.room.create({ data: { name: slug, slug: `${slug}-${x.id}`, ownerId, ...more } })).id
  rooms.open = await make('open', x.id)
  rooms.hidden = await make('hidden', x.id, { hidden: true })
  rooms.closed = await make('closed', other.id, { mode: 'PRIVATE' })
  rooms.elsewhere = await make('elsewhere', other.id)
  // x is inside the closed room (as a member), with the roommate; x visited it and, earlier, another room
  await db.roomMember.createMany({
    data: [
      { roomId: rooms.closed, userId: x.id },
      { roomId: rooms.closed, userId: roommate.id },
    ],
  })
  await db.roomOccupant.create({ data: { userId: x.id, roomId: rooms.closed } })
  await db.roomVisit.createMany({
    data: [
      { roomId: rooms.elsewhere, userId: x.id, lastVisitedAt: new Date(Date.now() - 60_000) },
      { roomId: rooms.closed, userId: x.id },
    ],
  })
})
afterAll(() => closeAll(t))

const ids = (list: { databaseId: number }[] | null | undefined) => list?.map((r) => r.databaseId) ?? null

describe('User.activeRoom, ownedRooms, visitedRooms', () => {
  const cases: [string, () => TestUser | undefined, { active: boolean; hidden: boolean; visited: boolean }][] = [
    ['the user', () => x, { active: true, hidden: true, visited: true }],
    ['site staff', () => staff, { active: true, hidden: true, visited: true }],
    ['a member of the room the user is in', () => roommate, { active: true, hidden: false, visited: false }],
    ['a stranger', () => stranger, { active: false, hidden: false, visited: false }],
    ['a guest', () => undefined, { active: false, hidden: false, visited: false }],
  ]
  it.each(cases)('as %s', async (_who, viewer, sees) => {
    const r = await gql(t.url, USER_ROOMS, { id: x.id }, viewer()?.token)
    expect(r.errors).toBeUndefined()
    const u = r.data!.user
    expect(u.activeRoom?.databaseId ?? null).toBe(sees.active ? rooms.closed : null)
    expect(ids(u.ownedRooms)).toEqual(sees.hidden ? [rooms.open, rooms.hidden] : [rooms.open])
    // the latest visit first
    expect(ids(u.visitedRooms)).toEqual(sees.visited ? [rooms.closed, rooms.elsewhere] : null)
  })

  it('an open active room is seen by anyone who may read it', async () => {
    const y = await registerUser(t)
    await t.app.services.prisma.roomOccupant.create({ data: { userId: y.id, roomId: rooms.elsewhere } })
    for (const viewer of [stranger.token, undefined]) {
      const r = await gql(t.url, USER_ROOMS, { id: y.id }, viewer)
      expect(r.data?.user.activeRoom?.databaseId).toBe(rooms.elsewhere)
    }
  })
})

describe("JustChat's user object", () => {
  it('/init/getUser of oneself: room, rooms and visitedRooms as string ids', async () => {
    const r = await rest(t.url, '/init/getUser', { session_key: x.token, user_id: String(x.id) })
    expect(r.status).toBe(200)
    expect(r.body.data.user).toMatchObject({
      _id: oid(x.id),
      room: oid(rooms.closed),
      rooms: [oid(rooms.open), oid(rooms.hidden)],
      visitedRooms: [oid(rooms.closed), oid(rooms.elsewhere)],
    })
  })

  it('/init/getUser of someone else: no trail of their visits, no closed room they are in', async () => {
    const r = await rest(t.url, '/init/getUser', { session_key: stranger.token, user_id: String(x.id) })
    expect(r.status).toBe(200)
    expect(r.body.data.user).toMatchObject({
      _id: oid(x.id),
      room: null,
      rooms: [oid(rooms.open)],
      visitedRooms: [],
    })
  })

  it('/init/edit answers the same object', async () => {
    const r = await rest(t.url, '/init/edit', { session_key: x.token, user: { location: 'Perm' } })
    expect(r.status).toBe(200)
    expect(r.body.data.user).toMatchObject({ location: 'Perm', room: oid(rooms.closed) })
  })

  it('without the rooms plugin the object has none of these fields', async () => {
    const bare = await startTestApp({ PLUGINS: 'chat' }, { available: ALL_PLUGINS })
    try {
      const u = await registerUser(bare)
      const r = await rest(bare.url, '/init/getUser', { session_key: u.token, user_id: String(u.id) })
      expect(r.status).toBe(200)
      expect(Object.keys(r.body.data.user).sort()).toEqual(
        ['_id', '__v', 'create_at', 'dob', 'gender', 'location', 'nickname', 'phone', 'photo'].sort(),
      )
    } finally {
      await bare.close()
    }
  })
})
