import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { loadConfig } from '../../src/config.js'
import { createApp, type App, type AppOptions } from '../../src/server.js'
import { ALL_PLUGINS } from '../../plugins/index.js'

export interface TestApp {
  app: App
  url: string
  close(): Promise<void>
}

/** A new, empty database on the PostgreSQL server at `base`, named `<prefix>_<random>`, and how to drop it again. */
export async function throwawayDatabase(base: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** A fresh database per app on the real server when TEST_DATABASE_URL is set; embedded in-memory PGlite otherwise. */
async function freshDatabase(): Promise<{ url?: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL
  if (!base) return { drop: async () => {} }
  return throwawayDatabase(base, 'test')
}

export const uniquePrefix = () => `t${randomBytes(4).toString('hex')}:`

/**
 * For afterAll: closes what beforeAll opened, in order, skipping what it never got to (it failed first), so a failed
 * start reports its own error and not a second one from closing.
 */
export async function closeAll(...things: ({ close(): unknown } | undefined)[]) {
  for (const thing of things) await thing?.close()
}

/** What startTestApp takes: createApp's options, `available` defaulting to every shipped plugin, and `share`. */
export type TestAppOptions = Partial<AppOptions> & { share?: TestApp }

/**
 * Starts the whole app in-process on a random port, as `npm start` would, with its own database.
 * `env` overrides configuration variables; `available` the plugins PLUGINS selects from (default: every shipped
 * plugin, as `npm start`); `share` reuses another app's database and Redis namespace.
 */
export async function startTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  // sharing: the other app's database (its embedded server's URL too), so the two act as instances of one deployment
  const db = opts.share ? { url: opts.share.app.database.url, drop: async () => {} } : await freshDatabase()
  // a refused start (bad settings, bad PLUGINS) must not leave its fresh database behind
  let app: App
  try {
    const config = loadConfig(
      {
        DATA_DIR: ':memory:',
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: '0',
        RATE_LIMIT_PER_MINUTE: '100000',
        SEED_DEMO: 'false',
        // `npm run test:combinations` runs a plugin's folder with only it and its requirements on (a test's own PLUGINS wins)
        ...(process.env.TEST_PLUGINS ? { PLUGINS: process.env.TEST_PLUGINS } : {}),
        ...(db.url ? { DATABASE_URL: db.url } : {}),
        // a migrated cluster for in-memory databases (test/setup/global-setup.ts); a test's own DATA_DIR starts as npm start does
        ...(process.env.EMBEDDED_TEMPLATE && !env.DATA_DIR ? { EMBEDDED_TEMPLATE: process.env.EMBEDDED_TEMPLATE } : {}),
        ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
        REDIS_PREFIX: opts.share?.app.config.redisPrefix ?? uniquePrefix(),
        // a loaded CI machine can take longer than the production default to answer; the fault tests set their own
        REDIS_TIMEOUT_MS: '1000',
        // instances of one deployment share the token secret, so a token from one works on the other
        ...(opts.share ? { SESSION_SECRET: opts.share.app.config.sessionSecret } : {}),
        ...env,
      },
      () => {},
    )
    app = await createApp(config, { ...opts, available: opts.available ?? ALL_PLUGINS })
  } catch (e) {
    await db.drop()
    throw e
  }
  const url = await app.listen(0, '127.0.0.1')
  return {
    app,
    url,
    async close() {
      await app.close()
      await db.drop()
    },
  }
}
