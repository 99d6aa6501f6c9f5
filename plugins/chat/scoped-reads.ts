import type { Db } from '../../src/db/client.js'
import { ignoredUsers } from './ignores.js'
import { MESSAGE_SELECT, toView } from './render.js'
import type { ChatMessageView, ReaderScope } from './public.js'

/**
 * Reads across several channels as one user sees them (a user's conversations): not removed, nobody they ignore,
 * above each channel's `afterId`, none of `exceptIds`. One statement each, whatever the number of channels.
 */
async function scopeArgs(db: Db, userId: number, scope: ReaderScope) {
  return {
    channels: scope.channels.map((c) => c.id),
    floors: scope.channels.map((c) => c.afterId),
    ignored: [...(await ignoredUsers(db, userId))],
    except: scope.exceptIds ?? [],
  }
}

/** Messages by id as views, in the order of `ids` (missing ones left out); no access check: callers decide. */
export async function viewsOf(db: Db, ids: number[]): Promise<ChatMessageView[]> {
  if (!ids.length) return []
  const rows = await db.chatMessage.findMany({ where: { id: { in: ids } }, select: MESSAGE_SELECT })
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row ? [toView(row)] : []
  })
}

/** Newest first, `limit` from `offset`; `authorId`: only that author's. */
export async function visibleMessages(
  db: Db,
  userId: number,
  scope: ReaderScope,
  page: { limit: number; offset: number; authorId?: number | null },
): Promise<ChatMessageView[]> {
  if (!scope.channels.length) return []
  const a = await scopeArgs(db, userId, scope)
  const author = page.authorId ?? null
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT m.id FROM "ChatMessage" m
    JOIN unnest(${a.channels}::text[], ${a.floors}::int[]) AS s(channel, after)
      ON m.channel = s.channel AND m.id > s.after
    WHERE m."deletedAt" IS NULL
      AND (m."fromId" IS NULL OR NOT (m."fromId" = ANY (${a.ignored}::int[])))
      AND NOT (m.id = ANY (${a.except}::int[]))
      AND (${author}::int IS NULL OR m."fromId" = ${author}::int)
    ORDER BY m.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`
  return viewsOf(
    db,
    rows.map((r) => r.id),
  )
}

/** Per channel: how many messages others wrote there that the user sees (channels with none are absent). */
export async function unreadCounts(db: Db, userId: number, scope: ReaderScope): Promise<Map<string, number>> {
  if (!scope.channels.length) return new Map()
  const a = await scopeArgs(db, userId, scope)
  const rows = await db.$queryRaw<{ channel: string; n: number }[]>`
    SELECT m.channel, count(*)::int AS n FROM "ChatMessage" m
    JOIN unnest(${a.channels}::text[], ${a.floors}::int[]) AS s(channel, after)
      ON m.channel = s.channel AND m.id > s.after
    WHERE m."deletedAt" IS NULL
      AND m."fromId" IS DISTINCT FROM ${userId}::int
      AND (m."fromId" IS NULL OR NOT (m."fromId" = ANY (${a.ignored}::int[])))
      AND NOT (m.id = ANY (${a.except}::int[]))
    GROUP BY m.channel`
  return new Map(rows.map((r) => [r.channel, r.n]))
}

/** Per channel: the newest message the user sees there (each found backwards on the (channel, id) index). */
export async function latestVisible(db: Db, userId: number, scope: ReaderScope): Promise<Map<string, ChatMessageView>> {
  if (!scope.channels.length) return new Map()
  const a = await scopeArgs(db, userId, scope)
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT l.id FROM unnest(${a.channels}::text[], ${a.floors}::int[]) AS s(channel, after)
    CROSS JOIN LATERAL (
      SELECT m.id FROM "ChatMessage" m
      WHERE m.channel = s.channel AND m.id > s.after AND m."deletedAt" IS NULL
        AND (m."fromId" IS NULL OR NOT (m."fromId" = ANY (${a.ignored}::int[])))
        AND NOT (m.id = ANY (${a.except}::int[]))
      ORDER BY m.id DESC LIMIT 1
    ) l`
  const views = await viewsOf(
    db,
    rows.map((r) => r.id),
  )
  return new Map(views.map((v) => [v.channel, v]))
}
