/**
 * Thousands of signed-in users in a second: rows written in bulk, each with a session whose token the server accepts
 * (the HMAC of a random token under the app's secret, as sign-in stores it). Registering them through the API would
 * run argon2id once per user — minutes for a few thousand on two cores — and measure nothing the bench is about.
 */
import { hashToken, newToken } from '../src/auth/tokens.js'
import type { Db } from '../src/db/client.js'

export interface BenchUser {
  id: number
  token: string
}

const CHUNK = 1000

export async function makeUsers(prisma: Db, secret: string, n: number, prefix: string): Promise<BenchUser[]> {
  const names = Array.from({ length: n }, (_, i) => `${prefix}${i}`.toLowerCase())
  for (let i = 0; i < n; i += CHUNK)
    await prisma.user.createMany({
      data: names.slice(i, i + CHUNK).map((name) => ({ name, nameLower: name, slug: name })),
    })
  const rows = await prisma.user.findMany({
    where: { nameLower: { startsWith: prefix.toLowerCase() } },
    select: { id: true, nameLower: true },
  })
  const idOf = new Map(rows.map((r) => [r.nameLower, r.id]))
  const users = names.map((name) => ({ id: idOf.get(name)!, token: newToken() }))
  const expiresAt = new Date(Date.now() + 86_400_000)
  for (let i = 0; i < n; i += CHUNK)
    await prisma.session.createMany({
      data: users.slice(i, i + CHUNK).map((u) => ({ userId: u.id, tokenHash: hashToken(secret, u.token), expiresAt })),
    })
  return users
}
