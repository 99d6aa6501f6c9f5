import type { Context } from '../../src/context.js'
import { hasAccess, type RoomRow } from './access.js'
import { roomChannel } from './kind.js'
import { roomsOf } from './state.js'

/**
 * Who is in a room and who may not speak there (JustChat's users, visiters, moderators, banned, silently): shown to
 * those who have access to the room; to others a closed room keeps its people to itself (empty lists).
 */

const LIST_MAX = 1000

export async function occupantIds(ctx: Context, room: RoomRow): Promise<number[]> {
  if (!(await hasAccess(ctx, room))) return []
  const rows = await ctx.prisma.roomOccupant.findMany({
    where: { roomId: room.id },
    orderBy: { enteredAt: 'asc' },
    take: LIST_MAX,
    select: { userId: true },
  })
  return rows.map((r) => r.userId)
}

export const occupantCount = (ctx: Context, room: RoomRow) =>
  ctx.prisma.roomOccupant.count({ where: { roomId: room.id } })

/** The latest visitors first. */
export async function visitorIds(ctx: Context, room: RoomRow): Promise<number[]> {
  if (!(await hasAccess(ctx, room))) return []
  const rows = await ctx.prisma.roomVisit.findMany({
    where: { roomId: room.id },
    orderBy: { lastVisitedAt: 'desc' },
    take: LIST_MAX,
    select: { userId: true },
  })
  return rows.map((r) => r.userId)
}

/** Moderators the owner appointed in the room's chat (moderation's); none while moderation is off. */
export async function moderatorIds(ctx: Context, room: RoomRow): Promise<number[]> {
  const moderation = roomsOf(ctx).moderation
  if (!moderation || !(await hasAccess(ctx, room))) return []
  return moderation.appointedModerators(roomChannel(room.id), ctx.prisma)
}

export interface RoomSanctionView {
  userId: number
  kind: 'BAN' | 'SILENCE'
  until: Date | null
}

/** Bans and silences in force in the room's chat (kicks last only until re-entry, so they are left out). */
export async function roomSanctions(ctx: Context, room: RoomRow): Promise<RoomSanctionView[]> {
  const moderation = roomsOf(ctx).moderation
  if (!moderation || !(await hasAccess(ctx, room))) return []
  const inForce = await moderation.sanctionsIn(roomChannel(room.id), ctx.prisma)
  return inForce.flatMap((s) =>
    s.kind === 'kick'
      ? []
      : [{ userId: s.userId, kind: s.kind === 'ban' ? ('BAN' as const) : ('SILENCE' as const), until: s.until }],
  )
}
