import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { requireRole } from './access.js'
import type { Tx } from './ledger/locks.js'

/** What staff changed by hand, with who and why: written in the same transaction as the change. */
export interface AuditInput {
  staffId: number
  action: string
  reason: string
  userId?: number | null
  purchaseId?: number | null
  subscriptionId?: number | null
  transactionId?: number | null
  before?: unknown
  after?: unknown
}

/** Views are plain JSON already; this only makes the compiler see it. */
const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue))

export function writeAudit(tx: Tx, a: AuditInput) {
  return tx.storeAudit.create({
    data: {
      staffId: a.staffId,
      action: a.action,
      reason: a.reason,
      userId: a.userId ?? null,
      purchaseId: a.purchaseId ?? null,
      subscriptionId: a.subscriptionId ?? null,
      transactionId: a.transactionId ?? null,
      before: json(a.before),
      after: json(a.after),
    },
  })
}

export interface AuditView {
  id: number
  staffId: number
  action: string
  reason: string
  userId: number | null
  purchaseId: number | null
  subscriptionId: number | null
  transactionId: number | null
  before: unknown
  after: unknown
  time: string
}

export interface AuditFilter {
  userId?: number | null
  staffId?: number | null
}

/** A page of the audit, newest first (store support). */
export async function auditPage(
  ctx: Context,
  filter: AuditFilter,
  page: { where: { id?: { lt?: number; gt?: number } }; orderBy: { id: 'asc' | 'desc' }; take: number },
): Promise<AuditView[]> {
  requireRole(ctx, 'storeSupport')
  const rows = await ctx.prisma.storeAudit.findMany({
    where: {
      ...page.where,
      ...(filter.userId != null ? { userId: filter.userId } : {}),
      ...(filter.staffId != null ? { staffId: filter.staffId } : {}),
    },
    orderBy: page.orderBy,
    take: page.take,
  })
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staffId,
    action: r.action,
    reason: r.reason,
    userId: r.userId,
    purchaseId: r.purchaseId,
    subscriptionId: r.subscriptionId,
    transactionId: r.transactionId,
    before: r.before,
    after: r.after,
    time: r.createdAt.toISOString(),
  }))
}
