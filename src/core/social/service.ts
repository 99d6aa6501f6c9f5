import type { Context } from '../../context.js'
import type { Db } from '../../db/client.js'
import { AppError, invalid } from '../../errors.js'
import { notify } from '../notifications/notify.js'

export const FOLLOW_CONTENT = ['stream', 'room'] as const
export const IGNORE_CONTENT = ['stream', 'chat'] as const

function content<T extends readonly string[]>(allowed: T, value: string): T[number] {
  if (!allowed.includes(value)) throw invalid('content', `must be one of ${allowed.join(', ')}`)
  return value as T[number]
}

/**
 * Does the followed/ignored item exist? Streams and chat ignores are users; rooms are checked by whoever owns
 * rooms (the rooms plugin registers a checker), so core does not import a plugin.
 */
export type ItemChecker = (db: Db, id: number) => Promise<boolean>
const itemCheckers = new Map<string, ItemChecker>([
  ['stream', async (db, id) => !!(await db.user.findUnique({ where: { id }, select: { id: true } }))],
  ['chat', async (db, id) => !!(await db.user.findUnique({ where: { id }, select: { id: true } }))],
])
export const registerItemChecker = (content: string, check: ItemChecker) => itemCheckers.set(content, check)

async function mustExist(ctx: Context, kind: string, id: number) {
  const check = itemCheckers.get(kind)
  if (!check) throw invalid('content', `${kind} is not available on this server`)
  if (!(await check(ctx.prisma, id))) throw new AppError('NOT_FOUND', `id: no ${kind} ${id}`, { field: 'id' })
}

export async function follow(ctx: Context, kind: string, id: number) {
  const c = content(FOLLOW_CONTENT, kind)
  await mustExist(ctx, c, id)
  const followerId = ctx.viewer!.id
  await ctx.prisma.follow.upsert({ where: { followerId_content_itemId: { followerId, content: c, itemId: id } }, create: { followerId, content: c, itemId: id }, update: {} })
  if (c === 'stream' && id !== followerId) notify(ctx.pubsub, id, 'subscriber', { userId: followerId, name: ctx.viewer!.name })
  return true
}

export async function unfollow(ctx: Context, kind: string, id: number) {
  const c = content(FOLLOW_CONTENT, kind)
  await mustExist(ctx, c, id)
  await ctx.prisma.follow.deleteMany({ where: { followerId: ctx.viewer!.id, content: c, itemId: id } })
  return true
}

export async function isFollowing(ctx: Context, kind: string, id: number) {
  const c = content(FOLLOW_CONTENT, kind)
  await mustExist(ctx, c, id)
  return !!(await ctx.prisma.follow.findUnique({ where: { followerId_content_itemId: { followerId: ctx.viewer!.id, content: c, itemId: id } } }))
}

export async function followedIds(ctx: Context, kind: string) {
  const c = content(FOLLOW_CONTENT, kind)
  const rows = await ctx.prisma.follow.findMany({ where: { followerId: ctx.viewer!.id, content: c }, orderBy: { createdAt: 'desc' } })
  return rows.map((r) => r.itemId)
}

/** Streams only: the peka2 list answers /api/stream objects. */
export async function followedStreamIds(ctx: Context, kind: string) {
  content(['stream'] as const, kind)
  return followedIds(ctx, kind)
}

/** Followers of the viewer's own stream. */
export async function followersOfViewer(ctx: Context, kind: string) {
  const c = content(['stream'] as const, kind)
  return ctx.prisma.user.findMany({ where: { following: { some: { content: c, itemId: ctx.viewer!.id } } }, orderBy: { id: 'asc' } })
}

export async function ignore(ctx: Context, kind: string, item: number) {
  const c = content(IGNORE_CONTENT, kind)
  await mustExist(ctx, c, item)
  if (c === 'chat' && item === ctx.viewer!.id) throw invalid('item', 'you cannot ignore yourself')
  const userId = ctx.viewer!.id
  await ctx.prisma.ignore.upsert({ where: { userId_content_itemId: { userId, content: c, itemId: item } }, create: { userId, content: c, itemId: item }, update: {} })
  if (c === 'chat') await publishIgnores(ctx)
  return true
}

export async function unignore(ctx: Context, kind: string, item: number) {
  const c = content(IGNORE_CONTENT, kind)
  await mustExist(ctx, c, item)
  await ctx.prisma.ignore.deleteMany({ where: { userId: ctx.viewer!.id, content: c, itemId: item } })
  if (c === 'chat') await publishIgnores(ctx)
  return true
}

export async function isIgnored(ctx: Context, kind: string, item: number) {
  const c = content(IGNORE_CONTENT, kind)
  await mustExist(ctx, c, item)
  return !!(await ctx.prisma.ignore.findUnique({ where: { userId_content_itemId: { userId: ctx.viewer!.id, content: c, itemId: item } } }))
}

export async function ignoreList(ctx: Context, kind: string) {
  const c = content(IGNORE_CONTENT, kind)
  return ctx.prisma.ignore.findMany({ where: { userId: ctx.viewer!.id, content: c }, orderBy: { createdAt: 'desc' } })
}

async function publishIgnores(ctx: Context) {
  const ignored = [...(await ignoredUserIds(ctx.prisma, ctx.viewer!.id))]
  ctx.pubsub.publish('core.ignores', ctx.viewer!.id, { ignored })
}

/** For chat and DMs: the users `userId` ignores in chat. */
export async function ignoredUserIds(db: Db, userId: number): Promise<Set<number>> {
  const rows = await db.ignore.findMany({ where: { userId, content: 'chat' }, select: { itemId: true } })
  return new Set(rows.map((r) => r.itemId))
}

/** For DMs: does `userId` ignore `otherId`? */
export async function ignores(db: Db, userId: number, otherId: number) {
  return !!(await db.ignore.findUnique({ where: { userId_content_itemId: { userId, content: 'chat', itemId: otherId } } }))
}
