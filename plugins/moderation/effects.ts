import type { Context } from '../../src/context.js'
import { notify } from '../../src/core/notifications/notify.js'
import { publishAudit, writeAudit, type AuditInput } from './audit.js'
import type { InTransaction } from '../chat/public.js'
import type { DbLike, Tx } from './common.js'

/**
 * What an action announces: audit events, notifications, the events of chat's writes (removals, service messages —
 * written in the action's transaction, see inTransaction) and of core's (block, role change). Collected while the
 * transaction runs and released only after it commits, so nobody hears of an action that rolled back (and, on PGlite,
 * nothing outside the transaction runs while it holds the only connection).
 */
export class Effects {
  private audits: Awaited<ReturnType<typeof writeAudit>>[] = []
  private later: (() => unknown)[] = []
  private notices: { userId: number; type: string; data: Record<string, unknown> }[] = []

  async audit(db: DbLike, e: AuditInput) {
    this.audits.push(await writeAudit(db, e))
  }

  /** A notification to the affected user, and a copy (with userId) to every moderator. */
  notice(userId: number, type: string, data: Record<string, unknown>) {
    this.notices.push({ userId, type, data })
  }

  after(fn: () => unknown) {
    this.later.push(fn)
  }

  /** `tx` for chat's writes (removals, service messages): their events join the others released after the commit. */
  inTransaction(tx: Tx): InTransaction {
    return { tx, afterCommit: (publish) => this.after(publish) }
  }

  async flush(ctx: Context) {
    for (const fn of this.later) {
      // The action has committed: a failing side effect is logged, not turned into a failed request.
      try {
        await fn()
      } catch (e) {
        ctx.services.log.error('moderation side effect failed', {
          error: String(e),
          stack: e instanceof Error ? e.stack : undefined,
        })
      }
    }
    if (this.notices.length) {
      const mods = await moderatorIds(ctx)
      for (const n of this.notices) {
        notify(ctx.pubsub, n.userId, n.type, n.data)
        for (const m of mods) if (m !== n.userId) notify(ctx.pubsub, m, n.type, { ...n.data, userId: n.userId })
      }
    }
    await publishAudit(ctx, this.audits)
  }
}

async function moderatorIds(ctx: Context) {
  const rows = await ctx.prisma.userRole.findMany({
    where: { role: 'moderator', value: { gt: 0 } },
    select: { userId: true },
  })
  return rows.map((r) => r.userId)
}
