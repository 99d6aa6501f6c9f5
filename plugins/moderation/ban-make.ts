import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import type { Effects } from './effects.js'
import type { ReasonView } from './reasons.js'
import type { Tx } from './common.js'
import { chatApi } from './state.js'
import { checkShape, type BanMessageView } from './ban-views.js'

/** Messages of the same channel kept before the first accused one, so a reviewer sees what was answered. */
export const CONTEXT_MESSAGES = 5
/** A ban removes the user's messages in the accused channels written this long before it. */
export const RECENT_MS = 15 * 60_000

/**
 * The accused messages (attempt) and the few before them in the same channel, frozen into the ban: texts survive the
 * ban's own removal of them and any later edit.
 */
export async function banContext(
  ctx: Context,
  tx: Tx,
  userId: number,
  accusedIds: number[],
): Promise<BanMessageView[]> {
  if (!accusedIds.length) return []
  const chat = chatApi(ctx)
  // read in the vote's transaction: on the embedded database it holds the only connection
  const accused = await chat.messages(accusedIds, tx)
  const rows = [...accused]
  for (const channel of new Set(accused.map((m) => m.channel))) {
    // a private conversation lends the ban only the accused messages, nothing of what else was said there
    if (chat.kindOf(channel)?.confidential) continue
    const first = Math.min(...accused.filter((m) => m.channel === channel).map((m) => m.id))
    rows.push(...(await chat.messagesBefore(channel, first, CONTEXT_MESSAGES, tx)))
  }
  const attempted = new Set(accusedIds)
  return [...new Map(rows.map((m) => [m.id, m])).values()]
    .sort((a, b) => a.id - b.id)
    .map((m) => ({
      messageId: m.id,
      channel: m.channel,
      text: m.text,
      time: m.createdAt.toISOString(),
      attempt: attempted.has(m.id),
      accused: m.fromId === userId,
      reason: null,
    }))
}

export interface NewBan {
  userId: number
  reason: ReasonView
  data: BanMessageView[]
  actorId: number | null
  sourceBanId?: number | null
  action: 'BAN' | 'BAN_UNFAIR'
}

/**
 * Creates the ban, its audit entry and its notification, and removes the user's recent messages (chat's writes in
 * `tx`: a ban that rolls back removes nothing, a failed removal undoes the ban).
 */
export async function createBan(ctx: Context, tx: Tx, fx: Effects, b: NewBan) {
  const now = new Date()
  const ban = await tx.ban.create({
    data: {
      userId: b.userId,
      reasonId: b.reason.id,
      startAt: now,
      endAt: new Date(now.getTime() + b.reason.durationSeconds * 1000),
      data: b.data as unknown as Prisma.InputJsonValue,
      sourceBanId: b.sourceBanId ?? null,
    },
  })
  await fx.audit(tx, {
    action: b.action,
    actorId: b.actorId,
    targetUserId: b.userId,
    reasonId: b.reason.id,
    banId: ban.id,
    data: { endAt: ban.endAt.toISOString(), sourceBanId: ban.sourceBanId },
  })
  fx.notice(b.userId, 'chatBan', checkShape(ban))
  const channels = [...new Set(b.data.flatMap((m) => (m.attempt && m.channel ? [m.channel] : [])))]
  const accusedIds = b.data.flatMap((m) => (m.attempt && m.accused && m.messageId ? [m.messageId] : []))
  // Only a citizens' ban clears the chat (chat.md: "удаление сообщения при бане гражданами"); an unfair-accusation ban does not.
  if (b.action === 'BAN' && channels.length)
    await removeRecent(ctx, tx, fx, { banId: ban.id, reasonId: b.reason.id, userId: b.userId, channels, accusedIds })
  return ban
}

/** peka2 /chat/message/remove with reason "ban" and data {banId, reasonId}, through chat's API. */
async function removeRecent(
  ctx: Context,
  tx: Tx,
  fx: Effects,
  r: { banId: number; reasonId: number; userId: number; channels: string[]; accusedIds: number[] },
) {
  const chat = chatApi(ctx)
  const ids = await chat.recentMessageIds(
    { authorId: r.userId, channels: r.channels, since: new Date(Date.now() - RECENT_MS), alsoIds: r.accusedIds },
    tx,
  )
  if (ids.length) await chat.remove(ids, 'ban', { banId: r.banId, reasonId: r.reasonId }, fx.inTransaction(tx))
}
