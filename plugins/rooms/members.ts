import type { Context, Viewer } from '../../src/context.js'
import { TX_OPTIONS, type DbLike } from '../../src/db/client.js'
import { AppError } from '../../src/errors.js'
import type { RoomMemberRole } from '../../src/generated/prisma/client.js'
import { notify } from '../../src/core/notifications/notify.js'
import { isSiteStaff, requireRoomAdmin, roleIn, roomOrThrow, type RoomRow } from './access.js'
import { announce, recheckReaders } from './events.js'
import { roomsOf } from './state.js'

/**
 * The access list (peka2 /api/room/user/*): room admins add and remove members; only the owner (or site staff) makes
 * or unmakes admins, and the owner is never on the list's mercy. The user hears of it (peka2 roomUserSet /
 * roomUserRemoved), the room's subscribers too.
 */

/** peka2's access type of a role (room.md, user/set `type`). */
export const peka2Type = (role: RoomMemberRole) => (role === 'ADMIN' ? 'admin' : 'user')

async function userOrThrow(db: DbLike, userId: number) {
  const u = await db.user.findUnique({ where: { id: userId }, select: { id: true } })
  if (!u) throw new AppError('USER_NOT_FOUND', 'userId: no such user', { field: 'userId' })
}

function ownerFixed(room: RoomRow, userId: number) {
  if (userId === room.ownerId) throw new AppError('ROOM_OWNER_FIXED', undefined, { field: 'userId' })
}

/** Admins manage members; admins themselves are the owner's (or site staff's) to make and unmake. */
function mayTouchAdmins(viewer: Viewer, room: RoomRow) {
  if (viewer.id !== room.ownerId && !isSiteStaff(viewer))
    throw new AppError('INSUFFICIENT_PERMISSIONS', "role: only the room's owner grants or takes admin rights", {
      field: 'role',
    })
}

/** Tells the user and the room's subscribers that the user's access changed (after the commit). */
export function announceSet(ctx: Pick<Context, 'pubsub'>, roomId: number, userId: number, role: RoomMemberRole) {
  announce(ctx, 'USER_SET', roomId, { userId, role })
  notify(ctx.pubsub, userId, 'roomUserSet', { roomId, userId, type: peka2Type(role) })
}

export async function setRoomMember(ctx: Context, roomId: number, userId: number, role: RoomMemberRole) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  const viewer = await requireRoomAdmin(ctx, room)
  ownerFixed(room, userId)
  await userOrThrow(ctx.prisma, userId)
  const before = await roleIn(ctx.prisma, room, userId)
  const grants = role === 'ADMIN' && before !== 'ADMIN'
  // an admin may step down by themselves
  const takes = before === 'ADMIN' && role !== 'ADMIN' && viewer.id !== userId
  if (grants || takes) mayTouchAdmins(viewer, room)
  const row = await ctx.prisma.roomMember.upsert({
    where: { roomId_userId: { roomId: room.id, userId } },
    create: { roomId: room.id, userId, role },
    update: { role },
  })
  if (before !== role) announceSet(ctx, room.id, userId, role)
  return row
}

/** Takes a user off the access list and out of the room; false when they were not on it. */
export async function removeRoomMember(ctx: Context, roomId: number, userId: number) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  const viewer = await requireRoomAdmin(ctx, room)
  ownerFixed(room, userId)
  if ((await roleIn(ctx.prisma, room, userId)) === 'ADMIN' && viewer.id !== userId) mayTouchAdmins(viewer, room)
  const { removed, left } = await ctx.prisma.$transaction(async (tx) => {
    const m = await tx.roomMember.deleteMany({ where: { roomId: room.id, userId } })
    const o = await tx.roomOccupant.deleteMany({ where: { roomId: room.id, userId } })
    return { removed: m.count > 0, left: o.count > 0 }
  }, TX_OPTIONS)
  if (left) announce(ctx, 'LEFT', room.id, { userId })
  if (removed) {
    announce(ctx, 'USER_REMOVED', room.id, { userId })
    await recheckReaders({ prisma: ctx.prisma, chat: roomsOf(ctx).chat }, room.id, userId)
    notify(ctx.pubsub, userId, 'roomUserRemoved', { roomId: room.id, userId })
  }
  return removed
}

/** Members in user-id order, for room admins: a page after a user id. */
export async function membersPage(
  ctx: Context,
  room: RoomRow,
  page: { afterUserId?: number; beforeUserId?: number; take: number; descending: boolean },
) {
  await requireRoomAdmin(ctx, room)
  const userId: { gt?: number; lt?: number } = {}
  if (page.afterUserId !== undefined) userId.gt = page.afterUserId
  if (page.beforeUserId !== undefined) userId.lt = page.beforeUserId
  return ctx.prisma.roomMember.findMany({
    where: { roomId: room.id, userId },
    orderBy: { userId: page.descending ? 'desc' : 'asc' },
    take: page.take,
  })
}

/** The whole access list (peka2 lists it in one answer), for room admins. */
export async function accessList(ctx: Context, roomId: number) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  return membersPage(ctx, room, { take: 1000, descending: false })
}
