import type { Context } from '../../src/context.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { AppError } from '../../src/errors.js'
import { verifyPassword } from '../../src/auth/passwords.js'
import { isBanned, isSiteStaff, roleIn, roomOrThrow, signedIn } from './access.js'
import { announce } from './events.js'
import { roomChannel } from './kind.js'
import { announceSet } from './members.js'
import { roomsOf } from './state.js'

/**
 * Entering and leaving rooms (JustChat /room/enter): a user is inside one room at a time, a room holds at most
 * maxUsers. A room with a password lets in whoever knows it (they become members); a PRIVATE one without a password
 * lets in its members; a ban keeps everyone out.
 */

/** Enters a room (leaving the one the user was in); returns the room. */
export async function enterRoom(ctx: Context, roomId: number, password: string | null | undefined) {
  const v = signedIn(ctx)
  const room = await roomOrThrow(ctx.prisma, roomId)
  if (await isBanned(ctx, room.id, v.id)) throw new AppError('ROOM_BANNED', undefined, { field: 'roomId' })
  const trusted = (await roleIn(ctx.prisma, room, v.id)) !== null || isSiteStaff(v)
  let becomesMember = false
  if (!trusted && room.passwordHash !== null) {
    // the hash costs the same whether or not a password came: no answer tells the two apart sooner
    const { ok } = await verifyPassword(room.passwordHash, password ?? '')
    if (!ok) throw new AppError('ROOM_WRONG_PASSWORD', undefined, { field: 'password' })
    becomesMember = true
  } else if (!trusted && room.mode === 'PRIVATE') {
    throw new AppError('ROOM_NO_ACCESS', undefined, { field: 'roomId' })
  }
  const was = await ctx.prisma.roomOccupant.findUnique({ where: { userId: v.id }, select: { roomId: true } })
  const moved = was?.roomId !== room.id
  const member = await ctx.prisma.$transaction(async (tx) => {
    await tx.roomVisit.upsert({
      where: { roomId_userId: { roomId: room.id, userId: v.id } },
      create: { roomId: room.id, userId: v.id },
      update: { lastVisitedAt: new Date() },
    })
    const added = becomesMember
      ? (await tx.roomMember.createMany({ data: [{ roomId: room.id, userId: v.id }], skipDuplicates: true })).count > 0
      : false
    if (moved) {
      // One enterer at a time per room, for as short as can be: the count cannot be passed by another transaction
      // meanwhile. NO KEY UPDATE: rows that merely reference the room (the visit above) do not wait for it.
      await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${room.id} FOR NO KEY UPDATE`
      const inside = await tx.roomOccupant.count({ where: { roomId: room.id } })
      if (inside >= room.maxUsers) throw new AppError('ROOM_FULL', undefined, { field: 'roomId' })
      await tx.roomOccupant.upsert({
        where: { userId: v.id },
        create: { userId: v.id, roomId: room.id },
        update: { roomId: room.id, enteredAt: new Date() },
      })
    }
    return added
  }, TX_OPTIONS)
  const previous = moved ? (was?.roomId ?? null) : null
  if (previous !== null) announce(ctx, 'LEFT', previous, { userId: v.id })
  if (moved) announce(ctx, 'ENTERED', room.id, { userId: v.id })
  if (member) announceSet(ctx, room.id, v.id, 'MEMBER')
  // entering again ends a kick (justchat-api.md, Kick)
  await roomsOf(ctx).moderation?.rejoin(ctx, roomChannel(room.id))
  return room
}

/** Leaves the room the viewer is in; false when they were in none. */
export async function leaveRoom(ctx: Context) {
  const v = signedIn(ctx)
  const was = await ctx.prisma.roomOccupant.findUnique({ where: { userId: v.id }, select: { roomId: true } })
  if (!was) return false
  const { count } = await ctx.prisma.roomOccupant.deleteMany({ where: { userId: v.id, roomId: was.roomId } })
  if (count) announce(ctx, 'LEFT', was.roomId, { userId: v.id })
  return count > 0
}

/** The room the user is inside, or null. */
export async function currentRoomId(ctx: Context, userId: number) {
  const o = await ctx.prisma.roomOccupant.findUnique({ where: { userId }, select: { roomId: true } })
  return o?.roomId ?? null
}
