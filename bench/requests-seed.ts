/**
 * The data of the request-cost suite, added to a database the server already seeded with its demo data: 50 chat
 * messages by 10 authors in `main` (the history read), public smiles up to 50 (the smiles list), a session of alice
 * (the logged-in read) and writer accounts with sessions and one password (sending and logging in rotate over them,
 * so that the per-user limits — 60 chat events a minute — are never what a run measures). Tokens come from the
 * caller, so every database of a run (server, peers) accepts the same ones.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../src/db/client.js'
import { hashToken } from '../src/auth/tokens.js'
import { hashPassword } from '../src/auth/passwords.js'
import { nameSkeletons } from '../src/core/users/validation.js'

export const HISTORY_CHANNEL = 'main'
export const HISTORY_MESSAGES = 50
export const SMILES = 50
export const WRITER_PASSWORD = 'bench-pass-1'

export interface BenchTokens {
  reader: string
  writers: string[]
}

export function newTokens(writers: number): BenchTokens {
  const token = () => randomBytes(32).toString('base64url')
  return { reader: token(), writers: Array.from({ length: writers }, token) }
}

export const writerName = (i: number) => `writer${i}`

export interface Seeded {
  /** the channel sends go to (not the history's, so every round reads the same 50 messages) */
  writeChannel: string
}

export async function seedBenchData(prisma: Db, secret: string, tokens: BenchTokens): Promise<Seeded> {
  const alice = await prisma.user.findUniqueOrThrow({ where: { nameLower: 'alice' } })
  const admin = await prisma.user.findUniqueOrThrow({ where: { nameLower: 'admin' } })
  const expiresAt = new Date(Date.now() + 30 * 86_400_000)

  const authors: { id: number }[] = []
  for (let i = 0; i < 10; i++) {
    const name = `Author${i}`
    authors.push(
      await prisma.user.create({
        data: { name, nameLower: name.toLowerCase(), slug: name.toLowerCase(), ...nameSkeletons(name) },
      }),
    )
  }
  await prisma.chatMessage.createMany({
    data: Array.from({ length: HISTORY_MESSAGES }, (_, i) => ({
      channel: HISTORY_CHANNEL,
      fromId: authors[i % authors.length].id,
      text: `Message ${i}: ${'a typical line of chat, '.repeat(1 + (i % 4))}:peka:`,
    })),
  })

  const smiles = await prisma.smile.count({ where: { scope: '', approved: true } })
  await prisma.smile.createMany({
    data: Array.from({ length: Math.max(0, SMILES - smiles) }, (_, i) => ({
      code: `bench${i}`,
      codeLower: `bench${i}`,
      hash: createHash('sha256').update(`bench${i}`).digest('hex'),
      bytes: 1000,
      width: 30,
      height: 30,
      tab: 2,
      position: i,
    })),
  })

  const passwordHash = await hashPassword(WRITER_PASSWORD)
  await prisma.user.createMany({
    data: tokens.writers.map((_, i) => ({
      name: writerName(i),
      nameLower: writerName(i),
      slug: writerName(i),
      ...nameSkeletons(writerName(i)),
      passwordHash,
    })),
  })
  const writers = await prisma.user.findMany({ where: { nameLower: { startsWith: 'writer' } }, orderBy: { id: 'asc' } })
  await prisma.session.createMany({
    data: [
      { userId: alice.id, tokenHash: hashToken(secret, tokens.reader), expiresAt },
      ...writers.map((w, i) => ({ userId: w.id, tokenHash: hashToken(secret, tokens.writers[i]), expiresAt })),
    ],
  })
  return { writeChannel: `stream/${admin.id}` }
}
