// roomChanged: each change made through the API, the whole event a room admin following the room receives. Rooms are
// referenced by identity in payloads (schema.ts REFERENCES). Each part of the rooms plugin adds the recipes of the
// changes it makes, in its own block.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, type TestUser } from '../../helpers/users.js'
import { globalId, isoSince, ok, open, type Received, type Stream } from '../support.js'
import { ROOM_CHANGED_MEMBER_RECIPES } from './rooms-members.js'
// rooms: emojis
import { parse } from 'graphql'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { gqlUpload } from '../../rooms/rooms-support.js'
import { png } from '../../smiles/support.js'

type Recipe = (t: TestApp) => Promise<Received>

export interface RoomStream {
  owner: TestUser
  roomId: number
  stream: Stream
}

/** A new room and its owner following it. */
export async function roomStream(t: TestApp, input: Record<string, unknown> = {}): Promise<RoomStream> {
  const owner = await registerUser(t)
  const d = await ok(t, owner, 'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }', {
    i: { name: `events ${owner.id}`, ...input },
  })
  const roomId: number = d.createRoom.databaseId
  return { owner, roomId, stream: await open(t, owner, 'roomChanged', { roomId }) }
}

/** A roomChanged payload: the fields a change does not use are null. */
export const roomChange = (
  change: string,
  roomId: number,
  name: string | null,
  since: number,
  more: { user?: unknown; role?: string; inviteId?: number; channelId?: number } = {},
) => ({
  change,
  roomId,
  room: name === null ? null : { id: globalId('Room', roomId), databaseId: roomId, name },
  user: more.user ?? null,
  role: more.role ?? null,
  inviteId: more.inviteId ?? null,
  channelId: more.channelId ?? null,
  time: isoSince(since),
})

async function expectOnly(s: Stream, ...expected: unknown[]) {
  const got = await s.expectNext(...expected)
  await s.expectQuiet(100)
  await s.close()
  return got
}

const NEW_CHANNEL = 'mutation($r: Int!, $n: String!) { createRoomChannel(roomId: $r, name: $n) { databaseId } }'

// rooms: video
const SET_PLAYLIST =
  'mutation($r: Int!, $i: [RoomPlaylistItemInput!]!) { setRoomPlaylist(roomId: $r, items: $i) { databaseId } }'
const PLAYLIST = [
  {
    position: 0,
    url: 'https://video.example.test/1',
    start: '2030-01-01T00:00:00.000Z',
    main: true,
    persistent: false,
  },
]

export const ROOM_CHANGED_RECIPES: Partial<Record<string, Recipe>> = {
  // rooms: members (the access list, entering, access requests)
  ...ROOM_CHANGED_MEMBER_RECIPES,
  // rooms: rooms
  async MODIFIED(t) {
    const r = await roomStream(t)
    const since = Date.now()
    await ok(t, r.owner, 'mutation($r: Int!) { updateRoom(roomId: $r, input: { name: "renamed" }) { databaseId } }', {
      r: r.roomId,
    })
    return expectOnly(r.stream, roomChange('MODIFIED', r.roomId, 'renamed', since))
  },
  async DELETED(t) {
    const r = await roomStream(t)
    const since = Date.now()
    await ok(t, r.owner, 'mutation($r: Int!) { deleteRoom(roomId: $r) }', { r: r.roomId })
    const got = await r.stream.expectNext(roomChange('DELETED', r.roomId, null, since))
    // the subscription ends with the room, its listener gone (the lazy client then closes its socket)
    const end = await r.stream.sub.next()
    if (!end.complete) throw new Error(`roomChanged after DELETED: ${JSON.stringify(end)}`)
    r.stream.sub.unsubscribe()
    return got
  },
  async CHANNEL_CREATED(t) {
    const r = await roomStream(t)
    const since = Date.now()
    const d = await ok(t, r.owner, NEW_CHANNEL, { r: r.roomId, n: 'general' })
    const channelId: number = d.createRoomChannel.databaseId
    return expectOnly(r.stream, roomChange('CHANNEL_CREATED', r.roomId, `events ${r.owner.id}`, since, { channelId }))
  },
  async CHANNEL_UPDATED(t) {
    const r = await roomStream(t)
    const d = await ok(t, r.owner, NEW_CHANNEL, { r: r.roomId, n: 'general' })
    const channelId: number = d.createRoomChannel.databaseId
    await r.stream.next()
    const since = Date.now()
    await ok(t, r.owner, 'mutation($c: Int!) { updateRoomChannel(channelId: $c, readOnly: true) { databaseId } }', {
      c: channelId,
    })
    return expectOnly(r.stream, roomChange('CHANNEL_UPDATED', r.roomId, `events ${r.owner.id}`, since, { channelId }))
  },
  // rooms: video — a playlist set, then a video started, by the owner
  async PLAYLIST(t) {
    const r = await roomStream(t)
    const since = Date.now()
    await ok(t, r.owner, SET_PLAYLIST, { r: r.roomId, i: PLAYLIST })
    return expectOnly(r.stream, roomChange('PLAYLIST', r.roomId, `events ${r.owner.id}`, since))
  },
  async VIDEO(t) {
    const r = await roomStream(t)
    await ok(t, r.owner, SET_PLAYLIST, { r: r.roomId, i: PLAYLIST })
    await r.stream.next()
    const since = Date.now()
    await ok(t, r.owner, 'mutation($r: Int!) { setRoomCurrentVideo(roomId: $r, position: 0) { url } }', {
      r: r.roomId,
    })
    return expectOnly(r.stream, roomChange('VIDEO', r.roomId, `events ${r.owner.id}`, since))
  },
  // rooms: emojis — the owner adds an emoji (multipart), then removes it
  async EMOJIS(t) {
    const r = await roomStream(t)
    const add = parse(
      'mutation($r: Int!, $file: File!) { addRoomEmoji(roomId: $r, name: "wave", file: $file) { databaseId } }',
    ) as TypedDocumentNode<{ addRoomEmoji: { databaseId: number } }, { r: number; file: File }>
    const since = Date.now()
    const added = await gqlUpload(t.url, add, { r: r.roomId }, { name: 'w.png', bytes: png(16, 16) }, r.owner.token)
    if (!added.data) throw new Error(JSON.stringify(added.errors))
    const got = await r.stream.expectNext(roomChange('EMOJIS', r.roomId, `events ${r.owner.id}`, since))
    await ok(t, r.owner, 'mutation($e: Int!) { removeRoomEmoji(emojiId: $e) }', {
      e: added.data.addRoomEmoji.databaseId,
    })
    await r.stream.expectNext(roomChange('EMOJIS', r.roomId, `events ${r.owner.id}`, since))
    await r.stream.expectQuiet(100)
    await r.stream.close()
    return got
  },
}
