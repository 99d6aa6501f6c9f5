// The one way the app talks to PostgreSQL (real or embedded PGlite): PrismaClient over node-postgres.
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlQueryable } from '@prisma/driver-adapter-utils'
import type pg from 'pg'
import { PrismaClient, type Prisma } from '../generated/prisma/client.js'
import type { PoolStats } from '../http/metrics.js'

export type Db = PrismaClient

/** The client or a transaction of it: reads that must see (and not wait on) a transaction in progress take this. */
export type DbLike = Db | Prisma.TransactionClient

/**
 * Options for interactive transactions (core's sign-up, sign-in, reset, block, role change): Prisma's defaults (2 s to
 * start, 5 s to run) are short where transactions queue — PGlite runs them one by one — on a loaded machine.
 */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const

/** Called with the text of every SQL statement a client sends (see onQuery). */
export type QueryListener = (sql: string) => void

const listenersOf = new WeakMap<PrismaClient, Set<QueryListener>>()
/** the node-postgres pool under each client, once it has connected */
const poolOf = new WeakMap<PrismaClient, { pool?: pg.Pool }>()

export function createPrisma(url: string, opts: { max?: number } = {}): PrismaClient {
  // max must stay ≤ the embedded server's maxConnections (20 by default).
  const adapter = new PrismaPg({ connectionString: url, max: opts.max ?? 10 })
  const listeners = new Set<QueryListener>()
  const connect = adapter.connect.bind(adapter)
  const driver: { pool?: pg.Pool } = {}
  adapter.connect = async () => {
    const connection = await connect()
    driver.pool = connection.underlyingDriver()
    return observe(connection, listeners)
  }
  const client = new PrismaClient({ adapter })
  listenersOf.set(client, listeners)
  poolOf.set(client, driver)
  return client
}

/** The connection pool's figures (metrics); null before the client's first query, or for a client made elsewhere. */
export function poolStats(prisma: PrismaClient): PoolStats | null {
  const pool = poolOf.get(prisma)?.pool
  if (!pool) return null
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max }
}

/**
 * Diagnostics and tests (e.g. "one page of history runs a constant number of statements"): `listener` receives the SQL
 * of every statement `prisma` sends from now on, transactions included (BEGIN is reported when a transaction starts);
 * returns the function that stops listening. With no listener the cost is one Set-size check per statement.
 */
export function onQuery(prisma: PrismaClient, listener: QueryListener): () => void {
  const listeners = listenersOf.get(prisma)
  if (!listeners) throw new Error('onQuery: this PrismaClient was not made by createPrisma')
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Wraps a driver-adapter connection (or a transaction of it) so that its statements reach the listeners. */
function observe<T extends SqlQueryable>(q: T, listeners: Set<QueryListener>): T {
  const emit = (sql: string) => {
    if (listeners.size) for (const l of listeners) l(sql)
  }
  const queryRaw = q.queryRaw.bind(q)
  const executeRaw = q.executeRaw.bind(q)
  q.queryRaw = (query) => (emit(query.sql), queryRaw(query))
  q.executeRaw = (query) => (emit(query.sql), executeRaw(query))
  const adapter = q as unknown as Partial<SqlDriverAdapter>
  if (typeof adapter.startTransaction === 'function') {
    const start = adapter.startTransaction.bind(adapter)
    // The adapter sends BEGIN itself before handing the transaction over: report it here.
    adapter.startTransaction = async (isolationLevel) => {
      emit(isolationLevel ? `BEGIN; SET TRANSACTION ISOLATION LEVEL ${isolationLevel}` : 'BEGIN')
      return observe(await start(isolationLevel), listeners)
    }
  }
  return q
}
