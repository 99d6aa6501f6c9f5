import type http from 'node:http'
import type { Database } from '../db/index.js'
import type { AppPubSub } from '../pubsub/index.js'
import type { RateLimits } from './rate-limit.js'
import { sendJson } from './respond.js'

/** How long /readyz waits for one check (a database or Redis that hangs rather than refuses). */
const READINESS_TIMEOUT_MS = 2_000

export interface ReadinessDeps {
  database: Pick<Database, 'ping'>
  pubsub: Pick<AppPubSub, 'ready'>
  limits: Pick<RateLimits, 'degraded'>
  /** with Redis, the rate limits' state is a check of its own */
  redis: boolean
}

/**
 * GET /readyz, the load balancer's question. Without the database the instance cannot serve: 503 `unavailable`.
 * Without Redis it can (rate limits in memory, this instance's presence, events queued for the other instances): 200
 * `degraded`, the reason in `checks.pubsub` / `checks.rateLimits`. Every check answers within READINESS_TIMEOUT_MS.
 */
export function createReadiness({ database, pubsub, limits, redis }: ReadinessDeps) {
  return async function readiness(res: http.ServerResponse): Promise<void> {
    const [db, bus] = await Promise.all([probe(database.ping()), probe(pubsub.ready())])
    const limitsDown = limits.degraded()
    const checks: Record<string, string> = {
      database: db ?? 'ok',
      pubsub: bus ? `degraded: ${bus}` : 'ok',
      ...(redis ? { rateLimits: limitsDown ? `degraded: ${limitsDown}` : 'ok' } : {}),
    }
    const status = db ? 'unavailable' : bus || limitsDown ? 'degraded' : 'ready'
    sendJson(res, db ? 503 : 200, { status, checks })
  }
}

/** null when the check passed in time, else one short line saying why (no multi-line driver or Prisma text). */
async function probe(check: Promise<void>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS)
  })
  try {
    await Promise.race([check, late])
    return null
  } catch (e) {
    return oneLine(e)
  } finally {
    clearTimeout(timer)
  }
}

/** An error as one short line: no multi-line Prisma text ("Invalid `prisma.$queryRaw()` invocation: …"), no stack. */
function oneLine(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown } | null | undefined
  const lines = String(err?.message ?? e)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const last = (lines.at(-1) ?? 'failed').replace(/\s+/g, ' ')
  // Prisma's raw-query failure wraps the driver's:
  // "Raw query failed. Code: `3D000`. Message: `database … does not exist`"
  const raw = /Code: `([^`]*)`\. Message: `(.*)`$/.exec(last)
  const line = raw
    ? raw[1] && raw[1] !== 'N/A'
      ? `${raw[1]}: ${raw[2]}`
      : raw[2]
    : typeof err?.code === 'string' && !last.includes(err.code)
      ? `${err.code}: ${last}`
      : last
  return line.length > 160 ? `${line.slice(0, 157)}…` : line
}
