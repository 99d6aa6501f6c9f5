import type { Context } from '../../context.js'
import { AppError } from '../../errors.js'
import { revokeAllSessions } from '../../auth/sessions.js'

/**
 * Blocks or unblocks an account; a block revokes every session at once (and resolveViewer refuses blocked users), which
 * also closes the user's live sockets on every instance.
 */
export async function setBlocked(ctx: Context, userId: number, state: boolean) {
  const user = await ctx.prisma.user.findUnique({ where: { id: userId } })
  if (!user) throw new AppError('USER_NOT_FOUND', 'userId: no such user', { field: 'userId' })
  await ctx.prisma.user.update({ where: { id: userId }, data: { blocked: state } })
  if (state) await revokeAllSessions(ctx, userId)
  return true
}
