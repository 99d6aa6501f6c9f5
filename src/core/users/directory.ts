import type { Context } from '../../context.js'
import { invalid } from '../../errors.js'

/** The most users one page of the directory lists. */
export const DIRECTORY_MAX = 100
const SEARCH_MIN = 2

export interface DirectoryEntry {
  id: number
  name: string
  photo: string | null
  /** online: signed in somewhere (a live session); offline otherwise */
  status: 'online' | 'offline'
}

/**
 * The user directory (messenger GET /api/users, /api/search/users): signed-in users only, blocked users left out,
 * by name, paged; only name, photo and whether the user is signed in somewhere. `search`: a part of the name (at
 * least 2 characters, any case).
 */
export async function directory(
  ctx: Context,
  opts: { search?: string | null; first: number; offset: number },
): Promise<DirectoryEntry[]> {
  if (!Number.isInteger(opts.first) || opts.first < 1 || opts.first > DIRECTORY_MAX)
    throw invalid('first', `must be an integer from 1 to ${DIRECTORY_MAX}`)
  if (!Number.isInteger(opts.offset) || opts.offset < 0 || opts.offset > 100_000)
    throw invalid('offset', 'must be an integer from 0 to 100000')
  const search = opts.search?.trim()
  if (search !== undefined && search.length < SEARCH_MIN)
    throw invalid('search', `must be at least ${SEARCH_MIN} characters`)
  const users = await ctx.prisma.user.findMany({
    where: { blocked: false, ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: opts.offset,
    take: opts.first,
    select: { id: true, name: true, photo: true },
  })
  const now = new Date()
  const live = await ctx.prisma.session.findMany({
    where: { userId: { in: users.map((u) => u.id) }, revokedAt: null, expiresAt: { gt: now }, grantId: null },
    distinct: ['userId'],
    select: { userId: true },
  })
  const online = new Set(live.map((s) => s.userId))
  return users.map((u) => ({ ...u, status: online.has(u.id) ? 'online' : 'offline' }))
}
