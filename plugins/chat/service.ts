import type { Context } from '../../src/context.js'
import type { Services } from '../../src/services.js'
import type { Limiter } from '../../src/http/rate-limit.js'
import { AppError, invalid } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { attachableFiles } from '../../src/uploads/files.js'
import type { DropReason, InTransaction, PublishRefusal } from './public.js'
import {
  resolveChannel,
  readableChannel,
  isChannelModerator,
  presentMessage,
  channelOf,
  type ResolvedChannel,
} from './channels.js'
import { chatOf } from './state.js'
import { isHiddenFor } from './hidden.js'
import { MESSAGE_SELECT, toView, summarize, userView } from './render.js'
import { emit } from './events.js'
import { checkTextRules } from './extensions.js'
import { signedIn } from './viewer.js'

export const MAX_TEXT = 2000
export const MAX_PINS = 50
export const MAX_EMOJI = 20
export const EVENTS_PER_MINUTE = 60
export const TYPING_SECONDS = 5
export const MESSAGE_TYPES = ['message', 'system', 'donate', 'fastdonate', 'announce'] as const
/** Types a channel's moderators may send besides `message`; the others (donations) come from the server itself. */
const STAFF_TYPES = new Set(['system', 'announce'])

export interface PublishInput {
  channel: string
  text: string
  type?: string | null
  toId?: number | null
  replyToId?: number | null
  /** ids of files the author uploaded (the core's uploads), at most 10 */
  attachments?: string[] | null
}

export type PublishResult =
  | { isSent: true; message: ReturnType<typeof toView> }
  | { isSent: false; dropReason: DropReason; dropMessage: string; retryAfter: number | null }

const dropped = (reason: DropReason, message: string, retryAfter: number | null = null): PublishResult => ({
  isSent: false,
  dropReason: reason,
  dropMessage: message,
  retryAfter,
})

/** The 60-events-a-minute budget of messenger-api.md's WebSocket limit, shared by publish, edit, react and typing. */
export const eventLimiter = (services: Services): Limiter => services.limits.make('chat-events', EVENTS_PER_MINUTE, 60)

function slowModeLimiter(ctx: Context, seconds: number): Limiter {
  const limiters = chatOf(ctx).slowMode
  let l = limiters.get(seconds)
  if (!l) limiters.set(seconds, (l = ctx.services.limits.make(`chat-slow-${seconds}`, 1, seconds)))
  return l
}

/** The seconds a limiter's refusal asks to wait (`fallback` when it names none). */
const retryAfterOf = (e: AppError, fallback: number) => {
  const after = e.extensions.retryAfter
  return typeof after === 'number' ? after : fallback
}

async function spendEvent(ctx: Context): Promise<number | null> {
  try {
    await chatOf(ctx).events.consume(String(signedIn(ctx).id))
    return null
  } catch (e) {
    if (e instanceof AppError && e.code === 'RATE_LIMIT_EXCEEDED') return retryAfterOf(e, 60)
    throw e
  }
}

function checkText(text: string) {
  if (typeof text !== 'string' || text.trim().length === 0) throw invalid('text', 'must not be empty')
  if (text.length > MAX_TEXT) throw invalid('text', `must be at most ${MAX_TEXT} characters (got ${text.length})`)
}

/** The first publish guard other plugins registered (bans, silences, kicks …) that refuses this viewer in the channel. */
async function guardRefusal(ctx: Context, channel: ResolvedChannel): Promise<PublishRefusal | null> {
  for (const guard of chatOf(ctx).guards) {
    const refusal = await guard(ctx, channel.id, signedIn(ctx).id)
    if (refusal) return refusal
  }
  return null
}

/**
 * Every other write into a channel (edit, reaction, typing, pin) is held by the same guards as publish: a banned or
 * silenced user cannot turn an old message into new text or talk through reactions and typing. These have no drop
 * result to carry the refusal, so it is an error with the drop reason and, when known, retryAfter.
 */
async function assertNotGuarded(ctx: Context, channel: ResolvedChannel) {
  const refusal = await guardRefusal(ctx, channel)
  if (!refusal) return
  const code =
    refusal.reason === 'RATE_LIMITED' || refusal.reason === 'SLOW_MODE'
      ? 'TOO_MANY_MESSAGES'
      : 'INSUFFICIENT_PERMISSIONS'
  throw new AppError(code, refusal.message, {
    dropReason: refusal.reason,
    ...(refusal.retryAfterSeconds != null ? { retryAfter: refusal.retryAfterSeconds } : {}),
  })
}

/**
 * Publishes a message. Input errors throw; flow control (slow mode, rate limit, sanctions) answers with a typed
 * refusal, as Twitch's is_sent/drop_reason does, so clients can show it next to the input box.
 */
export async function publish(ctx: Context, input: PublishInput): Promise<PublishResult> {
  const viewer = signedIn(ctx)
  const channel = await resolveChannel(ctx, input.channel)
  const files = input.attachments?.length ? await attachableFiles(ctx.prisma, viewer.id, input.attachments) : []
  // a message of files alone may have no text (the messenger's uploads), never more than MAX_TEXT
  if (files.length === 0 || input.text.length > 0) checkText(input.text)
  const type = input.type ?? 'message'
  if (!(MESSAGE_TYPES as readonly string[]).includes(type))
    throw invalid('type', `must be one of ${MESSAGE_TYPES.join(', ')}`)
  const isMod = await isChannelModerator(ctx, channel)
  if (type !== 'message' && !(STAFF_TYPES.has(type) && isMod))
    throw new AppError('INSUFFICIENT_PERMISSIONS', `type: only the server or moderators send ${type} messages`, {
      field: 'type',
    })
  if (!(await channel.kind.canRead(ctx, channel.parts)) || !(await channel.kind.canWrite(ctx, channel.parts))) {
    throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: you may not write to ${channel.id}`, { field: 'channel' })
  }
  // other plugins' rules of what a text may hold (smiles the author may not use …)
  await checkTextRules(ctx, channel.id, input.text)
  if (input.toId != null && !(await ctx.prisma.user.findUnique({ where: { id: input.toId }, select: { id: true } })))
    throw new AppError('USER_NOT_FOUND', 'to: no such user', { field: 'to' })
  if (input.replyToId != null) {
    const parent = await ctx.prisma.chatMessage.findUnique({
      where: { id: input.replyToId },
      select: { channel: true, deletedAt: true },
    })
    if (parent?.channel !== channel.id || parent.deletedAt)
      throw new AppError('MESSAGE_NOT_FOUND', 'replyTo: no such message in this channel', { field: 'replyTo' })
  }
  const refusal = await guardRefusal(ctx, channel)
  if (refusal) return dropped(refusal.reason, refusal.message, refusal.retryAfterSeconds ?? null)
  const retry = await spendEvent(ctx)
  if (retry !== null) return dropped('RATE_LIMITED', `At most ${EVENTS_PER_MINUTE} chat events a minute`, retry)
  if (!isMod) {
    const slow = await ctx.prisma.chatChannelSettings.findUnique({ where: { channel: channel.id } })
    if (slow && slow.slowModeSeconds > 0) {
      try {
        await slowModeLimiter(ctx, slow.slowModeSeconds).consume(`${channel.id}:${viewer.id}`)
      } catch (e) {
        if (e instanceof AppError && e.code === 'RATE_LIMIT_EXCEEDED')
          return dropped(
            'SLOW_MODE',
            `Slow mode: one message every ${slow.slowModeSeconds} s`,
            retryAfterOf(e, slow.slowModeSeconds),
          )
        throw e
      }
    }
  }
  const row = await ctx.prisma.chatMessage.create({
    data: {
      channel: channel.id,
      fromId: viewer.id,
      toId: input.toId ?? null,
      text: input.text,
      type,
      replyToId: input.replyToId ?? null,
      attachments: files as unknown as Prisma.InputJsonArray,
    },
    select: MESSAGE_SELECT,
  })
  const message = toView(row)
  await channel.kind.published?.(ctx, channel.parts, message)
  emit(ctx.pubsub, channel, { kind: 'added', channel: channel.id, message })
  return { isSent: true, message: presentMessage(viewer, channel, message) }
}

async function loadMessage(ctx: Context, id: number) {
  const m = await ctx.prisma.chatMessage.findUnique({
    where: { id },
    select: { ...MESSAGE_SELECT, fromId: true, deletedAt: true },
  })
  if (!m || m.deletedAt) throw new AppError('MESSAGE_NOT_FOUND', 'id: no such message', { field: 'id' })
  const channel = await readableChannel(ctx, m.channel)
  if (await isHiddenFor(ctx, channel, id))
    throw new AppError('MESSAGE_NOT_FOUND', 'id: no such message', { field: 'id' })
  return { m, channel }
}

export async function edit(ctx: Context, id: number, text: string) {
  checkText(text)
  const { m, channel } = await loadMessage(ctx, id)
  if (m.fromId !== signedIn(ctx).id)
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'id: only the author edits a message', { field: 'id' })
  const window = channel.kind.editWindowSeconds
  if (window !== undefined && Date.now() - m.createdAt.getTime() > window * 1000)
    throw new AppError('INSUFFICIENT_PERMISSIONS', `id: a message here may be edited for ${window} s after sending`, {
      field: 'id',
    })
  await checkTextRules(ctx, channel.id, text)
  await assertNotGuarded(ctx, channel)
  const retry = await spendEvent(ctx)
  if (retry !== null)
    throw new AppError('TOO_MANY_MESSAGES', `At most ${EVENTS_PER_MINUTE} chat events a minute`, { retryAfter: retry })
  const row = await ctx.prisma.chatMessage.update({
    where: { id },
    data: { text, editedAt: new Date() },
    select: MESSAGE_SELECT,
  })
  const message = toView(row)
  emit(ctx.pubsub, channel, { kind: 'edited', channel: channel.id, message })
  return presentMessage(ctx.viewer, channel, message)
}

/** Removes a message (soft): its author, or a moderator of the channel, with a reason and its data (peka2 /chat/message/remove). */
export async function remove(ctx: Context, id: number, reason: string | null | undefined, data: unknown) {
  const { m, channel } = await loadMessage(ctx, id)
  const own = m.fromId === signedIn(ctx).id
  if (!own && !(await isChannelModerator(ctx, channel)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'id: only the author or a channel moderator removes a message', {
      field: 'id',
    })
  const given = reason?.trim() ?? ''
  const why = given || (own ? 'author' : 'moderator')
  if (why.length > 64) throw invalid('reason', 'must be at most 64 characters')
  // peka2's `data` is an object whose fields depend on the reason (ban: banId, reasonId); keep it small
  if (data != null && (typeof data !== 'object' || Array.isArray(data))) throw invalid('data', 'must be an object')
  if (data != null && JSON.stringify(data).length > 2000)
    throw invalid('data', 'must be at most 2,000 characters of JSON')
  await removeMessages(ctx.services, [id], why, data ?? {})
  return true
}

/**
 * Removes messages (soft): one update, one event per message. Also what other plugins call (chat API `remove`), then
 * maybe in their transaction (`inTx`), whose commit releases the events.
 */
export async function removeMessages(
  services: Services,
  ids: number[],
  reason: string,
  data: unknown,
  inTx?: InTransaction,
) {
  const db = inTx?.tx ?? services.prisma
  const rows = await db.chatMessage.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { id: true, channel: true, fromId: true },
  })
  if (!rows.length) return
  await db.chatMessage.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { deletedAt: new Date(), deleteReason: reason, deleteData: data ?? {} },
  })
  const publish = () => {
    for (const r of rows) {
      const channel = channelOf(services, r.channel)
      if (channel)
        emit(services.pubsub, channel, {
          kind: 'removed',
          channel: r.channel,
          id: r.id,
          reason,
          data: data ?? {},
          authorId: r.fromId,
        })
    }
  }
  if (inTx) inTx.afterCommit(publish)
  else publish()
}

export async function setPinned(ctx: Context, id: number, pinned: boolean) {
  const { m, channel } = await loadMessage(ctx, id)
  if (!(await isChannelModerator(ctx, channel)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'id: only channel moderators pin messages', { field: 'id' })
  // Pinning puts a message in front of everyone: a moderator who may not write here may not pin either (unpinning,
  // which only takes something down, stays open, as removing does).
  if (pinned) await assertNotGuarded(ctx, channel)
  const row = await ctx.prisma.$transaction(async (tx) => {
    if (pinned && !m.pinnedAt) {
      // Serialise pins of one channel (a transaction-scoped advisory lock on its name): two moderators pinning the
      // 50th message at once cannot both get in.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`chat-pins:${channel.id}`}))`
      const count = await tx.chatMessage.count({
        where: { channel: channel.id, pinnedAt: { not: null }, deletedAt: null },
      })
      if (count >= MAX_PINS)
        throw new AppError('CONFLICT', `A channel holds at most ${MAX_PINS} pinned messages`, { field: 'id' })
    }
    return tx.chatMessage.update({
      where: { id },
      data: { pinnedAt: pinned ? (m.pinnedAt ?? new Date()) : null, pinnedById: pinned ? signedIn(ctx).id : null },
      select: MESSAGE_SELECT,
    })
  })
  const message = toView(row)
  emit(ctx.pubsub, channel, { kind: 'pin', channel: channel.id, message, pinned })
  return presentMessage(ctx.viewer, channel, message)
}

const EMOJI = /^[^\s]{1,32}$/u

export async function react(ctx: Context, id: number, emoji: string, add: boolean) {
  if (!EMOJI.test(emoji)) throw invalid('emoji', 'must be 1–32 characters without spaces')
  const { channel } = await loadMessage(ctx, id)
  const userId = signedIn(ctx).id
  // Adding a reaction speaks in the channel; taking one's own back does not (as removing one's own message).
  if (add) await assertNotGuarded(ctx, channel)
  const retry = await spendEvent(ctx)
  if (retry !== null)
    throw new AppError('TOO_MANY_MESSAGES', `At most ${EVENTS_PER_MINUTE} chat events a minute`, { retryAfter: retry })
  const reactions = await ctx.prisma.$transaction(async (tx) => {
    if (add) {
      // Lock the message row: concurrent first reactions cannot together pass the 20-emoji limit.
      await tx.$queryRaw`SELECT id FROM "ChatMessage" WHERE id = ${id} FOR UPDATE`
      const distinct = await tx.chatReaction.findMany({
        where: { messageId: id },
        distinct: ['emoji'],
        select: { emoji: true },
      })
      if (!distinct.some((d) => d.emoji === emoji) && distinct.length >= MAX_EMOJI)
        throw new AppError('CONFLICT', `emoji: a message holds at most ${MAX_EMOJI} different reactions`, {
          field: 'emoji',
        })
      // One reaction per user per emoji: adding twice is a no-op.
      await tx.chatReaction.upsert({
        where: { messageId_userId_emoji: { messageId: id, userId, emoji } },
        create: { messageId: id, userId, emoji },
        update: {},
      })
    } else {
      await tx.chatReaction.deleteMany({ where: { messageId: id, userId, emoji } })
    }
    return tx.chatReaction.findMany({
      where: { messageId: id },
      select: { emoji: true },
      orderBy: { createdAt: 'asc' },
    })
  })
  const summary = summarize(reactions)
  const me = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, settings: true },
  })
  emit(ctx.pubsub, channel, {
    kind: 'reactions',
    channel: channel.id,
    id,
    reactions: summary,
    user: userView(me),
    emoji,
    added: add,
  })
  return summary
}

/**
 * Typing is ephemeral: published with an expiry, never stored. `stopped` announces the end (the messenger's
 * stop_typing): an event that expires at once.
 */
export async function typing(ctx: Context, channelId: string, stopped = false) {
  const channel = await resolveChannel(ctx, channelId)
  if (!(await channel.kind.canWrite(ctx, channel.parts)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: you may not write to ${channel.id}`, { field: 'channel' })
  await assertNotGuarded(ctx, channel)
  const retry = await spendEvent(ctx)
  if (retry !== null)
    throw new AppError('TOO_MANY_MESSAGES', `At most ${EVENTS_PER_MINUTE} chat events a minute`, { retryAfter: retry })
  const me = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: signedIn(ctx).id },
    select: { id: true, name: true, settings: true },
  })
  const expiresAt = new Date(Date.now() + (stopped ? 0 : TYPING_SECONDS * 1000)).toISOString()
  emit(ctx.pubsub, channel, { kind: 'typing', channel: channel.id, user: userView(me), expiresAt })
  return expiresAt
}

export async function setSlowMode(ctx: Context, channelId: string, seconds: number) {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600)
    throw invalid('seconds', 'must be an integer from 0 to 3600')
  const channel = await resolveChannel(ctx, channelId)
  if (!(await isChannelModerator(ctx, channel)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'channel: only channel moderators set slow mode', {
      field: 'channel',
    })
  await ctx.prisma.chatChannelSettings.upsert({
    where: { channel: channel.id },
    create: { channel: channel.id, slowModeSeconds: seconds },
    update: { slowModeSeconds: seconds },
  })
  emit(ctx.pubsub, channel, { kind: 'slowMode', channel: channel.id, seconds })
  return seconds
}
