/** What the bus counts (src/http/metrics.ts turns them into Prometheus series). */
export interface PubSubMetrics {
  /** an event could not go to Redis at once and waits in the outage queue */
  queued(n?: number): void
  /** events dropped from a full outage queue (the oldest first) */
  dropped(n: number): void
  /** a copy of an event already delivered here, dropped by its id */
  duplicate(): void
  /** events another instance sent while this one was disconnected, delivered from the catch-up journal */
  caughtUp(n: number): void
  /** an event published on this instance */
  published?(topic: string): void
  /** an event of another instance, delivered here */
  received?(topic: string): void
}
