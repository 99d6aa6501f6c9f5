// The one way the app talks to PostgreSQL (real or embedded PGlite): PrismaClient over node-postgres.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client.js'

export type Db = PrismaClient

export function createPrisma(url: string, opts: { max?: number } = {}): PrismaClient {
  // max must stay ≤ the embedded server's maxConnections (20 by default).
  const adapter = new PrismaPg({ connectionString: url, max: opts.max ?? 10 })
  return new PrismaClient({ adapter })
}
