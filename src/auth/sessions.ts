import type { Db, DbLike } from '../db/client.js'
import type { Viewer } from '../context.js'
import { hashToken, newToken } from './tokens.js'
import { rolesFromRows } from './roles.js'
import { rolesInScope, scopesInForce } from '../core/oauth/scopes.js'
import type { AppPubSub } from '../pubsub/index.js'
import { SESSION_EVENTS_KEY } from '../pubsub/topics.js'

export interface SessionMeta {
  ip?: string
  userAgent?: string
}

/** `db`: the client, or the caller's transaction (a sign-in's session and login record commit together). */
export async function createSession(
  db: DbLike,
  secret: string,
  userId: number,
  ttlDays: number,
  meta: SessionMeta = {},
) {
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
 * Token → viewer, checked on every request (one indexed query) so that logout and blocking take effect at once. An
 * OAuth access token is a session with a grant: its viewer carries the scopes in force and roles cut to them.
 */
export async function resolveViewer(db: Db, secret: string, token: string): Promise<Viewer | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(secret, token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      scopes: true,
      grant: { select: { appId: true, app: { select: { approved: true } } } },
      user: { select: { id: true, name: true, blocked: true, roles: true } },
    },
  })
  if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now() || session.user.blocked) return null
  const roles = rolesFromRows(session.user.roles)
  const viewer: Viewer = { id: session.user.id, name: session.user.name, sessionId: session.id, roles }
  if (!session.grant) return viewer
  const scopes = scopesInForce(session.scopes, session.grant.app.approved)
  return { ...viewer, roles: rolesInScope(roles, scopes), oauth: { appId: session.grant.appId, scopes } }
}

/** What revoking needs: the database, and the pub/sub that tells every instance to close the session's live sockets. */
export interface RevokeDeps {
  prisma: Db
  pubsub: AppPubSub
}

/**
 * When a session may still be used: its expiry, or null when it is revoked, expired or its user blocked. A live
 * connection checks it after it started listening for revocations, so one that landed in between is not missed.
 */
export async function sessionExpiry(db: Db, sessionId: number): Promise<Date | null> {
  const s = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, revokedAt: true, user: { select: { blocked: true } } },
  })
  if (!s || s.revokedAt || s.expiresAt.getTime() <= Date.now() || s.user.blocked) return null
  return s.expiresAt
}

/**
 * Ends one session (logout). Requests with its token become a guest's at once; its live sockets, on every instance,
 * close with 4401.
 */
export async function revokeSession(deps: RevokeDeps, userId: number, sessionId: number) {
  const { count } = await deps.prisma.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count)
    deps.pubsub.publish('core.session', SESSION_EVENTS_KEY, { kind: 'revoked', userId, sessionIds: [sessionId] })
}

/** Ends every session of a user (block, password reset); their live sockets close with 4401. */
export async function revokeAllSessions(deps: RevokeDeps, userId: number) {
  announceRevoked(deps.pubsub, userId, await endAllSessions(deps.prisma, userId))
}

/**
 * revokeAllSessions' write alone, in `db` — the caller's transaction when the revocation is part of a larger change
 * (block, password reset). Returns the sessions to announce (announceRevoked) once that transaction committed.
 */
export async function endAllSessions(db: DbLike, userId: number): Promise<number[]> {
  const now = new Date()
  const ended = await db.session.updateManyAndReturn({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
    select: { id: true, expiresAt: true },
  })
  // Expired sessions have no live socket left (each closes at its expiry): only the others are announced.
  return ended.filter((s) => s.expiresAt > now).map((s) => s.id)
}

/** Closes the live sockets of revoked sessions, on every instance (4401). */
export function announceRevoked(pubsub: AppPubSub, userId: number, sessionIds: number[]) {
  if (sessionIds.length) pubsub.publish('core.session', SESSION_EVENTS_KEY, { kind: 'revoked', userId, sessionIds })
}

/** A role of the user was taken away or lowered: their live sockets close with 4403 and reconnect with what is left. */
export function announceRolesReduced(pubsub: AppPubSub, userId: number) {
  pubsub.publish('core.session', SESSION_EVENTS_KEY, { kind: 'rolesReduced', userId })
}
