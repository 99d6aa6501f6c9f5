import type { Context, Viewer } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import type { DbLike } from './common.js'

/** peka2 /api/moderation/reasons content types. */
export const BAN_CONTENTS = ['chat', 'moderation'] as const
/** The reason undo gives every voter of a cancelled ban ("несправедливо обвинил другого"). */
export const UNFAIR_REASON = 'unfair'

export interface ReasonView {
  id: number
  code: string
  name: string
  content: string
  durationSeconds: number
  minRole: string
}

const SELECT = { id: true, code: true, name: true, content: true, durationSeconds: true, minRole: true } as const

export async function listReasons(ctx: Context, content: string | null | undefined): Promise<ReasonView[]> {
  if (content != null && !(BAN_CONTENTS as readonly string[]).includes(content))
    throw invalid('content', `must be one of ${BAN_CONTENTS.join(', ')}`)
  return ctx.prisma.banReason.findMany({ where: content ? { content } : {}, orderBy: { id: 'asc' }, select: SELECT })
}

export async function reasonOrThrow(db: DbLike, id: unknown, field = 'reasonId'): Promise<ReasonView> {
  if (!Number.isInteger(id) || (id as number) < 1) throw invalid(field, 'must be a reason id')
  const r = await db.banReason.findUnique({ where: { id: id as number }, select: SELECT })
  if (!r) throw new AppError('BAN_REASON_NOT_FOUND', `${field}: no such ban reason`, { field })
  return r
}

export async function unfairReason(db: DbLike): Promise<ReasonView> {
  return db.banReason.findUniqueOrThrow({ where: { code: UNFAIR_REASON }, select: SELECT })
}

/** "citizen" reasons are open to every citizen, "moderator" ones to moderators; "system" ones only the server gives. */
export function mayAccuseWith(reason: ReasonView, viewer: Viewer) {
  if (reason.minRole === 'citizen') return true
  if (reason.minRole === 'moderator') return viewer.roles.moderator > 0
  return false
}

/** The reason as a ban's frozen data shows it (peka2's reason object). */
export const reasonSnapshot = (r: ReasonView) => ({ id: r.id, name: r.name, content: r.content })
