import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ROLE_DEFAULTS } from '../../../src/auth/roles.js'
import {
  announceRevoked,
  announceRolesReduced,
  createSession,
  endAllSessions,
  resolveViewer,
  revokeAllSessions,
  revokeSession,
  sessionExpiry,
} from '../../../src/auth/sessions.js'
import { hashToken } from '../../../src/auth/tokens.js'
import type { SessionEvent } from '../../../src/pubsub/topics.js'
import { startTestApp, type TestApp } from '../../helpers/app.js'

/**
 * Sessions against the real database (the core alone): each rule that ends a session — revoked, expired, blocked —
 * and what revoking announces to the live sockets.
 */

const SECRET = 'strength-test-secret-0123456789abcdef'
const DAY = 86_400_000
let t: TestApp
const db = () => t.app.services.prisma
const deps = () => ({ prisma: t.app.services.prisma, pubsub: t.app.services.pubsub })

beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'none' })
})
afterAll(() => t.close())

async function newUser(roles: Record<string, number> = {}) {
  const name = `s_${randomBytes(4).toString('hex')}`
  const u = await db().user.create({ data: { name, nameLower: name, slug: name } })
  for (const [role, value] of Object.entries(roles)) await db().userRole.create({ data: { userId: u.id, role, value } })
  return u
}

/** The session events published while `fn` runs, in order (a marker published after it ends the list). */
async function eventsDuring(fn: () => unknown): Promise<SessionEvent[]> {
  const it = t.app.services.pubsub.subscribe('core.session', 'all')
  const got: SessionEvent[] = []
  const reading = (async () => {
    for await (const e of it) {
      if (e.userId === -1) return
      got.push(e)
    }
  })()
  await t.app.services.pubsub.ready()
  await fn()
  t.app.services.pubsub.publish('core.session', 'all', { kind: 'rolesReduced', userId: -1 })
  await reading
  return got
}

describe('createSession', () => {
  it('stores the HMAC of a fresh token, the user, an expiry ttl days ahead, ip and user agent (cut at 512)', async () => {
    const u = await newUser()
    const before = Date.now()
    const { token, session } = await createSession(db(), SECRET, u.id, 3, {
      ip: '10.0.0.1',
      userAgent: 'x'.repeat(600),
    })
    const after = Date.now()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } })
    expect(row.tokenHash).toBe(hashToken(SECRET, token))
    expect(row.userId).toBe(u.id)
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 3 * DAY)
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(after + 3 * DAY)
    expect(row.ip).toBe('10.0.0.1')
    expect(row.userAgent).toBe('x'.repeat(512))
    expect(row.revokedAt).toBeNull()
  })

  it('without meta: no ip, no user agent; every session has its own token', async () => {
    const u = await newUser()
    const a = await createSession(db(), SECRET, u.id, 1)
    const b = await createSession(db(), SECRET, u.id, 1)
    expect(a.token).not.toBe(b.token)
    const row = await db().session.findUniqueOrThrow({ where: { id: a.session.id } })
    expect([row.ip, row.userAgent]).toEqual([null, null])
  })
})

describe('resolveViewer', () => {
  it('a live session gives its user, the session and the roles (defaults + rows)', async () => {
    const u = await newUser({ moderator: 1, citizen: 5 })
    const { token, session } = await createSession(db(), SECRET, u.id, 1)
    expect(await resolveViewer(db(), SECRET, token)).toEqual({
      id: u.id,
      name: u.name,
      sessionId: session.id,
      roles: { ...ROLE_DEFAULTS, moderator: 1, citizen: 5 },
    })
  })

  it('an unknown token, or a token under another secret, is nobody', async () => {
    const u = await newUser()
    const { token } = await createSession(db(), SECRET, u.id, 1)
    expect(await resolveViewer(db(), SECRET, `${token}x`)).toBeNull()
    expect(await resolveViewer(db(), `${SECRET}x`, token)).toBeNull()
  })

  it('a revoked session is nobody', async () => {
    const u = await newUser()
    const { token, session } = await createSession(db(), SECRET, u.id, 1)
    await db().session.update({ where: { id: session.id }, data: { revokedAt: new Date() } })
    expect(await resolveViewer(db(), SECRET, token)).toBeNull()
  })

  it('a blocked user is nobody', async () => {
    const u = await newUser()
    const { token } = await createSession(db(), SECRET, u.id, 1)
    await db().user.update({ where: { id: u.id }, data: { blocked: true } })
    expect(await resolveViewer(db(), SECRET, token)).toBeNull()
  })

  it('a session is over at its expiry instant, not a millisecond later', async () => {
    const u = await newUser()
    const { token, session } = await createSession(db(), SECRET, u.id, 1)
    const at = session.expiresAt.getTime()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(at - 1)
      expect(await resolveViewer(db(), SECRET, token)).not.toBeNull()
      expect(await sessionExpiry(db(), session.id)).toEqual(session.expiresAt)
      vi.setSystemTime(at)
      expect(await resolveViewer(db(), SECRET, token)).toBeNull()
      expect(await sessionExpiry(db(), session.id)).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('sessionExpiry', () => {
  it('the expiry of a live session; null when revoked, blocked or unknown', async () => {
    const u = await newUser()
    const a = await createSession(db(), SECRET, u.id, 2)
    expect(await sessionExpiry(db(), a.session.id)).toEqual(a.session.expiresAt)
    expect(await sessionExpiry(db(), 2_000_000_000)).toBeNull()
    await db().session.update({ where: { id: a.session.id }, data: { revokedAt: new Date() } })
    expect(await sessionExpiry(db(), a.session.id)).toBeNull()
    const b = await createSession(db(), SECRET, u.id, 2)
    await db().user.update({ where: { id: u.id }, data: { blocked: true } })
    expect(await sessionExpiry(db(), b.session.id)).toBeNull()
  })
})

describe('revokeSession', () => {
  it("ends that session only, and tells the live sockets once; another user's session id does nothing", async () => {
    const u = await newUser()
    const other = await newUser()
    const a = await createSession(db(), SECRET, u.id, 1)
    const b = await createSession(db(), SECRET, u.id, 1)
    const events = await eventsDuring(async () => {
      await revokeSession(deps(), other.id, a.session.id) // not theirs
      await revokeSession(deps(), u.id, a.session.id)
      await revokeSession(deps(), u.id, a.session.id) // already revoked: nothing to announce
    })
    expect(events).toEqual([{ kind: 'revoked', userId: u.id, sessionIds: [a.session.id] }])
    expect(await resolveViewer(db(), SECRET, a.token)).toBeNull()
    expect(await resolveViewer(db(), SECRET, b.token)).not.toBeNull()
    const row = await db().session.findUniqueOrThrow({ where: { id: a.session.id } })
    expect(row.revokedAt).toBeInstanceOf(Date)
  })
})

describe('revokeAllSessions', () => {
  it('ends every session of the user; announces the live ones only, in one event', async () => {
    const u = await newUser()
    const other = await newUser()
    const live1 = await createSession(db(), SECRET, u.id, 1)
    const live2 = await createSession(db(), SECRET, u.id, 1)
    const expired = await createSession(db(), SECRET, u.id, 1)
    await db().session.update({ where: { id: expired.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const gone = await createSession(db(), SECRET, u.id, 1)
    await db().session.update({ where: { id: gone.session.id }, data: { revokedAt: new Date(0) } })
    const theirs = await createSession(db(), SECRET, other.id, 1)
    const events = await eventsDuring(() => revokeAllSessions(deps(), u.id))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'revoked', userId: u.id })
    expect([...(events[0] as { sessionIds: number[] }).sessionIds].sort((x, y) => x - y)).toEqual(
      [live1.session.id, live2.session.id].sort((x, y) => x - y),
    )
    for (const s of [live1, live2, expired]) {
      const row = await db().session.findUniqueOrThrow({ where: { id: s.session.id } })
      expect(row.revokedAt).toBeInstanceOf(Date)
    }
    // an earlier revocation keeps its time
    expect((await db().session.findUniqueOrThrow({ where: { id: gone.session.id } })).revokedAt).toEqual(new Date(0))
    expect(await resolveViewer(db(), SECRET, theirs.token)).not.toBeNull()
  })

  it('announces nothing when no live session was left', async () => {
    const u = await newUser()
    const expired = await createSession(db(), SECRET, u.id, 1)
    await db().session.update({ where: { id: expired.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await eventsDuring(() => revokeAllSessions(deps(), u.id))).toEqual([])
    expect(await eventsDuring(() => revokeAllSessions(deps(), u.id))).toEqual([])
  })
})

describe('endAllSessions and announceRevoked (the two halves, for callers with their own transaction)', () => {
  it('ending writes and returns the live sessions ended, announcing nothing; announcing an empty list says nothing', async () => {
    const u = await newUser()
    const live = await createSession(db(), SECRET, u.id, 1)
    const events = await eventsDuring(async () => {
      expect(await endAllSessions(db(), u.id)).toEqual([live.session.id])
      announceRevoked(t.app.services.pubsub, u.id, [])
    })
    expect(events).toEqual([])
    expect(await resolveViewer(db(), SECRET, live.token)).toBeNull()
    expect(await eventsDuring(() => announceRevoked(t.app.services.pubsub, u.id, [live.session.id, 7]))).toEqual([
      { kind: 'revoked', userId: u.id, sessionIds: [live.session.id, 7] },
    ])
  })

  it('a session expiring at the very instant of the revocation counts as expired: it is not announced', async () => {
    const u = await newUser()
    const at = new Date(Date.UTC(2031, 0, 1))
    const s = await createSession(db(), SECRET, u.id, 1)
    await db().session.update({ where: { id: s.session.id }, data: { expiresAt: at } })
    const later = await createSession(db(), SECRET, u.id, 1)
    await db().session.update({ where: { id: later.session.id }, data: { expiresAt: new Date(at.getTime() + 1) } })
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(at)
      expect(await endAllSessions(db(), u.id)).toEqual([later.session.id])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('announceRolesReduced', () => {
  it('tells the live sockets of that user that their rights shrank', async () => {
    const u = await newUser()
    expect(await eventsDuring(() => announceRolesReduced(t.app.services.pubsub, u.id))).toEqual([
      { kind: 'rolesReduced', userId: u.id },
    ])
  })
})
