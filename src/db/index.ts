import type { Config } from '../config.js'
import { createPrisma, type Db } from './client.js'
import type { Embedded } from './embedded.js'
import { startEmbeddedFor } from './start-embedded.js'
import { applyMigrations, migrationStatus } from './migrations.js'
import type { Logger } from '../log.js'

export interface Database {
  prisma: Db
  url: string
  embedded: boolean
  ping(): Promise<void>
  close(): Promise<void>
}

/**
 * DATABASE_URL when given, otherwise embedded PGlite in DATA_DIR (or in memory) — `starting` when the caller started it
 * already (`npm start` does while the app's modules load); pending migrations applied.
 */
export async function openDatabase(config: Config, log: Logger, starting?: Promise<Embedded>): Promise<Database> {
  let url = config.databaseUrl
  let embedded: Embedded | undefined
  if (!url) {
    embedded = await (starting ?? startEmbeddedFor(config, log))
    url = embedded.url
  }
  try {
    // The WASM schema engine costs hundreds of MiB once loaded and cannot be unloaded: load it only when there is
    // something to apply (a plain query tells).
    if ((await migrationStatus(url)).pending.length) {
      const { applied } = await applyMigrations(url)
      if (applied.length) log.info('migrations applied', { applied })
    }
  } catch (e) {
    await embedded?.close()
    throw e
  }
  // Embedded: ONE connection. pglite-socket queues wire messages one by one and keeps a connection's messages together
  // only inside a transaction, so two pooled connections running statements at once interleave their Parse/Bind/Execute
  // on PGlite's single backend ("portal \"\" does not exist", or a statement bound to the other's parameters). PGlite
  // runs one statement at a time anyway; the pool now queues them instead (upstream: electric-sql/pglite#1046).
  const prisma = createPrisma(url, { max: embedded ? 1 : 20 })
  return {
    prisma,
    url,
    embedded: !!embedded,
    async ping() {
      await prisma.$queryRaw`SELECT 1`
    },
    async close() {
      await prisma.$disconnect()
      await embedded?.close()
    },
  }
}
