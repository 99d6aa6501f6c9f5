/** What the operator API answers (src/core/operators/ops-schema.ts). */

/** A count since start and its rate over the last few seconds. */
export interface OpsRate {
  name: string
  perSecond: number
  total: number
}

/** One instance of the deployment, as its heartbeat says. */
export interface OpsInstance {
  /** random per app start */
  id: string
  startedAt: Date | string
  lastSeenAt: Date | string
  /** enabled plugins on that instance */
  plugins: readonly string[]
  wsConnections: number
}

export interface OpsOverview {
  at: Date
  /** the instance answering */
  instance: string
  instances: OpsInstance[]
  databaseUp: boolean
  /** null when no Redis is configured */
  redisUp: boolean | null
  requestsPerSecond: number
  errorsPerSecond: number
  operations: OpsRate[]
  published: OpsRate[]
  wsConnections: number
  wsSubscriptions: number
}
