import { randomBytes } from 'node:crypto'
import type { Database } from '../db/index.js'
import type { WsServer } from '../http/ws.js'
import type { RedisHealth } from '../redis-health.js'
import type { Services } from '../services.js'
import { appState } from '../plugin-system/app-state.js'
import { databaseCheck } from './database-check.js'
import { createHeartbeat } from './heartbeat.js'
import { RateWindow } from './rates.js'
import { every } from './ticker.js'
import type { OpsInstance, OpsOverview } from './types.js'

export type { OpsInstance, OpsOverview, OpsRate } from './types.js'

/** The live figures of the operator console (src/core/operators/ops-schema.ts). */
export interface Ops {
  /** this instance's id: random per start */
  id: string
  overview(): Promise<OpsOverview>
  /** an overview now, then one about every second until the consumer stops */
  stats(): AsyncIterableIterator<OpsOverview>
  /** starts sampling the rates and the heartbeat */
  start(): void
  stop(): Promise<void>
}

export interface OpsOptions {
  services: Pick<Services, 'config' | 'metrics' | 'log'>
  database: Pick<Database, 'ping'>
  redisHealth: Pick<RedisHealth, 'down'>
  ws: Pick<WsServer, 'stats'>
  /** the enabled plugins' names, as they are now */
  plugins: () => readonly string[]
}

/** How often opsStats sends. */
const STATS_INTERVAL_MS = 1_000

/** The app's Ops, for the resolvers (set by createApp). */
export const opsState = appState<Ops>('ops')

export function createOps({ services, database, redisHealth, ws, plugins }: OpsOptions): Ops {
  const { config, metrics, log } = services
  const id = randomBytes(6).toString('hex')
  const startedAt = new Date()
  const rates = new RateWindow(() => metrics.totals())
  const databaseUp = databaseCheck(() => database.ping())
  const self = (): OpsInstance => ({
    id,
    startedAt,
    lastSeenAt: new Date(),
    plugins: [...plugins()],
    wsConnections: ws.stats().connections,
  })
  const heartbeat = createHeartbeat({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    self,
    timeoutMs: config.redisTimeoutMs,
    log,
  })

  async function overview(): Promise<OpsOverview> {
    const [r, dbUp, instances] = await Promise.all([rates.rates(), databaseUp(), heartbeat.instances()])
    const { connections, subscriptions } = ws.stats()
    return {
      at: new Date(),
      instance: id,
      instances,
      databaseUp: dbUp,
      redisUp: config.redisUrl ? redisHealth.down() === null : null,
      ...r,
      wsConnections: connections,
      wsSubscriptions: subscriptions,
    }
  }

  return {
    id,
    overview,
    stats: () => every(STATS_INTERVAL_MS, overview),
    start() {
      rates.start()
      heartbeat.start()
    },
    async stop() {
      rates.stop()
      await heartbeat.stop()
    },
  }
}
