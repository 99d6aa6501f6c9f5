import { notice, png, post, upload, type Entry, type World } from '../harness.js'
import { nonEmpty, oneOf } from '../shape.js'
import { INVITE, ROOM, USER, VIDEO } from './peka2-objects.js'
import type { ActorName } from '../harness.js'

/**
 * peka2-full/room.md: bob's private room — settings, preview, playlist and video, who may enter, access requests —
 * and the room notifications (to those joined to the room's chat channel, or to the user concerned).
 */

const roomId = (w: World): number => w.vars.roomId
const now = () => Math.floor(Date.now() / 1000)

/** bob (the owner) listens in the room's chat channel */
const ownerInRoom = async (w: World) => {
  await (await w.peka2Socket('bob')).ask('/chat/join', { channel: `room/${roomId(w)}` }, 3_000)
}

const request = (w: World, who: ActorName) =>
  w.gql('mutation($r: Int!) { requestRoomAccess(roomId: $r) { databaseId } }', { r: roomId(w) }, who)

const inviteOf = async (w: World, who: ActorName): Promise<number> => {
  const d = await w.gql('query($r: Int!) { myRoomInvite(roomId: $r) { databaseId } }', { r: roomId(w) }, who)
  return d.myRoomInvite.databaseId
}

const settings = (w: World, name: string) => ({
  roomId: roomId(w),
  name,
  categoryId: w.vars.roomCategoryId,
  mode: 'private',
  hidden: false,
  slug: w.vars.roomSlug,
})

const PLAYLIST_ITEM = {
  id: 'number',
  position: 'number',
  url: 'string',
  start: 'unixtime',
  main: 'boolean',
  persistent: 'boolean',
} as const

export const room: Entry[] = [
  {
    key: 'POST /api/room/create',
    run: post('/api/room/create', 'bob', (w) => {
      w.vars.roomSlug = `conformance-${w.users.bob.id}`
      return {
        name: 'Conformance room',
        categoryId: w.vars.roomCategoryId,
        mode: 'private',
        hidden: false,
        slug: w.vars.roomSlug,
      }
    }),
    response: ROOM,
    keep: (b, w) => {
      w.vars.roomId = b.id
    },
  },
  {
    key: 'POST /api/room/preview',
    run: upload('/api/room/preview', 'bob', (w) => ({ roomId: String(roomId(w)) }), {
      field: 'file',
      name: 'preview.png',
      bytes: png(534, 300),
    }),
    response: {},
  },
  {
    key: 'POST /api/room',
    run: post('/api/room', null, (w) => ({ roomId: roomId(w) })),
    response: ROOM,
  },
  {
    key: 'POST /api/room/my',
    run: post('/api/room/my', 'bob', {}),
    response: nonEmpty({ room: ROOM, type: 'string' }),
  },
  {
    key: 'POST /api/room/settings',
    run: post('/api/room/settings', 'bob', (w) => settings(w, 'Conformance room, renamed')),
    response: ROOM,
  },
  {
    key: 'notification roomModify',
    run: notice('roomModify', 'bob', async (w) => {
      await ownerInRoom(w)
      await w.gql(
        'mutation($r: Int!, $i: UpdateRoomInput!) { updateRoom(roomId: $r, input: $i) { databaseId } }',
        { r: roomId(w), i: { name: 'Conformance room, renamed again' } },
        'bob',
      )
    }),
    response: { roomId: 'number', data: ROOM },
  },
  {
    key: 'POST /api/room/playlist/set',
    run: post('/api/room/playlist/set', 'bob', (w) => ({
      roomId: roomId(w),
      playlist: [
        {
          position: 0,
          url: 'https://www.youtube.com/watch?v=conformance1',
          start: now(),
          main: true,
          persistent: false,
        },
        {
          position: 1,
          url: 'https://www.youtube.com/watch?v=conformance2',
          start: now(),
          main: false,
          persistent: true,
        },
      ],
    })),
    response: {},
  },
  {
    key: 'POST /api/room/playlist',
    run: post('/api/room/playlist', 'bob', (w) => ({ roomId: roomId(w) })),
    response: nonEmpty(PLAYLIST_ITEM),
  },
  {
    key: 'POST /api/room/setCurrentVideo',
    run: post('/api/room/setCurrentVideo', 'bob', (w) => ({ roomId: roomId(w), position: 1 })),
    response: {},
  },
  {
    key: 'notification roomVideo',
    run: notice('roomVideo', 'bob', async (w) => {
      await ownerInRoom(w)
      await w.gql(
        'mutation($r: Int!) { setRoomCurrentVideo(roomId: $r, position: 0) { url } }',
        { r: roomId(w) },
        'bob',
      )
    }),
    response: VIDEO,
  },
  {
    key: 'POST /api/room/getCurrentVideo',
    run: post('/api/room/getCurrentVideo', 'bob', (w) => ({ roomId: roomId(w) })),
    response: VIDEO,
  },
  {
    key: 'POST /api/room/playlist/history',
    run: post('/api/room/playlist/history', 'bob', (w) => ({ roomId: roomId(w) })),
    response: nonEmpty({ url: 'string', start: 'unixtime', end: 'unixtime' }),
  },
  {
    key: 'POST /api/room/periscopeRandom',
    run: post('/api/room/periscopeRandom', 'bob', {}),
    response: { url: 'string' },
  },
  {
    key: 'POST /api/room/user/admin',
    run: post('/api/room/user/admin', 'bob', (w) => ({ roomId: roomId(w) })),
    response: { admin: 'boolean' },
  },
  {
    key: 'POST /api/room/user/set',
    run: post('/api/room/user/set', 'bob', (w) => ({ roomId: roomId(w), userId: w.users.carol.id, type: 'user' })),
    response: {},
  },
  {
    // room.md types `type` as a number but points at /api/room/user/set's `type`, a string (user | admin): either
    key: 'notification roomUserSet',
    run: notice('roomUserSet', 'erin', (w) =>
      w.gql(
        'mutation($r: Int!, $u: Int!) { setRoomMember(roomId: $r, userId: $u, role: ADMIN) { role } }',
        { r: roomId(w), u: w.users.erin.id },
        'bob',
      ),
    ),
    response: { roomId: 'number', userId: 'number', type: oneOf('number', 'string') },
  },
  {
    key: 'POST /api/room/user/list',
    run: post('/api/room/user/list', 'bob', (w) => ({ roomId: roomId(w) })),
    response: nonEmpty({ type: 'string', user: USER }),
  },
  {
    key: 'POST /api/room/user/remove',
    run: post('/api/room/user/remove', 'bob', (w) => ({ roomId: roomId(w), userId: w.users.carol.id })),
    response: {},
  },
  {
    key: 'notification roomUserRemoved',
    run: notice('roomUserRemoved', 'erin', (w) =>
      w.gql(
        'mutation($r: Int!, $u: Int!) { removeRoomMember(roomId: $r, userId: $u) }',
        { r: roomId(w), u: w.users.erin.id },
        'bob',
      ),
    ),
    response: { roomId: 'number', userId: 'number' },
  },
  {
    key: 'POST /api/room/invite',
    run: post('/api/room/invite', 'alice', (w) => ({ roomId: roomId(w) })),
    response: {},
  },
  {
    key: 'POST /api/room/invite/status',
    run: post('/api/room/invite/status', 'alice', (w) => ({ roomId: roomId(w) })),
    response: INVITE,
  },
  {
    key: 'POST /api/room/invite/list',
    run: post('/api/room/invite/list', 'bob', (w) => ({ roomId: roomId(w) })),
    response: nonEmpty(INVITE),
  },
  {
    key: 'POST /api/room/invite/accept',
    run: post('/api/room/invite/accept', 'bob', async (w) => ({ inviteId: await inviteOf(w, 'alice') })),
    response: {},
  },
  {
    key: 'POST /api/room/invite/reject',
    run: post('/api/room/invite/reject', 'bob', async (w) => {
      await request(w, 'frank')
      return { inviteId: await inviteOf(w, 'frank') }
    }),
    response: {},
  },
  {
    key: 'POST /api/room/invite/blacklist',
    run: post('/api/room/invite/blacklist', 'bob', async (w) => {
      await request(w, 'mike')
      return { inviteId: await inviteOf(w, 'mike') }
    }),
    response: {},
  },
]
