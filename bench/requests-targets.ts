/**
 * The processes of a request-cost run and their databases. This server is `npm start`'s own entry (scripts/start.ts)
 * with production settings and its request log written to a file; each peer is a process of its own.
 *
 * - PostgreSQL (DATABASE_URL): a fresh database on that server for the run (dropped after); the server creates its
 *   tables and demo data, the suite adds its own, and the peers read the same database.
 * - Embedded: the server starts once on an empty DATA_DIR (tables, demo data) and stops, the suite adds its data,
 *   and the directory is copied for each peer — PGlite is one process's, so each peer gets an identical twin, open
 *   the way the server opens it. The server then starts again on its directory, as a restart would.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../src/config.js'
import { createPrisma } from '../src/db/client.js'
import { openDatabase } from '../src/db/index.js'
import { createLogger } from '../src/log.js'
import { startChild, stopChild, type Started } from './children.js'
import { seedBenchData, type BenchTokens, type Seeded } from './requests-seed.js'
import { throwawayDatabase } from '../test/helpers/app.js'
import type { ProcessName } from './requests-workloads.js'

export interface RunSetup {
  tmp: string
  secret: string
  tokens: BenchTokens
  redisUrl?: string
}

/** Production settings; limits that stay on (their cost is part of a request) but never refuse in a run. */
const serverEnv = (s: RunSetup) => ({
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  SESSION_SECRET: s.secret,
  SEED_DEMO: 'true',
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_ATTEMPTS_PER_15MIN: '10000',
  DATABASE_URL: undefined,
  REDIS_URL: undefined,
})

export const freshPostgres = (base: string) => throwawayDatabase(base, 'bench')

export interface Target extends Started {
  name: ProcessName
}

export const logFile = (s: RunSetup, name: string) => path.join(s.tmp, `${name}.log`)

/** This server on the PostgreSQL database `url` (fresh: it creates the tables and the demo data), then the suite's data. */
export async function serverOnPostgres(s: RunSetup, url: string): Promise<{ target: Target; seeded: Seeded }> {
  const started = await startChild(
    'scripts/start.ts',
    {
      ...serverEnv(s),
      DATABASE_URL: url,
      DATA_DIR: path.join(s.tmp, 'server'),
      REDIS_URL: s.redisUrl,
      REDIS_PREFIX: `bench${randomBytes(3).toString('hex')}:`,
    },
    logFile(s, 'server'),
  )
  const prisma = createPrisma(url)
  try {
    return { target: { name: 'server', ...started }, seeded: await seedBenchData(prisma, s.secret, s.tokens) }
  } finally {
    await prisma.$disconnect()
  }
}

/** An embedded DATA_DIR as the server leaves it after its first start, with the suite's data added. */
export async function prepareEmbedded(s: RunSetup, dir: string): Promise<Seeded> {
  const first = await startChild('scripts/start.ts', { ...serverEnv(s), DATA_DIR: dir }, logFile(s, 'first-start'))
  await stopChild(first.child)
  const config = loadConfig({ DATA_DIR: dir, SESSION_SECRET: s.secret }, () => {})
  const db = await openDatabase(config, createLogger('error'))
  try {
    return await seedBenchData(db.prisma, s.secret, s.tokens)
  } finally {
    await db.close()
  }
}

/** This server on a prepared embedded directory; on Redis too when the run has one (the database is what differs). */
export async function serverOnEmbedded(s: RunSetup, dir: string, name: ProcessName): Promise<Target> {
  const started = await startChild(
    'scripts/start.ts',
    { ...serverEnv(s), DATA_DIR: dir, REDIS_URL: s.redisUrl, REDIS_PREFIX: `bench${randomBytes(3).toString('hex')}:` },
    logFile(s, name),
  )
  return { name, ...started }
}

/** A copy of a prepared embedded directory for a peer (its lock and socket are gone once the server stopped). */
export function twinOf(dir: string, name: string) {
  const twin = path.join(path.dirname(dir), name)
  fs.cpSync(dir, twin, { recursive: true })
  return twin
}

export async function startPeer(
  s: RunSetup,
  name: 'raw' | 'mercurius',
  db: { DATABASE_URL: string } | { DATA_DIR: string },
): Promise<Target> {
  const started = await startChild(`bench/peer-${name}.ts`, {
    DATA_DIR: path.join(s.tmp, name),
    ...db,
    SESSION_SECRET: s.secret,
    NODE_ENV: 'production',
  })
  return { name, ...started }
}

export { stopChild }
