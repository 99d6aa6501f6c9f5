import type { Context } from '../../src/context.js'
import { TX_OPTIONS, type DbLike } from '../../src/db/client.js'
import { isUniqueViolation } from '../../src/db/errors.js'
import { AppError } from '../../src/errors.js'
import { hashPassword } from '../../src/auth/passwords.js'
import type { Prisma, RoomMode } from '../../src/generated/prisma/client.js'
import {
  isClosed,
  isSiteStaff,
  requireRoomAdmin,
  requireRoomOwner,
  roomOrThrow,
  signedIn,
  type RoomRow,
} from './access.js'
import { announce, recheckReaders } from './events.js'
import { roomModified } from './notices.js'
import { dropUnused } from './preview.js'
import { dropRoomEmojis } from './emojis.js'
import { roomsOf } from './state.js'
import * as v from './validate.js'

export interface CreateRoom {
  name: string
  slug?: string | null
  categoryId?: number | null
  mode?: RoomMode | null
  hidden?: boolean | null
  password?: string | null
  maxUsers?: number | null
  settings?: unknown
}

/** Absent (undefined) or null keeps a value, except categoryId and password, which null clears. */
export type UpdateRoom = Partial<Omit<CreateRoom, 'name'>> & { name?: string | null }

/** "ROOM" + the owner: one user's room creations run one at a time, so the per-user limit holds. */
const lockOwner = (tx: Prisma.TransactionClient, userId: number) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x524f4f4d}::int4, ${userId}::int4)`

async function categoryOrThrow(ctx: Context, id: number) {
  const found = await ctx.prisma.roomCategory.findUnique({ where: { id }, select: { id: true } })
  if (!found) throw new AppError('ROOM_CATEGORY_NOT_FOUND', `categoryId: no category ${id}`, { field: 'categoryId' })
  return id
}

const slugTaken = () => new AppError('ROOM_SLUG_TAKEN', undefined, { field: 'slug' })

/** A free slug made from the name: the name's own, else with -2, -3 … (one query for the taken ones). */
async function freeSlug(db: DbLike, name: string): Promise<string> {
  const base = v.slugOfName(name)
  const taken = new Set(
    (await db.room.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug),
  )
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/** peka2 /api/room/create: the viewer owns the new room; at most ROOMS_PER_USER rooms each. */
export async function createRoom(ctx: Context, input: CreateRoom): Promise<RoomRow> {
  const viewer = signedIn(ctx)
  const name = v.roomName(input.name)
  const slug = input.slug == null ? null : v.roomSlug(input.slug)
  const categoryId = input.categoryId == null ? null : await categoryOrThrow(ctx, input.categoryId)
  const maxUsers = input.maxUsers == null ? undefined : v.maxUsers(input.maxUsers)
  const settings = input.settings == null ? undefined : v.roomSettings(input.settings)
  const passwordHash = input.password == null ? null : await hashPassword(v.roomPassword(input.password))
  if (slug !== null && (await ctx.prisma.room.findUnique({ where: { slug }, select: { id: true } }))) throw slugTaken()
  const { perUser } = roomsOf(ctx).config
  let room: RoomRow
  try {
    room = await ctx.prisma.$transaction(async (tx) => {
      await lockOwner(tx, viewer.id)
      if ((await tx.room.count({ where: { ownerId: viewer.id } })) >= perUser)
        throw new AppError('ROOM_LIMIT_REACHED', `You own ${perUser} rooms already, as many as one user may`)
      return tx.room.create({
        data: {
          name,
          slug: slug ?? (await freeSlug(tx, name)),
          ownerId: viewer.id,
          categoryId,
          mode: input.mode ?? 'PUBLIC',
          hidden: input.hidden ?? false,
          passwordHash,
          maxUsers,
          settings,
        },
      })
    }, TX_OPTIONS)
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken()
    throw e
  }
  return room
}

/**
 * peka2 /api/room/settings: room admins change name, category, mode, hidden, slug and settings; the password and
 * maxUsers are the owner's (and site staff's).
 */
export async function updateRoom(ctx: Context, roomId: number, input: UpdateRoom): Promise<RoomRow> {
  const room = await roomOrThrow(ctx.prisma, roomId)
  const viewer = await requireRoomAdmin(ctx, room)
  const data: Prisma.RoomUpdateInput = {}
  const ownerOnly = (field: 'password' | 'maxUsers') => {
    if (viewer.id !== room.ownerId && !isSiteStaff(viewer))
      throw new AppError('INSUFFICIENT_PERMISSIONS', `${field}: only the owner of the room may change it`, { field })
  }
  if (input.name != null) data.name = v.roomName(input.name)
  if (input.slug != null && input.slug !== room.slug) {
    data.slug = v.roomSlug(input.slug)
    if (await ctx.prisma.room.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw slugTaken()
  }
  if (input.categoryId !== undefined)
    data.category =
      input.categoryId === null
        ? { disconnect: true }
        : { connect: { id: await categoryOrThrow(ctx, input.categoryId) } }
  if (input.mode != null) data.mode = input.mode
  if (input.hidden != null) data.hidden = input.hidden
  if (input.settings != null) data.settings = v.roomSettings(input.settings)
  if (input.maxUsers != null) {
    ownerOnly('maxUsers')
    data.maxUsers = v.maxUsers(input.maxUsers)
  }
  if (input.password !== undefined) {
    ownerOnly('password')
    data.passwordHash = input.password === null ? null : await hashPassword(v.roomPassword(input.password))
  }
  let updated: RoomRow
  try {
    updated = await ctx.prisma.room.update({ where: { id: room.id }, data })
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken()
    throw e
  }
  await roomModified(ctx, updated)
  // closed, or given a password: who reads it now is the members only
  if (isClosed(updated) && !isClosed(room))
    await recheckReaders({ prisma: ctx.prisma, chat: roomsOf(ctx).chat }, room.id, null)
  return updated
}

/** The owner (or site staff) deletes a room: its members, invites, channels, playlist … go with it (cascade). */
export async function deleteRoom(ctx: Context, roomId: number): Promise<boolean> {
  const room = await roomOrThrow(ctx.prisma, roomId)
  requireRoomOwner(ctx, room)
  const channels = await ctx.prisma.roomChannel.findMany({ where: { roomId: room.id }, select: { id: true } })
  await ctx.prisma.$transaction(async (tx) => {
    await tx.follow.deleteMany({ where: { content: 'room', itemId: room.id } })
    await tx.room.delete({ where: { id: room.id } })
  }, TX_OPTIONS)
  announce(ctx, 'DELETED', room.id)
  const deps = { prisma: ctx.prisma, chat: roomsOf(ctx).chat }
  await recheckReaders(
    deps,
    room.id,
    null,
    channels.map((c) => c.id),
  )
  if (room.image !== null) await dropUnused(ctx, room.image)
  await dropRoomEmojis(ctx, room.id)
  return true
}
