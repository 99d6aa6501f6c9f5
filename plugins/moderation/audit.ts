import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import type { DbLike } from './common.js'
import { AUDIT_KEY, type AuditEntryView } from './topics.js'

export const AUDIT_ACTIONS = [
  'ACCUSE', 'BAN', 'BAN_UNDO', 'BAN_UNFAIR', 'BLOCK', 'UNBLOCK',
  'CHANNEL_KICK', 'CHANNEL_SILENCE', 'CHANNEL_BAN', 'CHANNEL_LIFT', 'CHANNEL_MODERATOR_ADD', 'CHANNEL_MODERATOR_REMOVE',
  'COMPLAINT_FILE', 'COMPLAINT_RESOLVE', 'SUPPORT_BAN',
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

/** Rows → views, with actor and target names loaded in one query. */
export async function auditViews(db: DbLike, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.targetUserId]).filter((x): x is number => x != null))]
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []
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
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.targetUserId ? { targetUserId: f.targetUserId } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  }
}
