import type { Context } from '../../src/context.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { isUniqueViolation } from '../../src/db/errors.js'
import { AppError, invalid } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { hasAccess, requireRoomAdmin, roomOrThrow, type RoomRow } from './access.js'
import { announce } from './events.js'
import { roomName } from './validate.js'

/** messenger-api.md: at most 500 channels in a guild; only text channels for now. */
export const MAX_CHANNELS = 500
export const CHANNEL_TYPES = ['text'] as const
const MAX_POSITION = 1_000_000

export type RoomChannelRow = Prisma.RoomChannelGetPayload<object>

export interface NewChannel {
  name: string
  type?: string | null
  categoryId?: number | null
  readOnly?: boolean | null
}

export interface ChannelChange {
  name?: string | null
  readOnly?: boolean | null
  position?: number | null
}

const nameTaken = () => new AppError('ROOM_CHANNEL_NAME_TAKEN', undefined, { field: 'name' })
/** "RCHN" + the room: creations in one room run one at a time, so the 500 limit and positions hold. */
const lockRoom = (tx: Prisma.TransactionClient, roomId: number) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x5243484e}::int4, ${roomId}::int4)`

function position(p: number) {
  if (p < 0 || p > MAX_POSITION) throw invalid('position', `must be from 0 to ${MAX_POSITION}`)
  return p
}

/** A room admin adds a named text channel (chat channel room/<roomId>/<id>), at the end of the list. */
export async function createChannel(ctx: Context, roomId: number, input: NewChannel): Promise<RoomChannelRow> {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireRoomAdmin(ctx, room)
  const name = roomName(input.name)
  const type = input.type ?? 'text'
  if (!(CHANNEL_TYPES as readonly string[]).includes(type)) throw invalid('type', 'must be "text"')
  if (input.categoryId != null && input.categoryId < 0) throw invalid('categoryId', 'must not be negative')
  let channel: RoomChannelRow
  try {
    channel = await ctx.prisma.$transaction(async (tx) => {
      await lockRoom(tx, room.id)
      const count = await tx.roomChannel.count({ where: { roomId: room.id } })
      if (count >= MAX_CHANNELS) throw new AppError('ROOM_CHANNEL_LIMIT', undefined, { field: 'roomId' })
      if (await tx.roomChannel.findUnique({ where: { roomId_name: { roomId: room.id, name } } })) throw nameTaken()
      const last = await tx.roomChannel.aggregate({ where: { roomId: room.id }, _max: { position: true } })
      return tx.roomChannel.create({
        data: {
          roomId: room.id,
          name,
          type,
          categoryId: input.categoryId ?? null,
          readOnly: input.readOnly ?? false,
          position: Math.min((last._max.position ?? -1) + 1, MAX_POSITION),
        },
      })
    }, TX_OPTIONS)
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken()
    throw e
  }
  announce(ctx, 'CHANNEL_CREATED', room.id, { channelId: channel.id })
  return channel
}

/** A room admin renames a channel, makes it read-only (only room admins write) or moves it. */
export async function updateChannel(ctx: Context, channelId: number, input: ChannelChange): Promise<RoomChannelRow> {
  const found = await readableRoomChannel(ctx, channelId)
  await requireRoomAdmin(ctx, found.room)
  const data: Prisma.RoomChannelUpdateInput = {}
  if (input.name != null) data.name = roomName(input.name)
  if (input.readOnly != null) data.readOnly = input.readOnly
  if (input.position != null) data.position = position(input.position)
  let channel: RoomChannelRow
  try {
    channel = await ctx.prisma.roomChannel.update({ where: { id: found.id }, data })
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken()
    throw e
  }
  announce(ctx, 'CHANNEL_UPDATED', found.roomId, { channelId: channel.id })
  return channel
}

/** A channel of a room the viewer may read, with its room; ROOM_CHANNEL_NOT_FOUND otherwise. */
export async function readableRoomChannel(ctx: Context, channelId: number) {
  const found =
    channelId < 1
      ? null
      : await ctx.prisma.roomChannel.findUnique({ where: { id: channelId }, include: { room: true } })
  if (!found) throw new AppError('ROOM_CHANNEL_NOT_FOUND', undefined, { field: 'channelId' })
  // someone who cannot see the room learns nothing of its channels
  if (!(await hasAccess(ctx, found.room)))
    throw new AppError('ROOM_CHANNEL_NOT_FOUND', undefined, { field: 'channelId' })
  return found
}

/** The room's text channels by position, for those who may read the room; [] for the others. */
export async function channelsOf(ctx: Context, room: RoomRow): Promise<RoomChannelRow[]> {
  if (!(await hasAccess(ctx, room))) return []
  return ctx.prisma.roomChannel.findMany({ where: { roomId: room.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })
}
