import type { Builder } from '../../../src/schema/builder.js'
import type { PlayerCode } from '../player.js'
import { readPlaylist, setRoomPlaylist, type PlaylistItem } from '../playlist.js'
import { currentVideo, playbackHistory, randomStream, setRoomCurrentVideo, type RoomVideo } from '../video.js'
import type { RoomTypes } from './room-type.js'

interface Playback {
  url: string
  start: Date
  end: Date
}

const CLOSED = "a closed room's only for those with access (ROOM_NO_ACCESS otherwise)"

/** Video: what a room plays, its playlist and playback history, a random live stream. */
export function addVideoFields(builder: Builder, T: RoomTypes) {
  const Code = builder.objectRef<PlayerCode>('RoomPlayerCode').implement({
    description: "The video's HTML player (an iframe made from its URL; never HTML a user wrote)",
    fields: (t) => ({
      started: t.exposeString('started', { description: 'plays at once' }),
      paused: t.exposeString('paused', { description: 'waits for a click' }),
    }),
  })
  const Video = builder.objectRef<RoomVideo>('RoomVideo').implement({
    description: 'What a room plays now (peka2 getCurrentVideo)',
    fields: (t) => ({
      roomId: t.exposeInt('roomId', { description: "the room's databaseId" }),
      url: t.exposeString('url', { description: "the video's http(s) URL" }),
      playlistPosition: t.exposeInt('playlistPosition', {
        description: 'its index in the playlist (from 0) when it was started',
      }),
      startedAt: t.expose('startedAt', { type: 'DateTime', description: 'when it was started' }),
      code: t.field({ type: Code, description: 'HTML to embed it', resolve: (v) => v.code }),
    }),
  })
  const Item = builder.objectRef<PlaylistItem>('RoomPlaylistItem').implement({
    description: 'An entry of a room playlist (peka2 playlist)',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "the entry's number (new with every setRoomPlaylist)" }),
      position: t.exposeInt('position', { description: 'the sort key: the list is in this order, gaps allowed' }),
      url: t.exposeString('url', { description: "the video's http(s) URL" }),
      start: t.expose('start', { type: 'DateTime', description: 'when it is to start playing' }),
      main: t.exposeBoolean('main', { description: "the room's main video (at most one)" }),
      persistent: t.exposeBoolean('persistent', { description: 'a permanent broadcast (peka2 persistent), as set' }),
    }),
  })
  const PlaybackRef = builder.objectRef<Playback>('RoomPlayback').implement({
    description: 'A video a room played (peka2 playlist/history)',
    fields: (t) => ({
      url: t.exposeString('url', { description: "the video's URL" }),
      start: t.expose('start', { type: 'DateTime', description: 'when it started playing' }),
      end: t.expose('end', { type: 'DateTime', description: 'when another video replaced it' }),
    }),
  })
  const ItemInput = builder.inputType('RoomPlaylistItemInput', {
    description: 'An entry of a new playlist: every field is required',
    fields: (f) => ({
      position: f.int({ required: true, description: 'sort key, 0 or more; gaps allowed' }),
      url: f.string({ required: true, description: 'http(s), at most 2,000 characters' }),
      start: f.field({ type: 'DateTime', required: true, description: 'when it is to start playing' }),
      main: f.boolean({ required: true, description: 'at most one item of a list' }),
      persistent: f.boolean({
        required: true,
        description: 'a permanent broadcast (peka2 persistent), stored as given',
      }),
    }),
  })

  builder.objectFields(T.Room, (t) => ({
    currentVideo: t.field({
      type: Video,
      nullable: true,
      description: `What the room plays; null: nothing started yet. ${CLOSED}`,
      resolve: (r, _a, ctx) => currentVideo(ctx, r),
    }),
    playlist: t.field({
      type: [Item],
      nullable: true,
      description: `The playlist in play order. ${CLOSED}`,
      resolve: (r, _a, ctx) => readPlaylist(ctx, r),
    }),
    playbackHistory: t.field({
      type: [PlaybackRef],
      nullable: true,
      description: `The videos it played, newest first (at most 100). ${CLOSED}`,
      resolve: (r, _a, ctx) => playbackHistory(ctx, r),
    }),
  }))

  builder.queryField('randomStream', (t) =>
    t.string({
      description: 'A live stream URL to put on (peka2 periscopeRandom), from the configured list; signed-in users',
      authScopes: { authenticated: true },
      resolve: (_p, _a, ctx) => randomStream(ctx),
    }),
  )

  builder.mutationFields((t) => ({
    setRoomPlaylist: t.field({
      type: [Item],
      description:
        "Replaces a room's playlist (room admins and site staff): at most ROOMS_PLAYLIST_MAX items, at most one main; " +
        'the room hears PLAYLIST. Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN, INVALID_INPUT (naming the item)',
      authScopes: { authenticated: true },
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        items: t.arg({
          type: [ItemInput],
          required: true,
          extensions: { maxItems: 1000 },
          description: 'the whole new list (empty: no playlist), at most ROOMS_PLAYLIST_MAX (default 100) items',
        }),
      },
      resolve: (_p, a, ctx) => setRoomPlaylist(ctx, a.roomId, a.items),
    }),
    setRoomCurrentVideo: t.field({
      type: Video,
      description:
        'Starts the playlist item at `position` (an index from 0; past the end: the first) (room admins); what ' +
        'played before goes to the history; the room hears VIDEO, the people in it a roomVideo notification. ' +
        'Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN, INVALID_INPUT, ROOM_PLAYLIST_EMPTY',
      authScopes: { authenticated: true },
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        position: t.arg.int({
          required: true,
          description:
            "index in the playlist, from 0 (its order, not the items' position keys); past the end: the first item",
        }),
      },
      resolve: (_p, a, ctx) => setRoomCurrentVideo(ctx, a.roomId, a.position),
    }),
  }))
}
