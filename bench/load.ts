/**
 * One timed run of autocannon against one target, with what was going on meanwhile: the 1-minute load average, the
 * CPU time the target's process used (ms per request: steadier than requests/s on a shared machine) and the CPU the
 * load generator itself used (near 100 % of its core: the figure is the generator's ceiling, not the target's).
 *
 * autocannon runs in this process: the runner does nothing else while a run is in flight, and every target is a
 * process of its own, so on 2 cores the generator has one and the target the other. (autocannon's worker threads
 * would only take the target's core.)
 */
import os from 'node:os'
import autocannon from 'autocannon'
import { cpuMs } from './children.js'
import { round } from './lib.js'

export interface RequestSpec {
  path: string
  body: string
  headers?: Record<string, string>
  /** a body and headers per request (accounts taking turns); called for every request */
  next?: () => { body: string; headers?: Record<string, string> }
  /** every 2xx response's body must hold this text; the others are counted as `wrong` (and not as answered) */
  expect?: string
}

export interface RunOptions {
  connections: number
  seconds: number
  /** the target's process, for its CPU time */
  pid?: number
}

export interface LoadResult {
  requestsPerSecond: number
  ok: number
  non2xx: number
  errors: number
  wrong: number
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  targetCpuMsPerRequest: number | null
  generatorCpuPercent: number
  loadAverage: number
  seconds: number
}

export async function hammer(base: string, spec: RequestSpec, opts: RunOptions): Promise<LoadResult> {
  let wrong = 0
  const headers = { 'content-type': 'application/json', ...spec.headers }
  const { next, expect } = spec
  const request: autocannon.Request = {
    method: 'POST',
    path: spec.path,
    body: spec.body,
    headers,
    ...(next && {
      setupRequest: (req: autocannon.Request) => {
        const n = next()
        return { ...req, body: n.body, headers: { ...headers, ...n.headers } }
      },
    }),
    ...(expect && {
      onResponse: (status: number, body: string) => {
        if (status < 300 && !body.includes(expect)) wrong++
      },
    }),
  }
  const loadAverage = os.loadavg()[0]
  const cpu0 = cpuMs(opts.pid)
  const gen0 = process.cpuUsage()
  const t0 = performance.now()
  const r = await autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [request],
  })
  const wall = performance.now() - t0
  const gen = process.cpuUsage(gen0)
  const cpu1 = cpuMs(opts.pid)
  const ok = r['2xx'] - (expect ? wrong : 0)
  return {
    requestsPerSecond: round(ok / r.duration, 0),
    ok,
    non2xx: r.non2xx,
    errors: r.errors,
    wrong,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    targetCpuMsPerRequest: cpu0 !== null && cpu1 !== null && ok ? round((cpu1 - cpu0) / ok, 3) : null,
    generatorCpuPercent: round(((gen.user + gen.system) / 1000 / wall) * 100, 0),
    loadAverage: round(loadAverage, 2),
    seconds: round(r.duration, 2),
  }
}
