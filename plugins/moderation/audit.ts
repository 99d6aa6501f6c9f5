import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import type { DbLike } from './common.js'
import { AUDIT_KEY, type AuditEntryView } from './topics.js'

export const AUDIT_ACTIONS = [
  'ACCUSE',
  'BAN',
  'BAN_UNDO',
  'BAN_UNFAIR',
  'BLOCK',
  'UNBLOCK',
  'CHANNEL_KICK',
  'CHANNEL_SILENCE',
  'CHANNEL_BAN',
  'CHANNEL_LIFT',
  'CHANNEL_MODERATOR_ADD',
  'CHANNEL_MODERATOR_REMOVE',
  'COMPLAINT_FILE',
  'COMPLAINT_RESOLVE',
  'SUPPORT_BAN',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditInput {
  action: AuditAction
  actorId?: number | null
  targetUserId?: number | null
  reasonId?: number | null
  channel?: string | null
  banId?: number | null
  complaintId?: number | null
  ticketId?: number | null
  messageId?: number | null
  data?: Record<string, unknown>
}

type AuditRow = Prisma.ModerationAuditGetPayload<object>

/** Written in the same transaction as the action it records: an action without its audit entry cannot commit. */
export function writeAudit(db: DbLike, e: AuditInput) {
  return db.moderationAudit.create({ data: { ...e, data: (e.data ?? {}) as Prisma.InputJsonValue } })
}

const SUPPORT_PREFIX = 'support/'
const supportTicketOf = (channel: string | null) =>
  channel?.startsWith(SUPPORT_PREFIX) ? Number(channel.slice(SUPPORT_PREFIX.length)) : null

/**
 * Support conversations are anonymous, to moderators too. No action records one any more (accusations, complaints and
 * channel sanctions refuse support messages), but an entry written before that rule would name the asker: such entries
 * are shown without their channel, message and target, and without their actor when the actor is the asker. Applied to
 * every way out of the log (query, node lookup, live feed), which all go through auditViews.
 */
async function redactSupport(db: DbLike, rows: AuditRow[]): Promise<AuditRow[]> {
  const tickets = [
    ...new Set(
      rows.map((r) => supportTicketOf(r.channel)).filter((x): x is number => x !== null && Number.isSafeInteger(x)),
    ),
  ]
  if (!tickets.length) return rows
  const askers = new Map(
    (await db.supportTicket.findMany({ where: { id: { in: tickets } }, select: { id: true, userId: true } })).map(
      (t) => [t.id, t.userId],
    ),
  )
  return rows.map((r) => {
    const ticket = supportTicketOf(r.channel)
    if (ticket === null) return r
    const asker = askers.get(ticket)
    // An unknown ticket: nobody can tell who the asker was, so the actor goes too.
    const actorId = asker !== undefined && r.actorId !== asker ? r.actorId : null
    return { ...r, channel: null, messageId: null, targetUserId: null, actorId }
  })
}

/** Entries that may belong to a support conversation never match a filter on a person or a channel (see redactSupport). */
const NOT_SUPPORT: Prisma.ModerationAuditWhereInput = {
  OR: [{ channel: null }, { NOT: { channel: { startsWith: SUPPORT_PREFIX } } }],
}

/** Rows → views, with actor and target names loaded in one query. */
export async function auditViews(db: DbLike, stored: AuditRow[]): Promise<AuditEntryView[]> {
  const rows = await redactSupport(db, stored)
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.targetUserId]).filter((x): x is number => x != null))]
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : []
  const name = (id: number | null) => (id == null ? null : (users.find((u) => u.id === id)?.name ?? null))
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorId: r.actorId,
    actorName: name(r.actorId),
    targetUserId: r.targetUserId,
    targetName: name(r.targetUserId),
    reasonId: r.reasonId,
    channel: r.channel,
    banId: r.banId,
    complaintId: r.complaintId,
    ticketId: r.ticketId,
    messageId: r.messageId,
    data: r.data,
    time: r.createdAt.toISOString(),
  }))
}

export async function publishAudit(ctx: Pick<Context, 'prisma' | 'pubsub'>, rows: AuditRow[]) {
  if (!rows.length) return
  for (const v of await auditViews(ctx.prisma, rows)) ctx.pubsub.publish('moderation.audit', AUDIT_KEY, v)
}

export interface AuditFilter {
  action?: string | null
  actorId?: number | null
  targetUserId?: number | null
  channel?: string | null
  from?: Date | null
  to?: Date | null
}

export function auditWhere(f: AuditFilter): Prisma.ModerationAuditWhereInput {
  return {
    ...(f.actorId || f.targetUserId || f.channel ? { AND: [NOT_SUPPORT] } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.targetUserId ? { targetUserId: f.targetUserId } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  }
}
