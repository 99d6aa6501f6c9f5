import { AppError } from '../../../src/errors.js'
import { defineRoutes, type JsonBody } from '../../../src/rest/route.js'

/** peka2's video and playlist routes (room.md, Видео and Плейлист): times are unixtime seconds. */

interface VideoOut {
  roomId: number
  url: string
  playlistPosition: number
  code: { started: string; paused: string }
}
interface ItemOut {
  databaseId: number
  position: number
  url: string
  start: string
  main: boolean
  persistent: boolean
}
interface PlaybackOut {
  url: string
  start: string
  end: string
}
interface InRoom<K extends string, T> {
  room: Record<K, T> | null
}

const VIDEO = 'roomId url playlistPosition code { started paused }'
const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000)
const empty = () => ({})

/** `room(databaseId:)` answers null for a room that does not exist; peka2 says so as an error. */
function inRoom<K extends string, T>(d: InRoom<K, T>, key: K): T {
  if (!d.room) throw new AppError('ROOM_NOT_FOUND', 'roomId: no such room', { field: 'roomId' })
  return d.room[key]
}

const video = (v: VideoOut) => ({
  roomId: v.roomId,
  url: v.url,
  playlistPosition: v.playlistPosition,
  code: { started: v.code.started, paused: v.code.paused },
})

/**
 * A playlist item as peka2 sends it: the documented fields only (clients post back the items playlist gave them, ids
 * included), `start` from unixtime seconds. A value of the wrong type goes on as it is, for the type check to name.
 */
function itemIn(i: unknown) {
  if (!i || typeof i !== 'object' || Array.isArray(i)) return i
  const { position, url, start, main, persistent } = i as JsonBody
  let when: unknown = start
  if (typeof start === 'number') {
    const d = new Date(start * 1000)
    // NaN is refused by the DateTime check ("must be a valid date and time"), where the milliseconds would not be
    when = Number.isNaN(d.getTime()) ? Number.NaN : d.toISOString()
  }
  return { position, url, start: when, main, persistent }
}

export const peka2VideoRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/room/getCurrentVideo',
    access: 'P',
    orAccess: ['A'],
    bulk: false,
    operation: `query($roomId: Int!) { room(databaseId: $roomId) { currentVideo { ${VIDEO} } } }`,
    variables: (b) => ({ roomId: b.roomId }),
    // nothing started yet: null (the documented object has no empty form)
    result: (d: InRoom<'currentVideo', VideoOut | null>) => {
      const v = inRoom(d, 'currentVideo')
      return v && video(v)
    },
  },
  {
    dialect: 'peka2',
    path: '/api/room/periscopeRandom',
    access: 'A',
    operation: 'query { randomStream }',
    result: (d: { randomStream: string }) => ({ url: d.randomStream }),
  },
  {
    dialect: 'peka2',
    path: '/api/room/setCurrentVideo',
    access: 'A',
    bulk: false,
    operation: `mutation($roomId: Int!, $position: Int!) { setRoomCurrentVideo(roomId: $roomId, position: $position) { roomId } }`,
    variables: (b) => ({ roomId: b.roomId, position: b.position }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/room/playlist',
    access: 'P',
    orAccess: ['A'],
    operation: `query($roomId: Int!) {
      room(databaseId: $roomId) { playlist { databaseId position url start main persistent } }
    }`,
    variables: (b) => ({ roomId: b.roomId }),
    result: (d: InRoom<'playlist', ItemOut[]>) =>
      inRoom(d, 'playlist').map((i) => ({
        id: i.databaseId,
        position: i.position,
        url: i.url,
        start: unix(i.start),
        main: i.main,
        persistent: i.persistent,
      })),
  },
  {
    dialect: 'peka2',
    path: '/api/room/playlist/history',
    access: 'P',
    orAccess: ['A'],
    operation: `query($roomId: Int!) { room(databaseId: $roomId) { playbackHistory { url start end } } }`,
    variables: (b) => ({ roomId: b.roomId }),
    result: (d: InRoom<'playbackHistory', PlaybackOut[]>) =>
      inRoom(d, 'playbackHistory').map((p) => ({ url: p.url, start: unix(p.start), end: unix(p.end) })),
  },
  {
    dialect: 'peka2',
    path: '/api/room/playlist/set',
    access: 'A',
    operation: `mutation($roomId: Int!, $items: [RoomPlaylistItemInput!]!) {
      setRoomPlaylist(roomId: $roomId, items: $items) { databaseId }
    }`,
    variables: (b) => ({ roomId: b.roomId, items: Array.isArray(b.playlist) ? b.playlist.map(itemIn) : b.playlist }),
    fields: { items: 'playlist' },
    result: empty,
  },
])
