/**
 * One kind of request over the rounds of a bench/polls-votes.ts run: its storms' figures put together, with what the
 * server did meanwhile — its event loop's busy share, its process's CPU (the embedded database runs in it too) and
 * the SQL statements it sent. Rounds interleave the kinds, so a machine shared with other work loads them alike.
 */
import { performance } from 'node:perf_hooks'
import { onQuery, type Db } from '../src/db/client.js'
import { percentile, round } from './lib.js'
import { profiled } from './polls-profile.js'
import type { StormResult } from './polls-load.js'

/** A statement's text on one line, without the schema name Prisma puts before every table. */
export const shortSql = (sql: string, n: number) =>
  sql.replace(/\s+/g, ' ').replaceAll('"public".', '').trim().slice(0, n)

export class Phase {
  private readonly latencies: number[] = []
  /** completions in each whole second of each storm (a storm's last, partial second left out) */
  private readonly perSecond: number[] = []
  private readonly errors: Record<string, number> = {}
  private readonly statements = new Map<string, number>()
  readonly windows: [number, number][] = []
  okPerOption: number[] = []
  private seconds = 0
  private clientCpuMs = 0
  private serverCpuMs = 0
  private loopActive = 0
  private loopIdle = 0

  constructor(
    /** short name: profile files are named by it */
    readonly key: string,
    readonly kind: string,
    private readonly prisma: Db,
  ) {}

  /** Runs one storm, watching the server meanwhile, and keeps its figures. */
  async measure(storm: () => Promise<StormResult>): Promise<StormResult> {
    const elu0 = performance.eventLoopUtilization()
    const cpu0 = process.cpuUsage()
    const stop = onQuery(this.prisma, (sql) => {
      const key = shortSql(sql, 120)
      this.statements.set(key, (this.statements.get(key) ?? 0) + 1)
    })
    const r = await profiled(this.key, storm)
    stop()
    const elu = performance.eventLoopUtilization(elu0)
    const cpu = process.cpuUsage(cpu0)
    this.loopActive += elu.active
    this.loopIdle += elu.idle
    this.serverCpuMs += (cpu.user + cpu.system) / 1000
    this.clientCpuMs += r.clientCpuMs
    this.seconds += (r.t1 - r.t0) / 1000
    this.windows.push([r.t0, r.t1])
    this.latencies.push(...r.latencies)
    const seconds = Array.from({ length: Math.floor((r.t1 - r.t0) / 1000) }, () => 0)
    for (const d of r.doneAt) {
      const s = Math.floor((d - r.t0) / 1000)
      if (s < seconds.length) seconds[s]++
    }
    this.perSecond.push(...seconds)
    for (const [code, n] of Object.entries(r.errors)) this.errors[code] = (this.errors[code] ?? 0) + n
    this.okPerOption = r.okPerOption.map((n, i) => n + (this.okPerOption[i] ?? 0))
    return r
  }

  summary() {
    const requests = this.latencies.length
    const failed = Object.values(this.errors).reduce((a, b) => a + b, 0)
    const latencies = [...this.latencies].sort((a, b) => a - b)
    const perSecond = [...this.perSecond].sort((a, b) => a - b)
    const statements = [...this.statements].sort((a, b) => b[1] - a[1])
    const ms = this.seconds * 1000
    return {
      kind: this.kind,
      requests,
      ok: requests - failed,
      errors: this.errors,
      seconds: round(this.seconds),
      perSecond: round(requests / this.seconds, 0),
      sustainedPerSecond: perSecond.length
        ? { median: percentile(perSecond, 50), min: perSecond[0], max: perSecond[perSecond.length - 1] }
        : null,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies[latencies.length - 1]),
      },
      server: {
        eventLoopBusyPercent: round((this.loopActive / (this.loopActive + this.loopIdle)) * 100, 0),
        cpuPercent: round((this.serverCpuMs / ms) * 100, 0),
        cpuMsPerRequest: round(this.serverCpuMs / requests, 2),
      },
      clientCpuPercent: round((this.clientCpuMs / ms) * 100, 0),
      statements: {
        perRequest: round(statements.reduce((n, [, c]) => n + c, 0) / requests, 2),
        top: statements.slice(0, 8).map(([sql, c]) => ({ perRequest: round(c / requests, 3), sql })),
      },
    }
  }
}
