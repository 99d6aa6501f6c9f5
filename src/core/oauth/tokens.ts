import type { Context } from '../../context.js'
import type { DbLike } from '../../db/client.js'
import { hashToken, newToken } from '../../auth/tokens.js'

/**
 * An OAuth access token: a session of the grant with the granted scopes, so logout, blocking, expiry and revocation
 * treat it as they treat every session (one lookup per request, live connections closed when it ends).
 */
export async function issueToken(
  ctx: Context,
  db: DbLike,
  t: { userId: number; grantId: number; scopes: readonly string[] },
) {
  const token = newToken()
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlDays * 86_400_000)
  const session = await db.session.create({
    data: {
      tokenHash: hashToken(ctx.config.sessionSecret, token),
      userId: t.userId,
      grantId: t.grantId,
      scopes: [...t.scopes],
      expiresAt,
      ip: ctx.ip,
      userAgent: ctx.userAgent.slice(0, 512),
    },
    select: { id: true },
  })
  return { token, sessionId: session.id, expiresAt }
}
