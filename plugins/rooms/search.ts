import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { isSiteStaff, type RoomRole, type RoomRow } from './access.js'

export const ROOM_ORDERS = [
  'CREATED_AT_DESC',
  'CREATED_AT_ASC',
  'NAME_ASC',
  'NAME_DESC',
  'RATING_DESC',
  'RATING_ASC',
  'OCCUPANTS_DESC',
  'OCCUPANTS_ASC',
] as const
export type RoomOrder = (typeof ROOM_ORDERS)[number]

export interface RoomFilter {
  /** a case-insensitive part of the name (JustChat name) */
  name?: string | null
  /** true: only full rooms (as many inside as maxUsers); false: only those with room left (JustChat filled) */
  filled?: boolean | null
  /** true: only closed rooms (PRIVATE or with a password); false: only open ones (JustChat privated) */
  closed?: boolean | null
  categoryId?: number | null
  ownerId?: number | null
  /** site staff: hidden rooms too; others: their own hidden rooms too */
  includeHidden?: boolean | null
}

export interface RoomPageArgs {
  first?: number | null
  after?: string | null
  last?: number | null
  before?: string | null
  offset?: number | null
}

/** JustChat's per_page default; pages are at most 100. */
export const DEFAULT_PAGE = 40
export const MAX_PAGE = 100
const MAX_OFFSET = 1_000_000

const ORDER: Record<RoomOrder, (d: 'asc' | 'desc') => Prisma.RoomOrderByWithRelationInput> = {
  CREATED_AT_DESC: () => ({ createdAt: 'desc' }),
  CREATED_AT_ASC: () => ({ createdAt: 'asc' }),
  NAME_ASC: () => ({ name: 'asc' }),
  NAME_DESC: () => ({ name: 'desc' }),
  RATING_DESC: () => ({ rating: 'desc' }),
  RATING_ASC: () => ({ rating: 'asc' }),
  OCCUPANTS_DESC: () => ({ occupants: { _count: 'desc' } }),
  OCCUPANTS_ASC: () => ({ occupants: { _count: 'asc' } }),
}

/** Rooms with as many inside as they hold. */
async function filledIds(ctx: Context): Promise<number[]> {
  const rows = await ctx.prisma.$queryRaw<{ id: number }[]>`
    SELECT o."roomId" AS id FROM "RoomOccupant" o JOIN "Room" r ON r.id = o."roomId"
    GROUP BY o."roomId", r."maxUsers" HAVING count(*) >= r."maxUsers"`
  return rows.map((r) => r.id)
}

async function whereOf(ctx: Context, f: RoomFilter): Promise<Prisma.RoomWhereInput> {
  const and: Prisma.RoomWhereInput[] = []
  const viewer = ctx.viewer
  if (!f.includeHidden) and.push({ hidden: false })
  else if (!isSiteStaff(viewer))
    and.push(viewer ? { OR: [{ hidden: false }, { ownerId: viewer.id }] } : { hidden: false })
  if (f.name != null) {
    if (f.name.length > 100) throw invalid('name', 'must be at most 100 characters')
    if (f.name !== '') and.push({ name: { contains: f.name, mode: 'insensitive' } })
  }
  if (f.closed === true) and.push({ OR: [{ mode: 'PRIVATE' }, { passwordHash: { not: null } }] })
  if (f.closed === false) and.push({ mode: 'PUBLIC', passwordHash: null })
  if (f.categoryId != null) and.push({ categoryId: f.categoryId })
  if (f.ownerId != null) and.push({ ownerId: f.ownerId })
  if (f.filled != null) {
    const ids = await filledIds(ctx)
    and.push(f.filled ? { id: { in: ids } } : { id: { notIn: ids } })
  }
  return { AND: and }
}

const cursorOf = (i: number) => String(i)
function position(cursor: string, field: string): number {
  if (!/^\d{1,7}$/.test(cursor)) throw invalid(field, 'is not a cursor of this list')
  return Number(cursor)
}

/**
 * A page of rooms (JustChat /room/get): filters, one order (ties by id), forward paging by `first` / `after` and an
 * `offset` skipped after that; totalCount counts every match. Cursors are positions in the ordered list.
 */
export async function searchRooms(ctx: Context, f: RoomFilter, order: RoomOrder, page: RoomPageArgs) {
  if (page.last != null || page.before != null)
    throw new AppError('INVALID_INPUT', 'last/before: rooms are paged forward (first, after, offset)', {
      field: page.last != null ? 'last' : 'before',
    })
  const first = page.first ?? DEFAULT_PAGE
  if (first < 0 || first > MAX_PAGE) throw invalid('first', `must be from 0 to ${MAX_PAGE}`)
  const offset = page.offset ?? 0
  if (offset < 0 || offset > MAX_OFFSET) throw invalid('offset', `must be from 0 to ${MAX_OFFSET}`)
  const start = (page.after != null ? position(page.after, 'after') + 1 : 0) + offset
  const where = await whereOf(ctx, f)
  const dir = order.endsWith('_ASC') ? 'asc' : 'desc'
  const [rows, totalCount] = await Promise.all([
    first === 0
      ? Promise.resolve([] as RoomRow[])
      : ctx.prisma.room.findMany({ where, orderBy: [ORDER[order](dir), { id: dir }], skip: start, take: first + 1 }),
    ctx.prisma.room.count({ where }),
  ])
  const nodes = rows.slice(0, first)
  const edges = nodes.map((node, i) => ({ cursor: cursorOf(start + i), node }))
  return {
    edges,
    pageInfo: {
      hasNextPage: first === 0 ? start < totalCount : rows.length > first,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  }
}

export interface RoomAccess {
  room: RoomRow
  role: RoomRole
}

/** peka2 /api/room/my: rooms the viewer owns (OWNER) or is on the access list of (ADMIN, MEMBER), newest first. */
export async function myRooms(ctx: Context, userId: number): Promise<RoomAccess[]> {
  const [owned, memberships] = await Promise.all([
    ctx.prisma.room.findMany({ where: { ownerId: userId }, orderBy: { id: 'desc' } }),
    ctx.prisma.roomMember.findMany({
      where: { userId, room: { ownerId: { not: userId } } },
      include: { room: true },
      orderBy: { roomId: 'desc' },
    }),
  ])
  return [
    ...owned.map((room) => ({ room, role: 'OWNER' as const })),
    ...memberships.map((m) => ({ room: m.room, role: m.role })),
  ]
}

/** A room by id or slug (one of them); null when there is none. Hidden rooms are found too. */
export async function findRoom(ctx: Context, id: number | null | undefined, slug: string | null | undefined) {
  if ((id == null) === (slug == null))
    throw new AppError('INVALID_INPUT', 'databaseId or slug: give exactly one', { field: 'databaseId' })
  if (id != null) return id < 1 || id > 2_147_483_647 ? null : ctx.prisma.room.findUnique({ where: { id } })
  return slug && slug.length <= 64 ? ctx.prisma.room.findUnique({ where: { slug } }) : null
}

export const roomCategories = (ctx: Context) => ctx.prisma.roomCategory.findMany({ orderBy: { id: 'asc' } })
