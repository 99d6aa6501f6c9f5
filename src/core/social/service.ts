import type { Context } from '../../context.js'
import type { Db } from '../../db/client.js'
import { AppError, invalid } from '../../errors.js'
import { notify } from '../notifications/notify.js'
import { STREAM_KIND, type ContentKind } from './kinds.js'
import { signedIn } from '../../auth/signed-in.js'
import { liveItemsOf } from './live.js'

/** The kinds an app accepts, by value (core's and the enabled plugins'). */
export type ContentKinds = ReadonlyMap<string, ContentKind>

function kindOf(kinds: ContentKinds, value: string): ContentKind {
  const kind = kinds.get(value)
  if (!kind) throw invalid('content', `must be one of ${[...kinds.keys()].join(', ')}`)
  return kind
}

async function mustExist(ctx: Context, kind: ContentKind, id: number) {
  if (!(await kind.exists(ctx.prisma, id)))
    throw new AppError('NOT_FOUND', `id: no ${kind.value} ${id}`, { field: 'id' })
}

export async function follow(ctx: Context, kinds: ContentKinds, value: string, id: number) {
  const kind = kindOf(kinds, value)
  const c = kind.value
  await mustExist(ctx, kind, id)
  const followerId = signedIn(ctx).id
  await ctx.prisma.follow.upsert({
    where: { followerId_content_itemId: { followerId, content: c, itemId: id } },
    create: { followerId, content: c, itemId: id },
    update: {},
  })
  if (c === 'stream' && id !== followerId)
    notify(ctx.pubsub, id, 'subscriber', { userId: followerId, name: signedIn(ctx).name })
  return true
}

export async function unfollow(ctx: Context, kinds: ContentKinds, value: string, id: number) {
  const kind = kindOf(kinds, value)
  const c = kind.value
  await mustExist(ctx, kind, id)
  await ctx.prisma.follow.deleteMany({ where: { followerId: signedIn(ctx).id, content: c, itemId: id } })
  return true
}

export async function isFollowing(ctx: Context, kinds: ContentKinds, value: string, id: number) {
  const kind = kindOf(kinds, value)
  const c = kind.value
  await mustExist(ctx, kind, id)
  return !!(await ctx.prisma.follow.findUnique({
    where: { followerId_content_itemId: { followerId: signedIn(ctx).id, content: c, itemId: id } },
  }))
}

export async function followedIds(ctx: Context, kinds: ContentKinds, value: string) {
  const c = kindOf(kinds, value).value
  const rows = await ctx.prisma.follow.findMany({
    where: { followerId: signedIn(ctx).id, content: c },
    orderBy: { createdAt: 'desc' },
    take: SOCIAL_LIST_CAP,
  })
  return rows.map((r) => r.itemId)
}

/** How many items of a kind the viewer follows; `online`: only those live now (none, for a kind without live state). */
export async function followedCount(ctx: Context, kinds: ContentKinds, value: string, online: boolean) {
  const ids = await followedIds(ctx, kinds, value)
  if (!online) return ids.length
  const live = liveItemsOf(ctx.services, kindOf(kinds, value).value)
  return live && ids.length ? (await live(ctx, ids)).length : 0
}

/** The one kind given: routes that answer in that kind's own shape (/api/stream objects …). */
const only = (kind: ContentKind, value: string) => kindOf(new Map([[kind.value, kind]]), value)

/** Streams only: the peka2 list answers /api/stream objects. */
/** Every list of follows, followers and ignores answers at most this many (newest first, followers by id). */
export const SOCIAL_LIST_CAP = 1000

export async function followedStreamIds(ctx: Context, value: string) {
  const c = only(STREAM_KIND, value).value
  const rows = await ctx.prisma.follow.findMany({
    where: { followerId: signedIn(ctx).id, content: c },
    orderBy: { createdAt: 'desc' },
    take: SOCIAL_LIST_CAP,
  })
  return rows.map((r) => r.itemId)
}

/** Followers of the viewer's own stream. */
export async function followersOfViewer(ctx: Context, value: string) {
  const c = only(STREAM_KIND, value).value
  return ctx.prisma.user.findMany({
    where: { following: { some: { content: c, itemId: signedIn(ctx).id } } },
    orderBy: { id: 'asc' },
    take: SOCIAL_LIST_CAP,
  })
}

export async function ignore(ctx: Context, kinds: ContentKinds, value: string, item: number) {
  const kind = kindOf(kinds, value)
  const c = kind.value
  await mustExist(ctx, kind, item)
  if (kind.notSelf && item === signedIn(ctx).id) throw invalid('item', 'you cannot ignore yourself')
  const userId = signedIn(ctx).id
  await ctx.prisma.ignore.upsert({
    where: { userId_content_itemId: { userId, content: c, itemId: item } },
    create: { userId, content: c, itemId: item },
    update: {},
  })
  await kind.changed?.(ctx)
  return true
}

export async function unignore(ctx: Context, kinds: ContentKinds, value: string, item: number) {
  const kind = kindOf(kinds, value)
  const c = kind.value
  await mustExist(ctx, kind, item)
  await ctx.prisma.ignore.deleteMany({ where: { userId: signedIn(ctx).id, content: c, itemId: item } })
  await kind.changed?.(ctx)
  return true
}

export async function isIgnored(ctx: Context, kinds: ContentKinds, value: string, item: number) {
  const kind = kindOf(kinds, value)
  const c = kind.value
  await mustExist(ctx, kind, item)
  return !!(await ctx.prisma.ignore.findUnique({
    where: { userId_content_itemId: { userId: signedIn(ctx).id, content: c, itemId: item } },
  }))
}

export async function ignoreList(ctx: Context, kinds: ContentKinds, value: string) {
  const c = kindOf(kinds, value).value
  return ctx.prisma.ignore.findMany({
    where: { userId: signedIn(ctx).id, content: c },
    orderBy: { createdAt: 'desc' },
    take: SOCIAL_LIST_CAP,
  })
}

/** The items of one kind a user ignores (a plugin filtering what it shows: the ids of ignored users …). */
export async function ignoredItems(db: Db, userId: number, content: string): Promise<Set<number>> {
  const rows = await db.ignore.findMany({ where: { userId, content }, select: { itemId: true } })
  return new Set(rows.map((r) => r.itemId))
}
