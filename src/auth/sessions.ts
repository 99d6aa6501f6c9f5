import type { Db } from '../db/client.js'
import type { Viewer } from '../context.js'
import { hashToken, newToken } from './tokens.js'
import { rolesFromRows } from './roles.js'

export interface SessionMeta {
  ip?: string
  userAgent?: string
}

export async function createSession(db: Db, secret: string, userId: number, ttlDays: number, meta: SessionMeta = {}) {
  const token = newToken()
  const session = await db.session.create({
    data: {
      tokenHash: hashToken(secret, token),
      userId,
      expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512),
    },
  })
  return { token, session }
}

/**
 * Token → viewer, checked on every request (one indexed query) so that logout and blocking take effect at once.
 */
export async function resolveViewer(db: Db, secret: string, token: string): Promise<Viewer | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(secret, token) },
    select: { id: true, expiresAt: true, revokedAt: true, user: { select: { id: true, name: true, blocked: true, roles: true } } },
  })
  if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now() || session.user.blocked) return null
  return { id: session.user.id, name: session.user.name, sessionId: session.id, roles: rolesFromRows(session.user.roles) }
}

export async function revokeToken(db: Db, secret: string, token: string) {
  await db.session.updateMany({ where: { tokenHash: hashToken(secret, token), revokedAt: null }, data: { revokedAt: new Date() } })
}

export async function revokeAllSessions(db: Db, userId: number) {
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })
}
