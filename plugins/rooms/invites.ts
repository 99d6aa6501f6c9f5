import type { Context } from '../../src/context.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { isUniqueViolation } from '../../src/db/errors.js'
import { AppError } from '../../src/errors.js'
import { requireRoomAdmin, roleIn, roomOrThrow, signedIn } from './access.js'
import { announce } from './events.js'
import { announceSet } from './members.js'

/**
 * Access requests (peka2 /api/room/invite/*): a user asks for access to a room; its admins accept (→ a member, the
 * request deleted), reject (deleted: the user may ask again) or blacklist it (kept, so asking again is refused).
 */

/** The most requests one list answers. */
const LIST_MAX = 1000

const exists = () => new AppError('ROOM_INVITE_EXISTS', undefined, { field: 'roomId' })

export async function requestRoomAccess(ctx: Context, roomId: number) {
  const v = signedIn(ctx)
  const room = await roomOrThrow(ctx.prisma, roomId)
  if ((await roleIn(ctx.prisma, room, v.id)) !== null)
    throw new AppError('ROOM_ALREADY_MEMBER', undefined, { field: 'roomId' })
  let invite
  try {
    // the unique (room, user) key refuses a second request, pending or blacklisted, whoever wins a race
    invite = await ctx.prisma.roomInvite.create({ data: { roomId: room.id, userId: v.id } })
  } catch (e) {
    if (isUniqueViolation(e)) throw exists()
    throw e
  }
  announce(ctx, 'INVITE_REQUESTED', room.id, { userId: v.id, inviteId: invite.id })
  return invite
}

/** A request and its room, for that room's admins; anyone else learns nothing more than that they are no admin. */
async function adminsInvite(ctx: Context, inviteId: number) {
  signedIn(ctx)
  const invite = await ctx.prisma.roomInvite.findUnique({ where: { id: inviteId } })
  if (!invite) throw new AppError('ROOM_INVITE_NOT_FOUND', 'inviteId: no such request', { field: 'inviteId' })
  const room = await roomOrThrow(ctx.prisma, invite.roomId)
  await requireRoomAdmin(ctx, room)
  return invite
}

const gone = () => new AppError('ROOM_INVITE_NOT_FOUND', 'inviteId: no such request', { field: 'inviteId' })

/** Accepts a request: its user becomes a member (an admin stays one) and the request is gone. */
export async function acceptRoomInvite(ctx: Context, inviteId: number) {
  const invite = await adminsInvite(ctx, inviteId)
  const { roomId, userId } = invite
  const { member, added } = await ctx.prisma.$transaction(async (tx) => {
    // deleted by id: of two admins accepting at once, one wins and the other is told it is gone
    const { count } = await tx.roomInvite.deleteMany({ where: { id: invite.id } })
    if (!count) throw gone()
    const before = await tx.roomMember.findUnique({ where: { roomId_userId: { roomId, userId } } })
    const member = before ?? (await tx.roomMember.create({ data: { roomId, userId, role: 'MEMBER' } }))
    return { member, added: !before }
  }, TX_OPTIONS)
  announce(ctx, 'INVITE_ACCEPTED', roomId, { userId, inviteId: invite.id })
  if (added) announceSet(ctx, roomId, userId, 'MEMBER')
  return member
}

export async function rejectRoomInvite(ctx: Context, inviteId: number) {
  const invite = await adminsInvite(ctx, inviteId)
  const { count } = await ctx.prisma.roomInvite.deleteMany({ where: { id: invite.id } })
  if (!count) throw gone()
  announce(ctx, 'INVITE_REJECTED', invite.roomId, { userId: invite.userId, inviteId: invite.id })
  return true
}

export async function blacklistRoomInvite(ctx: Context, inviteId: number) {
  const invite = await adminsInvite(ctx, inviteId)
  const { count } = await ctx.prisma.roomInvite.updateMany({
    where: { id: invite.id },
    data: { status: 'BLACKLISTED' },
  })
  if (!count) throw gone()
  announce(ctx, 'INVITE_BLACKLISTED', invite.roomId, { userId: invite.userId, inviteId: invite.id })
  return { ...invite, status: 'BLACKLISTED' as const }
}

/** A room's requests, oldest first, for its admins: pending and blacklisted. */
export async function roomInvites(ctx: Context, roomId: number) {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireRoomAdmin(ctx, room)
  return ctx.prisma.roomInvite.findMany({ where: { roomId: room.id }, orderBy: { id: 'asc' }, take: LIST_MAX })
}

/** The viewer's own request for a room, or null. */
export async function myRoomInvite(ctx: Context, roomId: number) {
  const v = signedIn(ctx)
  const room = await roomOrThrow(ctx.prisma, roomId)
  return ctx.prisma.roomInvite.findUnique({ where: { roomId_userId: { roomId: room.id, userId: v.id } } })
}
