import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { Effects } from './effects.js'
import { checkText, isModerator, signedIn } from './common.js'
import { chatApi } from './state.js'
import { idPage, type Page } from './paging.js'

export const COMPLAINT_STATUSES = ['open', 'resolved', 'rejected'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const MAX_COMPLAINT_TEXT = 1000

export interface ComplaintMessage {
  id: number
  channel: string
  fromId: number | null
  toId: number | null
  text: string
  type: string
  time: string
}
export type ComplaintRow = Prisma.ComplaintGetPayload<object>
export const complaintMessage = (c: ComplaintRow) => c.message as unknown as ComplaintMessage

/**
 * Reports a message with a comment (JustChat /complaints/new). The message is copied into the complaint, since it may
 * be edited or removed before a moderator looks. Reporting the same message twice returns the first report.
 */
export async function fileComplaint(ctx: Context, messageId: number, text: string | null | undefined) {
  const viewer = signedIn(ctx)
  const comment = checkText('text', text, MAX_COMPLAINT_TEXT)
  const chat = chatApi(ctx)
  const m = (await chat.messages([messageId])).at(0)
  const ch = m && !m.removed ? await chat.resolveChannel(ctx, m.channel).catch(() => null) : null
  // A message the caller cannot read is reported as missing: its existence is not theirs to learn.
  if (!m || !ch || !(await ch.kind.canRead(ctx, ch.parts)))
    throw new AppError('MESSAGE_NOT_FOUND', 'message: no such message', { field: 'message' })
  // Support conversations are anonymous: a complaint would show moderators who is in one.
  if (ch.kind.name === 'support')
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'message: support conversations cannot be reported', {
      field: 'message',
    })
  if (m.fromId === viewer.id)
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'message: you cannot report your own message', { field: 'message' })
  const key = { authorId_messageId: { authorId: viewer.id, messageId: m.id } }
  const existing = await ctx.prisma.complaint.findUnique({ where: key })
  if (existing) return existing
  const snapshot: ComplaintMessage = {
    id: m.id,
    channel: m.channel,
    fromId: m.fromId,
    toId: m.toId,
    text: m.text,
    type: m.type,
    time: m.createdAt.toISOString(),
  }
  const fx = new Effects()
  try {
    const row = await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.complaint.create({
        data: {
          authorId: viewer.id,
          messageId: m.id,
          channel: m.channel,
          accusedId: m.fromId,
          text: comment,
          message: snapshot as unknown as Prisma.InputJsonValue,
        },
      })
      await fx.audit(tx, {
        action: 'COMPLAINT_FILE',
        actorId: viewer.id,
        targetUserId: m.fromId,
        channel: m.channel,
        messageId: m.id,
        complaintId: row.id,
        data: { text: comment },
      })
      return row
    })
    await fx.flush(ctx)
    return row
  } catch (e) {
    // Two identical reports at once: the unique key lets one in, the other returns it.
    if ((e as { code?: string }).code === 'P2002') return ctx.prisma.complaint.findUniqueOrThrow({ where: key })
    throw e
  }
}

export interface ComplaintFilter {
  status?: ComplaintStatus | null
  channel?: string | null
  accusedId?: number | null
}

/** Site moderators see every complaint; a channel's moderators see that channel's (they must name it). */
export async function listComplaints(ctx: Context, f: ComplaintFilter, page: Page) {
  if (!isModerator(ctx.viewer)) {
    if (!f.channel)
      throw new AppError('INSUFFICIENT_PERMISSIONS', 'channel: name a channel you moderate', { field: 'channel' })
    const chat = chatApi(ctx)
    if (!(await chat.isChannelModerator(ctx, await chat.resolveChannel(ctx, f.channel))))
      throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: you do not moderate ${f.channel}`, { field: 'channel' })
  }
  const where: Prisma.ComplaintWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.accusedId ? { accusedId: f.accusedId } : {}),
  }
  const p = idPage(page)
  return ctx.prisma.complaint.findMany({ where: { AND: [where, p.where] }, orderBy: p.orderBy, take: p.take })
}

async function mayHandle(ctx: Context, c: ComplaintRow) {
  if (isModerator(ctx.viewer)) return true
  const chat = chatApi(ctx)
  const ch = await chat.resolveChannel(ctx, c.channel).catch(() => null)
  return !!ch && (await chat.isChannelModerator(ctx, ch))
}

export async function resolveComplaint(
  ctx: Context,
  id: number,
  status: ComplaintStatus,
  note: string | null | undefined,
) {
  if (status === 'open') throw invalid('status', 'must be resolved or rejected')
  const text = checkText('note', note, MAX_COMPLAINT_TEXT)
  const actorId = signedIn(ctx).id
  const c = await ctx.prisma.complaint.findUnique({ where: { id } })
  if (!c || !(await mayHandle(ctx, c)))
    throw new AppError('COMPLAINT_NOT_FOUND', 'id: no such complaint', { field: 'id' })
  const fx = new Effects()
  const row = await ctx.prisma.$transaction(async (tx) => {
    const won = await tx.complaint.updateMany({
      where: { id, status: 'open' },
      data: { status, note: text || null, resolvedById: actorId, resolvedAt: new Date() },
    })
    if (won.count !== 1) throw new AppError('CONFLICT', 'id: this complaint was already handled', { field: 'id' })
    await fx.audit(tx, {
      action: 'COMPLAINT_RESOLVE',
      actorId,
      targetUserId: c.accusedId,
      channel: c.channel,
      messageId: c.messageId,
      complaintId: id,
      data: { status, note: text || null },
    })
    return tx.complaint.findUniqueOrThrow({ where: { id } })
  })
  await fx.flush(ctx)
  return row
}

/** Relay node lookups: complaints are for those who may handle them, and for their author. */
export async function complaintsByIds(ctx: Context, ids: number[]) {
  const rows = await ctx.prisma.complaint.findMany({ where: { id: { in: ids } } })
  const out = []
  for (const id of ids) {
    const c = rows.find((r) => r.id === id)
    out.push(c && (c.authorId === ctx.viewer?.id || (ctx.viewer && (await mayHandle(ctx, c)))) ? c : null)
  }
  return out
}
