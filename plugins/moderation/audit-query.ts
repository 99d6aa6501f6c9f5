import type { Context } from '../../src/context.js'
import { auditViews, auditWhere, type AuditFilter } from './audit.js'
import { isModerator } from './common.js'
import { idPage, type Page } from './paging.js'

/** The audit log, newest first, for moderators. */
export async function auditPage(ctx: Context, f: AuditFilter, page: Page) {
  const p = idPage(page)
  const rows = await ctx.prisma.moderationAudit.findMany({
    where: { AND: [auditWhere(f), p.where] },
    orderBy: p.orderBy,
    take: p.take,
  })
  return auditViews(ctx.prisma, rows)
}

export async function auditByIds(ctx: Context, ids: number[]) {
  if (!isModerator(ctx.viewer)) return ids.map(() => null)
  const views = await auditViews(ctx.prisma, await ctx.prisma.moderationAudit.findMany({ where: { id: { in: ids } } }))
  return ids.map((id) => views.find((v) => v.id === id) ?? null)
}
