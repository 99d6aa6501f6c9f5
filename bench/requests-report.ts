/**
 * The request-cost suite's figures put together: per workload and target the median over the rounds (and the
 * range), and the ratios computed in the run — per round, since the rounds interleave the targets, then their median.
 */
import type { LoadResult } from './load.js'
import { percentile, round } from './lib.js'
import { LABELS } from './requests-workloads.js'

export interface Measured {
  label: string
  process: string
  runs: LoadResult[]
  sampleBytes: number
  /** SQL statements per request (peers only: the server does not count its own), from requests sent one at a time */
  statementsPerRequest: number | null
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  )
const medianOf = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null)
  return v.length ? median(v) : null
}

export function summarize(m: Measured) {
  const rps = m.runs.map((r) => r.requestsPerSecond)
  return {
    label: m.label,
    process: m.process,
    requestsPerSecond: { median: median(rps), min: Math.min(...rps), max: Math.max(...rps), rounds: rps },
    latencyMs: {
      p50: medianOf(m.runs.map((r) => r.latencyMs.p50)),
      p99: medianOf(m.runs.map((r) => r.latencyMs.p99)),
    },
    targetCpuMsPerRequest: medianOf(m.runs.map((r) => r.targetCpuMsPerRequest)),
    statementsPerRequest: m.statementsPerRequest,
    loadAverage: medianOf(m.runs.map((r) => r.loadAverage)),
    generatorCpuPercent: medianOf(m.runs.map((r) => r.generatorCpuPercent)),
    failures: {
      non2xx: m.runs.reduce((n, r) => n + r.non2xx, 0),
      errors: m.runs.reduce((n, r) => n + r.errors, 0),
      wrong: m.runs.reduce((n, r) => n + r.wrong, 0),
    },
    sampleBytes: m.sampleBytes,
  }
}
type Summary = ReturnType<typeof summarize>

/** a / b per round (both measured within a minute of each other), then the median; null when either is missing. */
function ratio(a: Summary | undefined, b: Summary | undefined) {
  if (!a || !b) return null
  const per = a.requestsPerSecond.rounds.map((x, i) => x / b.requestsPerSecond.rounds[i])
  return { median: round(median(per), 2), min: round(Math.min(...per), 2), max: round(Math.max(...per), 2) }
}

export function ratiosOf(summaries: Summary[]) {
  const by = (label: string) => summaries.find((s) => s.label === label)
  const server = by(LABELS.server)
  return {
    toRaw: ratio(server, by(LABELS.raw)),
    toMercurius: ratio(server, by(LABELS.mercurius)),
    /** cost of the REST shim relative to the same GraphQL operation: GraphQL req/s over REST req/s */
    restCost: ratio(server, by(LABELS.rest)),
    /** this server on its embedded database relative to itself on PostgreSQL */
    embeddedToPostgres: ratio(by(LABELS.embedded), server),
  }
}

export interface WorkloadResult {
  name: string
  title: string
  targets: Summary[]
  ratios: ReturnType<typeof ratiosOf>
}

const n = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'))
const r = (x: { median: number; min: number; max: number } | null) => (x ? `**${x.median}** (${x.min}–${x.max})` : '—')

/** The table: req/s medians and the ratios of this server to each peer. */
export function mainTable(results: WorkloadResult[]) {
  const lines = [
    `| workload | ${LABELS.server} | ${LABELS.raw} | ${LABELS.mercurius} | ratio to raw | ratio to Mercurius | other |`,
    '|---|---|---|---|---|---|---|',
  ]
  for (const w of results) {
    const rps = (label: string) => n(w.targets.find((t) => t.label === label)?.requestsPerSecond.median)
    const other = [
      w.ratios.restCost &&
        `REST shim ${rps(LABELS.rest)} req/s: GraphQL / REST ${r(w.ratios.restCost)} (REST costs that many times GraphQL)`,
      w.ratios.embeddedToPostgres &&
        `embedded ${rps(LABELS.embedded)} req/s: ${r(w.ratios.embeddedToPostgres)} of PostgreSQL`,
    ].filter(Boolean)
    lines.push(
      `| ${w.title} | ${rps(LABELS.server)} | ${rps(LABELS.raw)} | ${rps(LABELS.mercurius)} | ${r(w.ratios.toRaw)} | ${r(w.ratios.toMercurius)} | ${other.join('; ')} |`,
    )
  }
  return lines.join('\n')
}

/** Every target of every workload: spread over the rounds, latency, CPU, statements, load, failures. */
export function detailTable(results: WorkloadResult[]) {
  const lines = [
    '| workload | target | req/s median (min–max) | latency p50 / p99 ms | target CPU ms/req | SQL/req | load avg | generator CPU % | answer bytes | failed |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const w of results)
    for (const t of w.targets) {
      const f = t.failures.non2xx + t.failures.errors + t.failures.wrong
      lines.push(
        `| ${w.name} | ${t.label} | ${n(t.requestsPerSecond.median)} (${n(t.requestsPerSecond.min)}–${n(t.requestsPerSecond.max)}) | ${n(t.latencyMs.p50)} / ${n(t.latencyMs.p99)} | ${n(t.targetCpuMsPerRequest)} | ${n(t.statementsPerRequest)} | ${n(t.loadAverage)} | ${n(t.generatorCpuPercent)} | ${n(t.sampleBytes)} | ${f ? JSON.stringify(t.failures) : 0} |`,
      )
    }
  return lines.join('\n')
}
