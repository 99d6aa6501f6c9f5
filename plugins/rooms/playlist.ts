import type { Context } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { invalid } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { requireAccess, requireRoomAdmin, roomOrThrow, type RoomRow } from './access.js'
import { announce } from './events.js'
import { roomsOf } from './state.js'

/** An item of a playlist as a room admin sets it (peka2 playlist/set): every field is required. */
export interface PlaylistItemInput {
  position: number
  url: string
  start: Date
  main: boolean
  persistent: boolean
}

export const URL_MAX = 2000
const MAX_INT = 2_147_483_647

/** A video address a player may load: http(s), at most URL_MAX characters, no spaces or control characters. */
export function isVideoUrl(url: string): boolean {
  if (url.length > URL_MAX || !/^https?:\/\/[^\s\p{Cc}]+$/iu.test(url)) return false
  try {
    const u = new URL(url)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
  } catch {
    return false
  }
}

/** Checks a whole playlist; the error names the item and its field (`items[3].main`). */
export function checkPlaylist(items: readonly PlaylistItemInput[], max: number, field = 'items') {
  if (items.length > max) throw invalid(field, `at most ${max} items`)
  let main = -1
  for (const [i, item] of items.entries()) {
    const at = `${field}[${i}]`
    if (!Number.isInteger(item.position) || item.position < 0 || item.position > MAX_INT)
      throw invalid(`${at}.position`, 'must be an integer of 0 or more')
    if (!isVideoUrl(item.url)) throw invalid(`${at}.url`, `must be an http(s) URL of at most ${URL_MAX} characters`)
    if (item.main) {
      if (main >= 0) throw invalid(`${at}.main`, `at most one item may be main (item ${main} is)`)
      main = i
    }
  }
}

/**
 * Holds the room's row until the transaction ends, so two admins' playlist or video changes of one room run one after
 * the other (two replacements at once would otherwise each delete only the rows they saw, and keep both lists).
 */
export async function lockRoom(tx: Prisma.TransactionClient, roomId: number) {
  await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${roomId} FOR UPDATE`
}

/** A room's playlist in play order: by position (a sort key, gaps allowed), then as it was set. */
export const playlistOf = (db: DbLike, roomId: number) =>
  db.roomPlaylistItem.findMany({ where: { roomId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })

export type PlaylistItem = Awaited<ReturnType<typeof playlistOf>>[number]

/** The playlist of a room the viewer may read (a closed room's only for those with access). */
export async function readPlaylist(ctx: Context, room: RoomRow) {
  await requireAccess(ctx, room)
  return playlistOf(ctx.prisma, room.id)
}

/** Replaces a room's playlist (room admins), in one transaction; announces PLAYLIST once it committed. */
export async function setRoomPlaylist(ctx: Context, roomId: unknown, items: readonly PlaylistItemInput[]) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireRoomAdmin(ctx, room)
  checkPlaylist(items, roomsOf(ctx).config.playlistMax)
  const list = await ctx.prisma.$transaction(async (tx) => {
    await lockRoom(tx, room.id)
    await tx.roomPlaylistItem.deleteMany({ where: { roomId: room.id } })
    await tx.roomPlaylistItem.createMany({
      data: items.map((i) => ({
        roomId: room.id,
        position: i.position,
        url: i.url,
        start: i.start,
        main: i.main,
        persistent: i.persistent,
      })),
    })
    return playlistOf(tx, room.id)
  }, TX_OPTIONS)
  announce(ctx, 'PLAYLIST', room.id)
  return list
}
