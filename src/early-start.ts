import { loadConfig, type Config } from './config.js'
import { startEmbeddedFor } from './db/start-embedded.js'
import type { Embedded } from './db/embedded.js'
import { createLogger, type Logger } from './log.js'

/** What `npm start` settles before the app's modules load: the config (or why it was refused) and the database. */
export type EarlyStart = { config: Config; log: Logger; embedded?: Promise<Embedded> } | { configError: unknown }

/**
 * Reads the config and, for the embedded database, starts its thread at once: loading the app's modules takes about a
 * second, and the database starts on its own thread meanwhile instead of after. Imports only the config, the logger and
 * the database's starter, so that it runs before the rest loads.
 */
export function startEarly(): EarlyStart {
  let config: Config
  try {
    config = loadConfig()
  } catch (configError) {
    return { configError }
  }
  const log = createLogger(config.logLevel)
  const embedded = config.databaseUrl ? undefined : startEmbeddedFor(config, log)
  // a failed start is reported where it is awaited (src/db/index.ts); until then it must not count as unhandled
  embedded?.catch(() => undefined)
  return { config, log, embedded }
}
