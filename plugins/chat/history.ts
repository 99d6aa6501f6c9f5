import { Prisma } from '../../src/generated/prisma/client.js'
import type { Context } from '../../src/context.js'
import { invalid } from '../../src/errors.js'
import { ignoredUserIds } from '../../src/core/social/service.js'
import { readableChannel, presentMessage, channelOf } from './channels.js'
import { conditionsToWhere, type ConditionQuery } from './conditions.js'
import { MESSAGE_SELECT, toView } from './render.js'

export const MAX_PAGE = 100

/** The base filter of every history read: the channel, not removed, nobody the viewer ignores. */
async function baseWhere(ctx: Context, channel: string): Promise<Prisma.ChatMessageWhereInput> {
  const ignored = ctx.viewer ? [...(await ignoredUserIds(ctx.prisma, ctx.viewer.id))] : []
  return { channel, deletedAt: null, ...(ignored.length ? { OR: [{ fromId: null }, { fromId: { notIn: ignored } }] } : {}) }
}

function present(ctx: Context, ch: Awaited<ReturnType<typeof readableChannel>>, rows: Parameters<typeof toView>[0][]) {
  return rows.map((r) => presentMessage(ctx.viewer, ch, toView(r)))
}

/**
 * Newest-first page by id cursor (Relay): one SELECT with authors and reactions joined, whatever the page size.
 */
export async function historyPage(ctx: Context, channelId: string, opts: { limit: number; olderThan?: number; newerThan?: number; ascending?: boolean; query?: ConditionQuery | null }) {
  const ch = await readableChannel(ctx, channelId)
  const and: Prisma.ChatMessageWhereInput[] = [await baseWhere(ctx, ch.id), conditionsToWhere(opts.query)]
  if (opts.olderThan) and.push({ id: { lt: opts.olderThan } })
  if (opts.newerThan) and.push({ id: { gt: opts.newerThan } })
  const rows = await ctx.prisma.chatMessage.findMany({ where: { AND: and }, orderBy: { id: opts.ascending ? 'asc' : 'desc' }, take: opts.limit, select: MESSAGE_SELECT })
  return present(ctx, ch, rows)
}

/** JustChat-style skip/limit (and peka2's `amount`), newest first. */
export async function historyList(ctx: Context, channelId: string, skip: number, limit: number, query?: ConditionQuery | null) {
  if (!Number.isInteger(skip) || skip < 0 || skip > 100_000) throw invalid('skip', 'must be an integer from 0 to 100000')
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw invalid('limit', `must be an integer from 1 to ${MAX_PAGE}`)
  const ch = await readableChannel(ctx, channelId)
  const rows = await ctx.prisma.chatMessage.findMany({
    where: { AND: [await baseWhere(ctx, ch.id), conditionsToWhere(query)] },
    orderBy: { id: 'desc' },
    skip,
    take: limit,
    select: MESSAGE_SELECT,
  })
  return present(ctx, ch, rows)
}

export async function pinned(ctx: Context, channelId: string) {
  const ch = await readableChannel(ctx, channelId)
  const rows = await ctx.prisma.chatMessage.findMany({ where: { channel: ch.id, deletedAt: null, pinnedAt: { not: null } }, orderBy: { pinnedAt: 'desc' }, select: MESSAGE_SELECT })
  return present(ctx, ch, rows)
}

/**
 * Full-text search (PostgreSQL text search, 'simple' configuration so any language matches word for word) over the
 * channels the viewer may read, ranked, paged. Parameters only: the search text never becomes SQL.
 */
export async function search(ctx: Context, text: string, opts: { channel?: string | null; first: number; offset: number }) {
  if (typeof text !== 'string' || text.trim().length < 2 || text.length > 200) throw invalid('text', 'must be 2–200 characters')
  if (!Number.isInteger(opts.first) || opts.first < 1 || opts.first > MAX_PAGE) throw invalid('first', `must be from 1 to ${MAX_PAGE}`)
  if (!Number.isInteger(opts.offset) || opts.offset < 0 || opts.offset > 10_000) throw invalid('offset', 'must be from 0 to 10000')
  let patterns: string[]
  if (opts.channel) patterns = [(await readableChannel(ctx, opts.channel)).id]
  else patterns = [...ctx.services.hooks.channelKinds.values()].flatMap((k) => k.readablePatterns(ctx.viewer))
  if (!patterns.length) return []
  const ignored = ctx.viewer ? [...(await ignoredUserIds(ctx.prisma, ctx.viewer.id))] : []
  const hits = await ctx.prisma.$queryRaw<{ id: number; rank: number }[]>`
    SELECT id, ts_rank(to_tsvector('simple', text), q) AS rank
    FROM "ChatMessage", plainto_tsquery('simple', ${text}) q
    WHERE "deletedAt" IS NULL
      AND channel LIKE ANY (${patterns}::text[])
      AND to_tsvector('simple', text) @@ q
      AND ("fromId" IS NULL OR NOT ("fromId" = ANY (${ignored}::int[])))
    ORDER BY rank DESC, id DESC
    LIMIT ${opts.first} OFFSET ${opts.offset}`
  if (!hits.length) return []
  const rows = await ctx.prisma.chatMessage.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: MESSAGE_SELECT })
  const byId = new Map(rows.map((r) => [r.id, r]))
  const out = []
  for (const h of hits) {
    const row = byId.get(h.id)
    if (!row) continue
    const ch = channelOf(ctx.services.hooks, row.channel)
    const view = toView(row)
    out.push({ message: ch ? presentMessage(ctx.viewer, ch, view) : view, rank: Number(h.rank) })
  }
  return out
}

/** peka2 /api/channel/private: the viewer's last 30 private channels, by latest message. */
export async function privateChannels(ctx: Context) {
  const id = ctx.viewer!.id
  const rows = await ctx.prisma.$queryRaw<{ channel: string }[]>`
    SELECT channel FROM "ChatMessage"
    WHERE (channel LIKE ${`private/${id}/%`} OR channel LIKE ${`private/%/${id}`}) AND "deletedAt" IS NULL
    GROUP BY channel ORDER BY max(id) DESC LIMIT 30`
  return rows.map((r) => r.channel)
}
