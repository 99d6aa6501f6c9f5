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

/** One sign-in (a session opened), with the first and last sign-in from its address. */
export interface SignIn {
  ip: string
  userAgent: string
  at: Date
  firstAccess: Date
  lastAccess: Date
}

/**
 * The account's last LOGIN_HISTORY_LIMIT sign-ins (peka2 /api/security/user): every sign-in opens a session
 * (openSession), so they are its newest sessions but OAuth access tokens (a grant's, not a sign-in); the first and last
 * access per address come from the login records.
 */
export async function recentSignIns(db: Db, userId: number): Promise<SignIn[]> {
  const sessions = await db.session.findMany({
    where: { userId, grantId: null },
    orderBy: { id: 'desc' },
    take: LOGIN_HISTORY_LIMIT,
    select: { ip: true, userAgent: true, createdAt: true },
  })
  const ips = [...new Set(sessions.map((s) => s.ip ?? ''))]
  const spans = await db.loginHistory.groupBy({
    by: ['ip'],
    where: { userId, ip: { in: ips } },
    _min: { firstAccess: true },
    _max: { lastAccess: true },
  })
  const span = new Map(spans.map((g) => [g.ip, g]))
  return sessions.map((s) => {
    const ip = s.ip ?? ''
    const g = span.get(ip)
    return {
      ip,
      userAgent: s.userAgent ?? '',
      at: s.createdAt,
      firstAccess: g?._min.firstAccess ?? s.createdAt,
      lastAccess: g?._max.lastAccess ?? s.createdAt,
    }
  })
}
