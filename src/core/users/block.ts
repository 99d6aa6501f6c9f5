import type { Context } from '../../context.js'
import type { Prisma } from '../../generated/prisma/client.js'
import { AppError } from '../../errors.js'
import { TX_OPTIONS } from '../../db/client.js'
import { announceRevoked, endAllSessions } from '../../auth/sessions.js'

/**
 * Blocks or unblocks an account; a block revokes every session at once (and resolveViewer refuses blocked users), which
 * also closes the user's live sockets on every instance. The flag and the revocation commit together.
 */
export async function setBlocked(ctx: Context, userId: number, state: boolean) {
  const revoked = await ctx.prisma.$transaction((tx) => writeBlocked(tx, userId, state), TX_OPTIONS)
  announceRevoked(ctx.pubsub, userId, revoked)
  return true
}

/**
 * setBlocked's writes in the caller's transaction (a plugin adds its own rows to it); returns the revoked
 * sessions, to announce (announceRevoked) once that transaction committed.
 */
export async function writeBlocked(tx: Prisma.TransactionClient, userId: number, state: boolean): Promise<number[]> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } })
  if (!user) throw new AppError('USER_NOT_FOUND', 'userId: no such user', { field: 'userId' })
  await tx.user.update({ where: { id: userId }, data: { blocked: state } })
  return state ? endAllSessions(tx, userId) : []
}
