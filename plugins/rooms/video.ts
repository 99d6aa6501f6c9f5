import { randomInt } from 'node:crypto'
import type { Context } from '../../src/context.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { signedIn, requireAccess, requireRoomAdmin, roomOrThrow, type RoomRow } from './access.js'
import { announce } from './events.js'
import { playerCode, type PlayerCode } from './player.js'
import { lockRoom, playlistOf } from './playlist.js'
import { roomsOf } from './state.js'
import { notifyRoomVideo } from './video-notify.js'

/** What a room plays (peka2 getCurrentVideo, and the roomVideo notification's data). */
export interface RoomVideo {
  roomId: number
  url: string
  /** its index in the playlist as it was when it started, from 0 */
  playlistPosition: number
  startedAt: Date
  code: PlayerCode
}

/** Playback history kept per room: the newest entries (peka2 playlist/history). */
export const HISTORY_MAX = 100
const MAX_INT = 2_147_483_647

const videoOf = (row: { roomId: number; url: string; playlistPosition: number; startedAt: Date }): RoomVideo => ({
  roomId: row.roomId,
  url: row.url,
  playlistPosition: row.playlistPosition,
  startedAt: row.startedAt,
  code: playerCode(row.url),
})

/** What a room the viewer may read plays now; null: nothing was started yet. */
export async function currentVideo(ctx: Context, room: RoomRow): Promise<RoomVideo | null> {
  await requireAccess(ctx, room)
  const row = await ctx.prisma.roomCurrentVideo.findUnique({ where: { roomId: room.id } })
  return row && videoOf(row)
}

/** The videos a room the viewer may read played, newest first. */
export async function playbackHistory(ctx: Context, room: RoomRow) {
  await requireAccess(ctx, room)
  return ctx.prisma.roomPlayback.findMany({
    where: { roomId: room.id },
    orderBy: [{ end: 'desc' }, { id: 'desc' }],
    take: HISTORY_MAX,
  })
}

/**
 * Starts the playlist's item at `position` (an index from 0; past the end: the first item, as peka2 does), by room
 * admins. What played before goes to the history; once committed the room hears VIDEO and the people in it get a
 * roomVideo notification.
 */
export async function setRoomCurrentVideo(ctx: Context, roomId: unknown, position: number): Promise<RoomVideo> {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireRoomAdmin(ctx, room)
  if (!Number.isInteger(position) || position < 0 || position > MAX_INT)
    throw invalid('position', 'must be an integer of 0 or more')
  const video = await ctx.prisma.$transaction(async (tx) => {
    await lockRoom(tx, room.id)
    const list = await playlistOf(tx, room.id)
    if (list.length === 0) throw new AppError('ROOM_PLAYLIST_EMPTY', undefined, { field: 'roomId' })
    const index = position < list.length ? position : 0
    const now = new Date()
    const previous = await tx.roomCurrentVideo.findUnique({ where: { roomId: room.id } })
    if (previous) {
      await tx.roomPlayback.create({
        data: { roomId: room.id, url: previous.url, start: previous.startedAt, end: now },
      })
      await trimHistory(tx, room.id)
    }
    const fields = { url: list[index].url, playlistPosition: index, startedAt: now }
    return tx.roomCurrentVideo.upsert({
      where: { roomId: room.id },
      create: { roomId: room.id, ...fields },
      update: fields,
    })
  }, TX_OPTIONS)
  const view = videoOf(video)
  announce(ctx, 'VIDEO', room.id)
  await notifyRoomVideo(ctx, room, view)
  return view
}

/** Keeps the newest HISTORY_MAX entries of a room's history. */
async function trimHistory(tx: Parameters<typeof lockRoom>[0], roomId: number) {
  const stale = await tx.roomPlayback.findMany({
    where: { roomId },
    orderBy: [{ end: 'desc' }, { id: 'desc' }],
    skip: HISTORY_MAX,
    select: { id: true },
  })
  if (stale.length) await tx.roomPlayback.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } })
}

/**
 * A live stream to put on (peka2 periscopeRandom), picked from ROOMS_RANDOM_STREAMS: the server calls no outside
 * service. Signed-in users only, as the route's letter A says.
 */
export function randomStream(ctx: Context): string {
  signedIn(ctx)
  const list = roomsOf(ctx).config.randomStreams
  if (list.length === 0) throw new AppError('ROOM_RANDOM_STREAMS_OFF')
  return list[randomInt(list.length)]
}
