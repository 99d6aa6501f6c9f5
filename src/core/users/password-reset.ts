import { randomBytes, randomInt } from 'node:crypto'
import type { Context } from '../../context.js'
import { checkEmail, checkPassword } from './validation.js'
import { hashPassword } from '../../auth/passwords.js'
import { issueCode, checkCode, spendCode, linkCode, userOf } from '../codes.js'
import { announceRevoked, endAllSessions } from '../../auth/sessions.js'
import { enterSession, openSession } from './service.js'
import { TX_OPTIONS } from '../../db/client.js'

const RESTORE_TTL_MINUTES = 60

/** Every /api/user/forgot answer takes at least this long, so its timing cannot tell an existing address. */
export const FORGOT_MIN_MS = 200

/**
 * peka2 /api/user/forgot: mails a new password and a single-use code that sets it. Answers the same — and in the same
 * time — whether or not the address exists, so it cannot be used to probe for accounts: both paths look the address
 * up and hash a new password (an unknown address throws its hash away), the code is stored and the mail sent after
 * the answer, and no answer comes before FORGOT_MIN_MS.
 */
export async function requestPasswordReset(ctx: Context, emailRaw: string) {
  const started = performance.now()
  const email = checkEmail(emailRaw)
  await ctx.services.limits.loginPerIp.consume(`forgot:${ctx.ip}`)
  const user = await ctx.prisma.user.findUnique({ where: { email } })
  // Random letters plus a digit, so the mailed password passes the same rule a chosen one does.
  const newPassword = `${randomBytes(9).toString('base64url')}${randomInt(0, 10)}`
  const passwordHash = await hashPassword(newPassword)
  if (user && !user.blocked) {
    const userId = user.id
    void (async () => {
      const code = linkCode()
      await ctx.prisma.$transaction(
        (tx) =>
          issueCode(tx, ctx.config.sessionSecret, {
            purpose: 'restore',
            target: String(userId),
            code,
            userId,
            payload: passwordHash,
            ttlMinutes: RESTORE_TTL_MINUTES,
          }),
        TX_OPTIONS,
      )
      await ctx.services.notifier.send({
        channel: 'email',
        to: email,
        purpose: 'restore',
        code,
        text:
          `Your new password: ${newPassword}\n` +
          `It takes effect when you open ${ctx.config.publicUrl}/restore?code=${code}`,
      })
    })().catch((e: unknown) =>
      ctx.services.log.error('password reset: the restore mail was not sent', { userId, error: String(e) }),
    )
  }
  const wait = FORGOT_MIN_MS - (performance.now() - started)
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  return true
}

/** The hash of the password a restore code was mailed with (requestPasswordReset always stores one). */
function mailedPassword(row: { id: number; payload: string | null }): string {
  if (row.payload === null) throw new Error(`restore code ${row.id} holds no password`)
  return row.payload
}

/**
 * peka2 /api/user/restore: the code sets the mailed password (or `newPassword` when given) and signs in. All or
 * nothing: a spent code, a new password with the old sessions still alive would be the worst half of a reset.
 */
export async function resetPassword(ctx: Context, code: string, newPassword?: string | null) {
  if (newPassword != null) checkPassword(newPassword, 'newPassword')
  const row = await checkCode(ctx.prisma, ctx.config.sessionSecret, 'restore', null, code)
  const userId = userOf(row)
  const passwordHash = newPassword != null ? await hashPassword(newPassword) : mailedPassword(row)
  const { revoked, token } = await ctx.prisma.$transaction(async (tx) => {
    await spendCode(tx, row)
    await tx.user.update({ where: { id: userId }, data: { passwordHash } })
    // A reset is what one does after a compromise: every other session ends.
    const revoked = await endAllSessions(tx, userId)
    return { revoked, token: await openSession(ctx, tx, userId) }
  }, TX_OPTIONS)
  announceRevoked(ctx.pubsub, userId, revoked)
  return enterSession(ctx, userId, token)
}
