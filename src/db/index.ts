import type { Config } from '../config.js'
import { createPrisma, type Db } from './client.js'
import { startEmbedded } from './embedded.js'
import { applyMigrations } from './migrations.js'
import type { Logger } from '../log.js'

export interface Database {
  prisma: Db
  url: string
  embedded: boolean
  ping(): Promise<void>
  close(): Promise<void>
}

/** DATABASE_URL when given, otherwise embedded PGlite in DATA_DIR (or in memory); pending migrations applied. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let url = config.databaseUrl
  let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined
  if (!url) {
    embedded = await startEmbedded({ dataDir: config.dataDir === ':memory:' ? undefined : config.dataDir })
    url = embedded.url
  }
  try {
    const { applied } = await applyMigrations(url)
    if (applied.length) log.info('migrations applied', { applied })
  } catch (e) {
    await embedded?.close()
    throw e
  }
  const prisma = createPrisma(url, { max: embedded ? 10 : 20 })
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
