import type { MetricTotals } from '../http/metrics.js'
import type { OpsRate } from './types.js'

interface Sample {
  at: number
  totals: MetricTotals
}

export interface Rates {
  requestsPerSecond: number
  errorsPerSecond: number
  /** busiest first, at most `limit` */
  operations: OpsRate[]
  /** busiest first */
  published: OpsRate[]
}

/** Rates are rounded to this many decimals: the console shows them, nothing adds them up. */
const round = (n: number) => Math.round(n * 1000) / 1000

/** Busiest first (then the larger total, then by name), at most `limit`. */
function ranked(now: Map<string, number>, then: Map<string, number>, seconds: number, limit: number): OpsRate[] {
  return [...now]
    .map(([name, total]) => ({ name, total, perSecond: round(Math.max(0, total - (then.get(name) ?? 0)) / seconds) }))
    .sort((a, b) => b.perSecond - a.perSecond || b.total - a.total || a.name.localeCompare(b.name))
    .slice(0, limit)
}

/**
 * Per-second rates from the metrics' counters: the totals are sampled every second, and a rate is the growth since
 * the sample about `windowMs` ago (or the oldest one, right after start) up to the totals now.
 */
export class RateWindow {
  private samples: Sample[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly read: () => Promise<MetricTotals>,
    private readonly windowMs = 5_000,
    private readonly limit = 20,
  ) {}

  async sample(): Promise<void> {
    const at = Date.now()
    this.samples.push({ at, totals: await this.read() })
    // keep the newest sample that is older than the window: the base of the next rates
    while (this.samples.length > 1 && this.samples[1].at <= at - this.windowMs) this.samples.shift()
  }

  start(intervalMs = 1_000): void {
    // reading the registry does not fail; should it, the next sample is as good
    const sample = () => void this.sample().catch(() => undefined)
    sample()
    this.timer = setInterval(sample, intervalMs)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  async rates(): Promise<Rates> {
    const now = { at: Date.now(), totals: await this.read() }
    const base = this.samples.find((s) => s.at >= now.at - this.windowMs) ?? this.samples.at(0) ?? now
    // under a second of history (just started) counts as a second: no spike from one request in a few milliseconds
    const seconds = Math.max(1, (now.at - base.at) / 1000)
    const per = (a: number, b: number) => round(Math.max(0, a - b) / seconds)
    return {
      requestsPerSecond: per(now.totals.httpRequests, base.totals.httpRequests),
      errorsPerSecond: per(now.totals.errors, base.totals.errors),
      operations: ranked(now.totals.operations, base.totals.operations, seconds, this.limit),
      // topics are the enabled plugins' few: all of them
      published: ranked(now.totals.published, base.totals.published, seconds, Infinity),
    }
  }
}
