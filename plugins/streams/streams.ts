import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { followedStreamIds } from '../../src/core/social/service.js'
import { findCategory, LISTED, ROOT_SLUG, streamTree, type CategoryRef } from './categories.js'
import { defaultStream, STREAM_SELECT, streamView, type StreamView } from './views.js'

/** Streams one list answers at most (peka2's lists have no paging; GraphQL pages through them). */
export const LIST_MAX = 100

export type StreamFilter = 'all' | 'followed'

/** Inactive streams are shown to stream admins and their owner only (common.md, `active`). */
export const maySee = (ctx: Context, s: StreamView) =>
  s.active || (!!ctx.viewer && (ctx.viewer.id === s.id || ctx.viewer.roles.streamAdmin > 0))

/** The streams of these users: the stored ones, and the defaults for users who never set theirs up. */
export async function streamsOfUsers(ctx: Context, users: { id: number; name: string }[]): Promise<StreamView[]> {
  const rows = await ctx.prisma.liveStream.findMany({
    where: { id: { in: users.map((u) => u.id) } },
    select: STREAM_SELECT,
  })
  const byId = new Map(rows.map((r) => [r.id, r]))
  return users.map((u) => {
    const row = byId.get(u.id)
    return row ? streamView(row) : defaultStream(u)
  })
}

/** A user's stream by the user's slug (peka2 /api/stream). */
export async function streamBySlug(ctx: Context, slug: string): Promise<StreamView> {
  const notFound = () => new AppError('STREAM_NOT_FOUND', 'slug: no stream of this streamer', { field: 'slug' })
  if (!slug) throw notFound()
  const user = await ctx.prisma.user.findUnique({ where: { slug }, select: { id: true, name: true } })
  if (!user) throw notFound()
  const [view] = await streamsOfUsers(ctx, [user])
  if (!maySee(ctx, view)) throw notFound()
  return view
}

/** Streams by id (Relay nodes): the ones that exist and the viewer may see, in no particular order. */
export async function streamsByIds(ctx: Context, ids: number[]): Promise<StreamView[]> {
  const users = await ctx.prisma.user.findMany({
    where: { id: { in: ids.slice(0, LIST_MAX) } },
    select: { id: true, name: true },
  })
  return (await streamsOfUsers(ctx, users)).filter((s) => maySee(ctx, s))
}

export interface ListInput {
  category: CategoryRef
  filter: StreamFilter
}

/**
 * Listed streams (online, active, not hidden) under a category — the root lists them all — by pin priority, then
 * current rating (common.md, Фильтр); `followed`: among the viewer's followed streams only.
 */
export async function listStreams(
  ctx: Context,
  input: ListInput,
  page: { limit: number; offset: number },
): Promise<StreamView[]> {
  if (page.limit < 1 || page.limit > LIST_MAX + 1) throw invalid('first', `must be between 1 and ${LIST_MAX}`)
  const category = await findCategory(ctx, 'stream', input.category)
  const inCategory =
    category.slug === ROOT_SLUG ? {} : { categoryId: { in: (await streamTree(ctx)).subtree(category.id) } }
  // peka2 `my`: a guest is told to sign in (common.md: "an error if the type is my and the user is not logged in")
  if (input.filter === 'followed') signedIn(ctx)
  const followed = input.filter === 'followed' ? { id: { in: cap(await followedStreamIds(ctx, 'stream')) } } : {}
  const rows = await ctx.prisma.liveStream.findMany({
    where: { ...LISTED, ...inCategory, ...followed },
    orderBy: [{ selected: 'desc' }, { rating: 'desc' }, { id: 'asc' }],
    take: page.limit,
    skip: page.offset,
    select: STREAM_SELECT,
  })
  return rows.map(streamView)
}

/** A user follows few streams; a list this long is cut rather than sent to the database whole. */
const cap = (ids: number[]) => ids.slice(0, 10_000)
