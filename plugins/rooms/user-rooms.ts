import type { Context } from '../../src/context.js'
import { hasAccess, isSiteStaff, type RoomRow } from './access.js'

/**
 * A user's rooms as JustChat's user object has them (`room`, `rooms`, `visitedRooms`), and who may see which:
 * - the room a user is inside: to themselves and site staff, and to anyone who may read that room — its occupant
 *   list shows them there anyway; a closed room's insiders are not told to outsiders;
 * - the rooms a user created: their hidden ones only to themselves and site staff (hidden rooms stay out of lists);
 * - the rooms a user visited: theirs alone (and site staff's) — a trail of where someone went is no one else's.
 */

/** Owned and visited rooms one user object lists at most. */
export const USER_ROOMS_MAX = 100

const selfOrStaff = (ctx: Context, userId: number) => ctx.viewer?.id === userId || isSiteStaff(ctx.viewer)

/** The room the user is inside now, if the viewer may know it. */
export async function activeRoomOf(ctx: Context, userId: number): Promise<RoomRow | null> {
  const occupant = await ctx.prisma.roomOccupant.findUnique({ where: { userId }, include: { room: true } })
  if (!occupant) return null
  if (selfOrStaff(ctx, userId) || (await hasAccess(ctx, occupant.room))) return occupant.room
  return null
}

/** The rooms the user owns, oldest first. */
export function ownedRoomsOf(ctx: Context, userId: number): Promise<RoomRow[]> {
  return ctx.prisma.room.findMany({
    where: { ownerId: userId, ...(selfOrStaff(ctx, userId) ? {} : { hidden: false }) },
    orderBy: { id: 'asc' },
    take: USER_ROOMS_MAX,
  })
}

/** The rooms the user entered, the latest visit first; null for anyone but themselves and site staff. */
export async function visitedRoomsOf(ctx: Context, userId: number): Promise<RoomRow[] | null> {
  if (!selfOrStaff(ctx, userId)) return null
  const visits = await ctx.prisma.roomVisit.findMany({
    where: { userId },
    orderBy: [{ lastVisitedAt: 'desc' }, { roomId: 'asc' }],
    take: USER_ROOMS_MAX,
    include: { room: true },
  })
  return visits.map((v) => v.room)
}
