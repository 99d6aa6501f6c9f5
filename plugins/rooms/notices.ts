import type { Context } from '../../src/context.js'
import { notify } from '../../src/core/notifications/notify.js'
import type { RoomRow } from './access.js'
import { announce } from './events.js'
import { previewUrl } from './preview.js'
import { peka2Room, type RoomOut } from './rest/room-object.js'
import { roomsOf } from './state.js'

/** The room as RoomOut for one reader (`available` is theirs). */
async function roomOut(ctx: Context, room: RoomRow): Promise<Omit<RoomOut, 'available'>> {
  const [owner, category] = await Promise.all([
    ctx.prisma.user.findUnique({ where: { id: room.ownerId }, select: { id: true, name: true, slug: true } }),
    room.categoryId === null ? null : ctx.prisma.roomCategory.findUnique({ where: { id: room.categoryId } }),
  ])
  return {
    databaseId: room.id,
    name: room.name,
    slug: room.slug,
    mode: room.mode,
    hidden: room.hidden,
    rating: room.rating,
    imageUrl: previewUrl(ctx, room),
    owner: owner && { databaseId: owner.id, name: owner.name, slug: owner.slug },
    category: category && { databaseId: category.id, name: category.name, slug: category.slug },
  }
}

/**
 * A room's main data changed (settings, preview): roomChanged MODIFIED for live subscribers, and peka2's roomModify
 * notification ("to everyone connected to the room's channel") to those who belong to it — its owner, its access
 * list and who is inside now. Called after the change committed.
 */
export async function roomModified(ctx: Context, room: RoomRow) {
  announce(ctx, 'MODIFIED', room.id)
  const [members, occupants] = await Promise.all([
    ctx.prisma.roomMember.findMany({ where: { roomId: room.id }, select: { userId: true } }),
    ctx.prisma.roomOccupant.findMany({ where: { roomId: room.id }, select: { userId: true } }),
  ])
  const readers = new Set([room.ownerId, ...members.map((m) => m.userId), ...occupants.map((o) => o.userId)])
  const banned = new Set(
    ((await roomsOf(ctx).moderation?.sanctionsIn(`room/${room.id}`, ctx.prisma)) ?? [])
      .filter((s) => s.kind === 'ban')
      .map((s) => s.userId),
  )
  const base = await roomOut(ctx, room)
  for (const userId of readers) {
    // they belong to the room (or are inside it), so it is available to them unless they are banned there
    const data = peka2Room({ ...base, available: !banned.has(userId) })
    notify(ctx.pubsub, userId, 'roomModify', { roomId: room.id, data })
  }
}
