import { randomBytes, randomInt } from 'node:crypto'
import type { Context } from '../../context.js'
import { checkEmail, checkPassword } from './validation.js'
import { hashPassword } from '../../auth/passwords.js'
import { issueCode, consumeCode, linkCode } from '../codes.js'
import { revokeAllSessions } from '../../auth/sessions.js'
import { startSession } from './service.js'

const RESTORE_TTL_MINUTES = 60

/**
 * peka2 /api/user/forgot: mails a new password and a single-use code that sets it. Answers the same whether or not
 * the address exists, so it cannot be used to probe for accounts.
 */
export async function requestPasswordReset(ctx: Context, emailRaw: string) {
  const email = checkEmail(emailRaw)
  await ctx.services.limits.loginPerIp.consume(`forgot:${ctx.ip}`)
  const user = await ctx.prisma.user.findUnique({ where: { email } })
  if (!user || user.blocked) return true
  // Random letters plus a digit, so the mailed password passes the same rule a chosen one does.
  const newPassword = `${randomBytes(9).toString('base64url')}${randomInt(0, 10)}`
  const code = linkCode()
  await issueCode(ctx.prisma, ctx.config.sessionSecret, {
    purpose: 'restore',
    target: String(user.id),
    code,
    userId: user.id,
    payload: await hashPassword(newPassword),
    ttlMinutes: RESTORE_TTL_MINUTES,
  })
  await ctx.services.notifier.send({
    channel: 'email',
    to: email,
    purpose: 'restore',
    code,
    text: `Your new password: ${newPassword}\nIt takes effect when you open ${ctx.config.publicUrl}/restore?code=${code}`,
  })
  return true
}

/** peka2 /api/user/restore: the code sets the mailed password (or `newPassword` when given) and signs in. */
export async function resetPassword(ctx: Context, code: string, newPassword?: string | null) {
  if (newPassword != null) checkPassword(newPassword, 'newPassword')
  const row = await consumeCode(ctx.prisma, ctx.config.sessionSecret, 'restore', null, code)
  const passwordHash = newPassword != null ? await hashPassword(newPassword) : row.payload!
  await ctx.prisma.user.update({ where: { id: row.userId! }, data: { passwordHash } })
  // A reset is what one does after a compromise: every other session ends.
  await revokeAllSessions(ctx.prisma, row.userId!)
  return startSession(ctx, row.userId!)
}
