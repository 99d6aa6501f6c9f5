import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  /**
   * EMBEDDED_TEMPLATE: a tarball of a database cluster (PGlite's dumpDataDir) a fresh embedded database starts from
   * instead of running initdb — the test suite hands every in-memory database one with the migrations applied
   */
  embeddedTemplate: string | undefined
  redisUrl: string | undefined
  /** namespace for Redis keys and channels, so several deployments (or test runs) can share one Redis */
  redisPrefix: string
  /**
   * longest a request waits on a Redis command (rate limits, presence) before the in-memory fallback answers
   * (REDIS_TIMEOUT_MS)
   */
  redisTimeoutMs: number
  /**
   * events kept for Redis while it is unreachable, published when it is back; past it the oldest go
   * (PUBSUB_OUTAGE_QUEUE)
   */
  pubsubOutageQueue: number
  /** GET /metrics: Bearer token required when set; unset → loopback clients only (METRICS_TOKEN) */
  metricsToken: string | undefined
  /**
   * OPERATOR_TOKEN: a Bearer token that acts as an operator (plugin switches, the /ops console's data) for automation;
   * unset → only signed-in users with roleAdmin are operators
   */
  operatorToken: string | undefined
  plugins: 'all' | string[]
  publicUrl: string
  logLevel: LogLevel
  corsOrigins: string[] | '*'
  /** take the client address from X-Forwarded-For (only behind a proxy you run) */
  trustProxy: boolean
  production: boolean
  sessionSecret: string
  bodyLimitBytes: number
  /** graphql-ws: operations (subscriptions, queries in flight) one socket may run at once (WS_MAX_SUBSCRIPTIONS) */
  wsMaxSubscriptions: number
  /** graphql-ws: unsent bytes a socket may hold before it is closed as too slow (WS_MAX_BUFFERED_BYTES) */
  wsMaxBufferedBytes: number
  /** where uploaded files live (UPLOAD_DIR; default DATA_DIR/uploads, a temp directory for an in-memory DATA_DIR) */
  uploadDir: string
  /** the largest file the general upload service takes (UPLOAD_MAX_BYTES) */
  uploadMaxBytes: number
  rateLimitPerMinute: number
  loginAttemptsPerWindow: number
  sessionTtlDays: number
  seedDemo: boolean
  /** where one-time codes go: unset → the server log; a URL → POSTed as JSON (an SMS/e-mail gateway) */
  notifyWebhookUrl: string | undefined
  /** reCAPTCHA-compatible verify endpoint for /api/user/login; unset → no captcha check */
  captchaVerifyUrl: string | undefined
  captchaSecret: string
  seedAdmin: { name: string; password: string } | undefined
  armor: { maxDepth: number; maxAliases: number; maxTokens: number; costLimit: number }
  /**
   * PERSISTED_OPERATIONS: the documents clients may send — off (any), optional (any, or the id of one in the manifest),
   * required (only ids from PERSISTED_OPERATIONS_MANIFEST); src/http/persisted-operations.ts
   */
  persistedOperations: { mode: 'off' | 'optional' | 'required'; manifest: string | undefined }
  /** the environment this was read from: each enabled plugin reads its own settings from it (definePlugin `config`) */
  env: Env
}

/** A bad environment value: start-up stops with one line naming the variable and what it allows. */
export class ConfigError extends Error {
  constructor(variable: string, allowed: string, value: string) {
    super(`${variable}=${JSON.stringify(value)} is not valid: ${allowed}`)
    this.name = 'ConfigError'
  }
}

export type Env = Readonly<Record<string, string | undefined>>

/** An integer setting in [min, max]; unset or empty → def. Plugins read their settings with these helpers too. */
export function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return def
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `an integer from ${min} to ${max}`, raw)
  return n
}

/** A text setting; unset or empty → def (`HOST=` means the default host). */
export function str(env: Env, name: string, def: string): string {
  const raw = env[name]
  return raw === undefined || raw === '' ? def : raw
}

export function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return def
  if (/^(1|true|yes|on)$/i.test(raw)) return true
  if (/^(0|false|no|off)$/i.test(raw)) return false
  throw new ConfigError(name, 'true or false', raw)
}

export function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(name, `a URL (${protocols.join(', ')})`, raw)
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `a URL (${protocols.join(', ')})`, raw)
  return raw
}

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent']

/**
 * Secrets unset in the environment are generated once and kept in DATA_DIR, so sessions survive restarts;
 * production must set them explicitly (we warn).
 */
function secret(env: Env, name: string, dataDir: string, persist: boolean, warn: (m: string) => void): string {
  const raw = env[name]
  if (raw) {
    if (raw.length < 32) throw new ConfigError(name, 'at least 32 characters', '<hidden>')
    return raw
  }
  if (!persist) return randomBytes(32).toString('hex')
  const file = path.join(dataDir, `${name.toLowerCase()}.secret`)
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 }) // DATA_DIR holds secrets and the embedded database
    const value = randomBytes(32).toString('hex')
    fs.writeFileSync(file, value, { mode: 0o600 })
    warn(`${name} is not set: generated one in ${file}; production must set ${name}`)
    return value
  }
}

function headerToken(env: Env, name: string): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  // compared in a request header: printable ASCII, no spaces; long enough not to be guessed
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw))
    throw new ConfigError(name, 'at least 16 printable characters without spaces', '<hidden>')
  return raw
}

export function loadConfig(env: Env = process.env, warn: (m: string) => void = (m) => console.warn(m)): Config {
  const port = int(env, 'PORT', 4000, 0, 65535)
  const host = str(env, 'HOST', '0.0.0.0')
  // ':memory:' keeps the embedded database in memory (tests, demos); anything else is a directory.
  const dataDir = env.DATA_DIR === ':memory:' ? ':memory:' : path.resolve(str(env, 'DATA_DIR', './data'))
  const logLevel = str(env, 'LOG_LEVEL', 'info') as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', LOG_LEVELS.join(', '), logLevel)
  const pluginsRaw = str(env, 'PLUGINS', 'all').trim()
  if (!/^[a-z0-9_,\s-]*$/i.test(pluginsRaw))
    throw new ConfigError('PLUGINS', '"all", "none" or a comma list of plugin names', pluginsRaw)
  // 'none': the core alone (an empty PLUGINS means the default, all)
  const plugins =
    pluginsRaw === 'all'
      ? 'all'
      : pluginsRaw === 'none'
        ? []
        : pluginsRaw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
  const cors = str(env, 'CORS_ORIGINS', '*').trim()
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`
  const production = env.NODE_ENV === 'production'
  const seedAdminName = env.SEED_ADMIN_NAME
  const seedAdminPassword = env.SEED_ADMIN_PASSWORD
  if (seedAdminName && !seedAdminPassword)
    throw new ConfigError('SEED_ADMIN_PASSWORD', 'set together with SEED_ADMIN_NAME', '')
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'])
  const persistedMode = str(env, 'PERSISTED_OPERATIONS', 'off')
  if (persistedMode !== 'off' && persistedMode !== 'optional' && persistedMode !== 'required')
    throw new ConfigError('PERSISTED_OPERATIONS', 'off, optional or required', persistedMode)
  const manifest = env.PERSISTED_OPERATIONS_MANIFEST ? path.resolve(env.PERSISTED_OPERATIONS_MANIFEST) : undefined
  if (persistedMode !== 'off' && !manifest)
    throw new ConfigError('PERSISTED_OPERATIONS_MANIFEST', `a file when PERSISTED_OPERATIONS=${persistedMode}`, '')
  return {
    port,
    host,
    databaseUrl,
    dataDir,
    embeddedTemplate: env.EMBEDDED_TEMPLATE ? path.resolve(env.EMBEDDED_TEMPLATE) : undefined,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX ?? '',
    redisTimeoutMs: int(env, 'REDIS_TIMEOUT_MS', 100, 10, 60_000),
    pubsubOutageQueue: int(env, 'PUBSUB_OUTAGE_QUEUE', 10_000, 0, 1_000_000),
    metricsToken: headerToken(env, 'METRICS_TOKEN'),
    operatorToken: headerToken(env, 'OPERATOR_TOKEN'),
    plugins,
    publicUrl: publicUrl.replace(/\/$/, ''),
    logLevel,
    corsOrigins:
      cors === '*'
        ? '*'
        : cors
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    production,
    sessionSecret: secret(env, 'SESSION_SECRET', dataDir, env.DATA_DIR !== ':memory:', warn),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    wsMaxSubscriptions: int(env, 'WS_MAX_SUBSCRIPTIONS', 100, 1, 100_000),
    wsMaxBufferedBytes: int(env, 'WS_MAX_BUFFERED_BYTES', 4 * 1024 * 1024, 16 * 1024, 1024 * 1024 * 1024),
    uploadDir: path.resolve(
      str(
        env,
        'UPLOAD_DIR',
        dataDir === ':memory:' ? path.join(os.tmpdir(), 'streamhub-uploads') : path.join(dataDir, 'uploads'),
      ),
    ),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 100, 0, 1_000_000),
    loginAttemptsPerWindow: int(env, 'LOGIN_ATTEMPTS_PER_15MIN', 10, 1, 10_000),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, 1, 3650),
    seedDemo: bool(env, 'SEED_DEMO', true),
    notifyWebhookUrl: url(env, 'NOTIFY_WEBHOOK_URL', ['http:', 'https:']),
    captchaVerifyUrl: url(env, 'CAPTCHA_VERIFY_URL', ['http:', 'https:']),
    captchaSecret: env.CAPTCHA_SECRET ?? '',
    seedAdmin: seedAdminName && seedAdminPassword ? { name: seedAdminName, password: seedAdminPassword } : undefined,
    armor: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 6, 1, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 1000, 10, 100_000),
      costLimit: int(env, 'GRAPHQL_COST_LIMIT', 5000, 10, 1_000_000),
    },
    persistedOperations: { mode: persistedMode, manifest },
    env: { ...env },
  }
}
