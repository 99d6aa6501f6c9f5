import type { Context } from '../../src/context.js'
import { invalid } from '../../src/errors.js'
import type { ChatMessageView, ReaderScope } from '../chat/public.js'
import { dmsOf } from './state.js'

export const MAX_DIALOGS = 100

/** One of the viewer's conversations as their dialog list shows it. */
export interface Dialog {
  conversationId: number
  channel: string
  peerId: number
  lastMessage: ChatMessageView | null
  unread: number
  /** up to which message the viewer read, and the other side (read receipts) */
  lastReadId: number
  peerLastReadId: number
  /** the cursor: the newest message the viewer sees in it */
  lastMessageId: number
}

interface MemberRow {
  conversationId: number
  userId: number
  peerId: number
  lastMessageId: number
  lastReadId: number
  clearedUpToId: number
  conversation: { channel: string }
}

/** The hidden-for-me messages of the viewer in some conversations, above what they cleared. */
async function hiddenIds(ctx: Context, userId: number, rows: MemberRow[]) {
  if (!rows.length) return []
  const hidden = await ctx.prisma.dmHiddenMessage.findMany({
    where: { userId, conversationId: { in: rows.map((r) => r.conversationId) } },
    select: { messageId: true },
  })
  return hidden.map((h) => h.messageId)
}

/** What `userId` reads of their conversations: each above what they cleared, minus what they removed for themselves. */
export async function readerScope(ctx: Context, userId: number, rows: MemberRow[], floor: 'cleared' | 'read') {
  const scope: ReaderScope = {
    channels: rows.map((r) => ({
      id: r.conversation.channel,
      afterId: floor === 'read' ? Math.max(r.lastReadId, r.clearedUpToId) : r.clearedUpToId,
    })),
    exceptIds: await hiddenIds(ctx, userId, rows),
  }
  return scope
}

/** Dialogs of these member rows, with last messages, unread counts and the other side's read position. */
async function dialogsOf(ctx: Context, userId: number, rows: MemberRow[]): Promise<Dialog[]> {
  const { chat } = dmsOf(ctx)
  const [latest, unread, peers] = await Promise.all([
    readerScope(ctx, userId, rows, 'cleared').then((s) => chat.latestVisible(userId, s)),
    readerScope(ctx, userId, rows, 'read').then((s) => chat.unreadCounts(userId, s)),
    ctx.prisma.dmMember.findMany({
      where: { conversationId: { in: rows.map((r) => r.conversationId) }, userId: { not: userId } },
      select: { conversationId: true, lastReadId: true },
    }),
  ])
  const peerRead = new Map(peers.map((p) => [p.conversationId, p.lastReadId]))
  return rows.map((r) => ({
    conversationId: r.conversationId,
    channel: r.conversation.channel,
    peerId: r.peerId,
    lastMessage: latest.get(r.conversation.channel) ?? null,
    unread: unread.get(r.conversation.channel) ?? 0,
    lastReadId: r.lastReadId,
    // a conversation with oneself has one side, which read what it read
    peerLastReadId: r.peerId === userId ? r.lastReadId : (peerRead.get(r.conversationId) ?? 0),
    lastMessageId: r.lastMessageId,
  }))
}

const MEMBER_SELECT = {
  conversationId: true,
  userId: true,
  peerId: true,
  lastMessageId: true,
  lastReadId: true,
  clearedUpToId: true,
  conversation: { select: { channel: true } },
} as const

/**
 * The viewer's dialogs, latest activity first: conversations with a message they see since they last cleared them.
 * `before`: the cursor (a dialog's lastMessageId) to page on from.
 */
export async function dialogs(ctx: Context, userId: number, opts: { first: number; before?: number | null }) {
  if (!Number.isInteger(opts.first) || opts.first < 1 || opts.first > MAX_DIALOGS)
    throw invalid('first', `must be from 1 to ${MAX_DIALOGS}`)
  const rows = await ctx.prisma.$queryRaw<{ conversationId: number }[]>`
    SELECT "conversationId" FROM "DmMember"
    WHERE "userId" = ${userId} AND "lastMessageId" > "clearedUpToId"
      AND (${opts.before ?? null}::int IS NULL OR "lastMessageId" < ${opts.before ?? null}::int)
    ORDER BY "lastMessageId" DESC LIMIT ${opts.first + 1}`
  const members = await ctx.prisma.dmMember.findMany({
    where: { userId, conversationId: { in: rows.map((r) => r.conversationId) } },
    orderBy: { lastMessageId: 'desc' },
    select: MEMBER_SELECT,
  })
  const page = members.slice(0, opts.first)
  return { dialogs: await dialogsOf(ctx, userId, page), hasMore: members.length > opts.first }
}

/** The viewer's dialog with one user, or null when they have none (or cleared it and nothing came since). */
export async function dialogWith(ctx: Context, userId: number, channel: string): Promise<Dialog | null> {
  const member = await ctx.prisma.dmMember.findFirst({
    where: { userId, conversation: { channel } },
    select: MEMBER_SELECT,
  })
  if (!member) return null
  return (await dialogsOf(ctx, userId, [member]))[0] ?? null
}

/** Conversations read together at most (their latest): what /user/messages and unread totals look at. */
export const MAX_CONVERSATIONS_READ = 1000

/** The user's conversations (or the one on `channel`), latest first: for reads across them (/user/messages …). */
export const allMembers = (ctx: Context, userId: number, channel?: string) =>
  ctx.prisma.dmMember.findMany({
    where: { userId, ...(channel ? { conversation: { channel } } : {}) },
    orderBy: { lastMessageId: 'desc' },
    take: MAX_CONVERSATIONS_READ,
    select: MEMBER_SELECT,
  })

/** How many messages the user has not read, over all their conversations. */
export async function unreadTotal(ctx: Context, userId: number) {
  const rows = await allMembers(ctx, userId)
  const counts = await dmsOf(ctx).chat.unreadCounts(userId, await readerScope(ctx, userId, rows, 'read'))
  let total = 0
  for (const n of counts.values()) total += n
  return total
}
