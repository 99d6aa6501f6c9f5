// Setup for the video, playlist and user-field tests: an app with random streams and a short playlist limit, rooms and
// the people around one (made in the database: membership and entering are other tests' subject), and the typed
// operations the tests send.
import { randomBytes } from 'node:crypto'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gql } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

export const RANDOM_STREAMS = ['https://live.example.test/a', 'https://live.example.test/b']
export const PLAYLIST_MAX = 5

export const startVideoApp = (env: Record<string, string> = {}) =>
  startTestApp({ ROOMS_RANDOM_STREAMS: RANDOM_STREAMS.join(','), ROOMS_PLAYLIST_MAX: String(PLAYLIST_MAX), ...env })

export type Who = 'guest' | 'user' | 'member' | 'admin' | 'owner' | 'staff'
export const EVERYONE: Who[] = ['guest', 'user', 'member', 'admin', 'owner', 'staff']

export interface Room {
  id: number
  people: Record<Exclude<Who, 'guest'>, TestUser>
  token(who: Who): string | undefined
}

/** A room (closed: PRIVATE) with an owner, an ADMIN and a MEMBER of its access list, a stranger and a site moderator. */
export async function makeRoom(t: TestApp, opts: { closed?: boolean; staff?: TestUser } = {}): Promise<Room> {
  const [owner, admin, member, user] = await Promise.all([
    registerUser(t),
    registerUser(t),
    registerUser(t),
    registerUser(t),
  ])
  const staff = opts.staff ?? (await userWithRoles(t, { moderator: 1 }))
  const db = t.app.services.prisma
  const slug = `video-${randomBytes(4).toString('hex')}`
  const room = await db.room.create({
    data: { name: slug, slug, ownerId: owner.id, mode: opts.closed ? 'PRIVATE' : 'PUBLIC' },
  })
  await db.roomMember.createMany({
    data: [
      { roomId: room.id, userId: admin.id, role: 'ADMIN' },
      { roomId: room.id, userId: member.id, role: 'MEMBER' },
    ],
  })
  const people = { owner, admin, member, user, staff }
  return { id: room.id, people, token: (who) => (who === 'guest' ? undefined : people[who].token) }
}

export const item = (position: number, url: string, more: { main?: boolean; start?: string } = {}) => ({
  position,
  url,
  start: more.start ?? '2030-01-01T10:00:00.000Z',
  main: more.main ?? false,
  persistent: false,
})

export const SET_PLAYLIST = graphql(`
  mutation VideoSetPlaylist($roomId: Int!, $items: [RoomPlaylistItemInput!]!) {
    setRoomPlaylist(roomId: $roomId, items: $items) { databaseId position url start main persistent }
  }
`)
export const SET_VIDEO = graphql(`
  mutation VideoSetCurrent($roomId: Int!, $position: Int!) {
    setRoomCurrentVideo(roomId: $roomId, position: $position) {
      roomId url playlistPosition startedAt code { started paused }
    }
  }
`)
export const ROOM_VIDEO = graphql(`
  query VideoOfRoom($id: Int!) {
    room(databaseId: $id) {
      currentVideo { roomId url playlistPosition startedAt code { started paused } }
      playlist { databaseId position url start main persistent }
      playbackHistory { url start end }
    }
  }
`)
export const RANDOM_STREAM = graphql(`query VideoRandomStream { randomStream }`)

/** Sets a playlist as the owner; fails the test on an error. */
export async function givePlaylist(t: TestApp, room: Room, urls: string[]) {
  const r = await gql(
    t.url,
    SET_PLAYLIST,
    { roomId: room.id, items: urls.map((u, i) => item(i * 10, u)) },
    room.token('owner'),
  )
  if (r.errors) throw new Error(JSON.stringify(r.errors))
  return r.data!.setRoomPlaylist
}
