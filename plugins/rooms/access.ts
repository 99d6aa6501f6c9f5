import type { Context, Viewer } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { AppError } from '../../src/errors.js'
import { roomsOf } from './state.js'

/**
 * Who is what in a room — the one place of these rules. The owner (Room.ownerId) and ADMIN members manage it; site
 * moderators manage every room. A PRIVATE room, or one with a password, is read and written by its members only (a
 * right password makes the user a member on entering); a PUBLIC one without a password is read by everyone and
 * written by every signed-in user. A user banned in the room (moderation, when on) neither reads nor writes there.
 */

export type RoomRow = Prisma.RoomGetPayload<object>
export type RoomRole = 'OWNER' | 'ADMIN' | 'MEMBER'

const MAX_ID = 2_147_483_647

export function signedIn(ctx: Context): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  return ctx.viewer
}

/** Site staff who manage every room. */
export const isSiteStaff = (v: Viewer | null) => !!v && v.roles.moderator > 0

/** A room id as a client sent it (an Int, or a JustChat string of digits) → the room; ROOM_NOT_FOUND names `field`. */
export async function roomOrThrow(db: DbLike, id: unknown, field = 'roomId'): Promise<RoomRow> {
  const n = typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : id
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_ID)
    throw new AppError('ROOM_NOT_FOUND', `${field}: no such room`, { field })
  const room = await db.room.findUnique({ where: { id: n } })
  if (!room) throw new AppError('ROOM_NOT_FOUND', `${field}: no such room`, { field })
  return room
}

/** A user's role in a room: OWNER, ADMIN or MEMBER (the access list), or null. */
export async function roleIn(db: DbLike, room: RoomRow, userId: number | undefined): Promise<RoomRole | null> {
  if (userId === undefined) return null
  if (room.ownerId === userId) return 'OWNER'
  const m = await db.roomMember.findUnique({
    where: { roomId_userId: { roomId: room.id, userId } },
    select: { role: true },
  })
  return m?.role ?? null
}

/** A room only its members read: PRIVATE mode, or a password. */
export const isClosed = (room: RoomRow) => room.mode === 'PRIVATE' || room.passwordHash !== null

/** Is the user banned in the room's channels (moderation's channel ban on room/<id>, when moderation is on)? */
export async function isBanned(ctx: Context, roomId: number, userId: number | undefined): Promise<boolean> {
  const moderation = roomsOf(ctx).moderation
  if (!moderation || userId === undefined) return false
  const inForce = await moderation.sanctionsIn(`room/${roomId}`, ctx.prisma)
  return inForce.some((s) => s.userId === userId && s.kind === 'ban')
}

/** Does the viewer have access to the room (peka2 `available`): open, or a member, or site staff — and not banned. */
export async function hasAccess(ctx: Context, room: RoomRow): Promise<boolean> {
  const v = ctx.viewer
  if (isSiteStaff(v)) return true
  if (await isBanned(ctx, room.id, v?.id)) return false
  if (!isClosed(room)) return true
  return (await roleIn(ctx.prisma, room, v?.id)) !== null
}

/** May the viewer manage the room (settings, access list, invites, playlist, channels)? */
export async function isRoomAdmin(ctx: Context, room: RoomRow): Promise<boolean> {
  const v = ctx.viewer
  if (!v) return false
  if (isSiteStaff(v)) return true
  const role = await roleIn(ctx.prisma, room, v.id)
  return role === 'OWNER' || role === 'ADMIN'
}

export async function requireRoomAdmin(ctx: Context, room: RoomRow): Promise<Viewer> {
  const v = signedIn(ctx)
  if (!(await isRoomAdmin(ctx, room))) throw new AppError('ROOM_NOT_ADMIN', undefined, { field: 'roomId' })
  return v
}

/** Only the owner (or site staff) deletes a room or changes its owner-level settings; the refusal names `field`. */
export function requireRoomOwner(ctx: Context, room: RoomRow, field = 'roomId'): Viewer {
  const v = signedIn(ctx)
  if (v.id !== room.ownerId && !isSiteStaff(v))
    throw new AppError('INSUFFICIENT_PERMISSIONS', `${field}: only the owner of the room may do this`, { field })
  return v
}

export async function requireAccess(ctx: Context, room: RoomRow): Promise<void> {
  if (!(await hasAccess(ctx, room))) throw new AppError('ROOM_NO_ACCESS', undefined, { field: 'roomId' })
}
