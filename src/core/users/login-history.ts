import type { Db, DbLike } from '../../db/client.js'

/**
 * One row per (user, ip, user agent): first and last access from it (peka2 /api/security/user). `db`: the sign-in's
 * transaction, with its session.
 */
export async function recordLogin(db: DbLike, userId: number, ip: string, userAgent: string) {
  const now = new Date()
  await db.loginHistory.upsert({
    where: { userId_ip_userAgent: { userId, ip, userAgent: userAgent.slice(0, 512) } },
    create: { userId, ip, userAgent: userAgent.slice(0, 512), firstAccess: now, lastAccess: now },
    update: { lastAccess: now },
  })
}

export const LOGIN_HISTORY_LIMIT = 10

export const loginHistory = (db: Db, userId: number) =>
  db.loginHistory.findMany({ where: { userId }, orderBy: { lastAccess: 'desc' }, take: LOGIN_HISTORY_LIMIT })
