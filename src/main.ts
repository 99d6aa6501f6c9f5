import { loadConfig, ConfigError } from './config.js'
import { createApp, type App } from './server.js'
import { PluginError } from './plugin-system/registry.js'
import type { Plugin } from './plugin-system/contract.js'
import { createLogger } from './log.js'
import { seed } from './seed.js'
import type { EarlyStart } from './early-start.js'
import { shutdownTracing } from './tracing/index.js'

/**
 * What `npm start` runs (its entry, scripts/start.ts, hands in every shipped plugin and what it started early: the config
 * and the embedded database's thread, src/early-start.ts): config → app (database, migrations) → seed → listen; graceful shutdown on SIGTERM/SIGINT. A bad setting or start-up refusal exits 1 with one
 * line.
 */
export async function main(available: readonly Plugin[], early?: EarlyStart): Promise<void> {
  const t0 = performance.now()
  let config
  try {
    if (early && 'configError' in early) throw early.configError
    config = early?.config ?? loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  const log = early && 'log' in early ? early.log : createLogger(config.logLevel)
  const embedded = early && 'embedded' in early ? early.embedded : undefined
  let app: App
  try {
    app = await createApp(config, { available, log, embedded })
  } catch (e) {
    // Known start-up refusals get one clear line; anything else keeps its stack.
    if (
      e instanceof PluginError ||
      e instanceof ConfigError ||
      (e as { message?: string } | null | undefined)?.message?.startsWith('DATA_DIR')
    ) {
      console.error((e as Error).message)
      process.exit(1)
    }
    throw e
  }
  await seed(app.services, app.plugins)
  let url
  try {
    url = await app.listen()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null | undefined)?.code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      const why = code === 'EADDRINUSE' ? 'the address is already in use' : code
      console.error(`PORT=${config.port} on HOST=${config.host} cannot be used: ${why}`)
      await app.close()
      process.exit(1)
    }
    throw e
  }
  log.info('server ready', {
    graphql: `${url}/graphql`,
    database: app.database.embedded ? `embedded (${config.dataDir})` : 'postgresql',
    pubsub: config.redisUrl ? 'redis' : 'memory',
    plugins: app.plugins.map((p) => p.name),
    startupMs: Math.round(performance.now() - t0),
  })

  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log.info('shutting down', { signal })
    await app.close()
    // the spans of the last requests (tracing on)
    await shutdownTracing().catch((e: unknown) => log.warn('tracing did not shut down cleanly', { error: String(e) }))
    process.exit(0)
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal))
}
