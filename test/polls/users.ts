import { randomBytes } from 'node:crypto'
import type { TestApp } from '../helpers/app.js'
import type { TestUser } from '../helpers/users.js'
import { hashToken, newToken } from '../../src/auth/tokens.js'
import { nameSkeletons, slugOf } from '../../src/core/users/validation.js'

/**
 * Many users at once, for vote storms: registering each through GraphQL costs an argon2 hash apiece (minutes for a
 * thousand). The rows register() writes are written in bulk instead — the user with its look-alike keys, and a session
 * whose token is stored as the server's HMAC of it (src/auth/sessions.ts) — so the server accepts each token over
 * HTTP exactly as it accepts a registered user's. Nobody signs in with a password: none is set.
 */
export async function bulkUsers(t: TestApp, count: number): Promise<TestUser[]> {
  const { prisma } = t.app.services
  const { sessionSecret, sessionTtlDays } = t.app.config
  const batch = randomBytes(3).toString('hex')
  const names = Array.from({ length: count }, (_, i) => `bulk_${batch}_${i}`)
  const rows = await prisma.user.createManyAndReturn({
    data: names.map((name) => ({ name, nameLower: name.toLowerCase(), slug: slugOf(name), ...nameSkeletons(name) })),
    select: { id: true, name: true },
  })
  const users = rows.map((r) => ({ id: r.id, name: r.name, email: '', password: '', token: newToken() }))
  const expiresAt = new Date(Date.now() + sessionTtlDays * 86_400_000)
  await prisma.session.createMany({
    data: users.map((u) => ({ userId: u.id, tokenHash: hashToken(sessionSecret, u.token), expiresAt })),
  })
  return users
}
