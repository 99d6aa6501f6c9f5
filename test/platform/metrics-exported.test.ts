// What GET /metrics exports besides the Redis fallbacks (test/platform/metrics.test.ts): GraphQL operations by name,
// HTTP answers by status class, graphql-ws, pub/sub per topic, rate-limit refusals, the database pool and the
// process — and that the sample Grafana dashboard asks only for series a real scrape has.
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'graphql'
import type { Client } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, gql, gqlRaw, subscribe, until, wsClient } from '../helpers/clients.js'
import { freePort } from '../helpers/services.js'
import { MAX_OPERATION_NAMES, operationLabels } from '../../src/http/graphql-metrics.js'
import { graphql } from '../generated/index.js'

const OPERATOR_TOKEN = 'operator-token-for-metrics-0123456789'
const DASHBOARD = path.resolve(import.meta.dirname, '../../docs/grafana/streamhub-dashboard.json')

const PROBE = graphql(`
  query MetricsProbe {
    __typename
  }
`)
const STATS = graphql(`
  subscription MetricsStats {
    opsStats {
      at
    }
  }
`)

const scrape = async (t: TestApp) => {
  const res = await fetch(`${t.url}/metrics`)
  expect(res.status).toBe(200)
  return res.text()
}

/** The value of one series (`name` or `name{labels}`) in a Prometheus text body. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

const op = (name: string, type: string) => `{operationName="${name}",operationType="${type}"}`

describe('GET /metrics exports', () => {
  let t: TestApp
  const clients: Client[] = []
  beforeAll(async () => {
    t = await startTestApp({
      OPERATOR_TOKEN,
      RATE_LIMIT_PER_MINUTE: '40',
      // redis_up is only there with a Redis: a real one when the suite has it, else one that is not listening
      REDIS_URL: process.env.TEST_REDIS_URL ?? `redis://127.0.0.1:${await freePort()}`,
      REDIS_TIMEOUT_MS: '100',
    })
  })
  afterAll(async () => {
    await disposeAll(clients)
    await closeAll(t)
  })

  it('GraphQL operations by name: phase histograms, completions, errors', async () => {
    const before = await scrape(t)
    for (let i = 0; i < 2; i++) expect((await gql(t.url, PROBE)).errors).toBeUndefined()
    const invalid = await gqlRaw(t.url, 'query MetricsInvalid { noSuchField }')
    expect(invalid.errors?.length).toBe(1)
    const text = await scrape(t)
    const grew = (series: string) => (sample(text, series) ?? 0) - (sample(before, series) ?? 0)
    for (const phase of ['parse', 'validate', 'execute'])
      expect(grew(`graphql_envelop_phase_${phase}_count${op('MetricsProbe', 'query')}`), phase).toBe(2)
    expect(text).toContain(`graphql_envelop_phase_execute_bucket{le="0.001",operationName="MetricsProbe"`)
    expect(grew(`graphql_envelop_request${op('MetricsProbe', 'query')}`)).toBe(2)
    expect(sample(text, `graphql_envelop_phase_execute_count${op('MetricsInvalid', 'query')}`)).toBeUndefined()
    expect(
      sample(
        text,
        `graphql_envelop_error_result{operationName="MetricsInvalid",operationType="query",phase="validate"}`,
      ),
    ).toBeGreaterThan(0)
    // one result with errors, although the fast path and Yoga both validated it
    expect(grew('graphql_error_results_total{phase="validate"}')).toBe(1)
    expect(grew('graphql_error_results_total{phase="execute"}')).toBe(0)
    expect(grew('http_requests_total{status_class="2xx"}')).toBeGreaterThanOrEqual(3)
  })

  it('graphql-ws connections and subscriptions; a subscription timed until it ends', async () => {
    const c = wsClient(t.url, OPERATOR_TOKEN)
    clients.push(c)
    const sub = subscribe(c, STATS)
    expect((await sub.next()).errors).toBeUndefined()
    const live = await scrape(t)
    expect(sample(live, 'graphql_ws_connections')).toBe(1)
    expect(sample(live, 'graphql_ws_subscriptions')).toBe(1)
    sub.unsubscribe()
    await c.dispose()
    await until(async () => {
      const text = await scrape(t)
      return (
        sample(text, 'graphql_ws_connections') === 0 &&
        sample(text, 'graphql_ws_subscriptions') === 0 &&
        sample(text, `graphql_envelop_phase_subscribe_count${op('MetricsStats', 'subscription')}`) === 1
      )
    })
  })

  it('events published per topic, the database pool and the process', async () => {
    const series = 'pubsub_published_total{topic="core.notification"}'
    const before = sample(await scrape(t), series)
    expect(before).toBe(0)
    expect(sample(await scrape(t), 'pubsub_received_total{topic="core.notification"}')).toBe(0)
    t.app.services.pubsub.publish('core.notification', 1, { type: 'metrics-test', data: null, time: '' })
    const text = await scrape(t)
    expect(sample(text, series)).toBe(1)
    expect(sample(text, 'db_pool_connections')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'db_pool_max_connections')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'db_pool_waiting')).toBe(0)
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0)
    expect(text).toContain('# TYPE nodejs_eventloop_lag_p99_seconds gauge')
    // the process's series once, whatever the number of apps
    expect(text.split('\n').filter((l) => l === '# TYPE process_resident_memory_bytes gauge')).toHaveLength(1)
  })

  it('refusals of a rate limit, by limiter', async () => {
    const before = sample(await scrape(t), 'rate_limit_refusals_total{limiter="ip"}')
    expect(before).toBeDefined()
    let refused = 0
    for (let i = 0; i < 60 && refused < 2; i++) if ((await gql(t.url, PROBE)).status === 429) refused++
    expect(refused).toBe(2)
    const text = await scrape(t)
    expect(sample(text, 'rate_limit_refusals_total{limiter="ip"}')! - before!).toBe(2)
    expect(sample(text, 'http_requests_total{status_class="4xx"}')).toBeGreaterThanOrEqual(2)
  })
})

describe('operation names as labels', () => {
  it('are the document\'s operation, capped: later names share "(other)"', () => {
    const labels = operationLabels()
    const doc = parse('query A { __typename } mutation B { __typename }')
    expect(labels({ document: doc }, { params: { operationName: 'B' } })).toEqual({
      operationName: 'B',
      operationType: 'mutation',
    })
    expect(labels({ document: parse('{ __typename }') }, {})).toEqual({
      operationName: 'Anonymous',
      operationType: 'query',
    })
    expect(labels({}, {})).toEqual({ operationName: 'Anonymous', operationType: 'unknown' })
    const names = new Set<string>()
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++)
      names.add(labels({ document: parse(`query Q${i} { __typename }`) }, {}).operationName)
    // B and Anonymous took two places
    expect(names.size).toBe(MAX_OPERATION_NAMES - 2 + 1)
    expect(names).toContain('(other)')
    expect(names).toContain('Q0')
    // a name seen before the cap keeps its series; a new one does not get one
    expect(labels({ document: parse('mutation B { __typename }') }, {}).operationName).toBe('B')
    expect(labels({ document: doc }, { params: { operationName: 'A' } }).operationName).toBe('(other)')
  })
})

interface Target {
  expr: string
}
interface Panel {
  type: string
  title: string
  datasource?: { type: string; uid: string }
  targets?: Target[]
}
interface Dashboard {
  panels: Panel[]
  templating: { list: { name: string; type: string; query: unknown; datasource?: { uid: string } }[] }
}

const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless'])

/** The metric names a PromQL expression reads: identifiers that are not functions, keywords or label names. */
function metricNames(expr: string): string[] {
  const bare = expr
    // Grafana's label_values(metric, label): the metric, not the label
    .replace(/label_values\(\s*([a-zA-Z_:][\w:]*)[^)]*\)/g, '$1')
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring)\s*\([^)]*\)/g, '')
    .replace(/\$\{?\w+\}?/g, '')
  return [...bare.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g)]
    .map((m) => m[0])
    .filter((w) => !PROMQL_WORDS.has(w))
}

describe('docs/grafana/streamhub-dashboard.json', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: process.env.TEST_REDIS_URL ?? `redis://127.0.0.1:${await freePort()}` })
  })
  afterAll(() => closeAll(t))

  it('parses, takes a Prometheus data source variable, and asks only for series a real scrape has', async () => {
    const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as Dashboard
    const variables = dashboard.templating.list
    expect(variables.find((v) => v.type === 'datasource')).toMatchObject({ name: 'datasource', query: 'prometheus' })
    const panels = dashboard.panels.filter((p) => p.type !== 'row')
    for (const p of panels) {
      expect(p.datasource?.uid, p.title).toBe('${datasource}')
      expect(p.targets?.length, p.title).toBeGreaterThan(0)
    }
    const exprs = [
      ...panels.flatMap((p) => p.targets!.map((x) => x.expr)),
      ...variables.flatMap((v) => (v.type === 'query' ? [(v.query as { query: string }).query] : [])),
    ]
    const used = new Set(exprs.flatMap(metricNames))
    // what the panels must show
    for (const name of [
      'http_requests_total',
      'graphql_error_results_total',
      'graphql_envelop_phase_execute_bucket',
      'graphql_ws_connections',
      'graphql_ws_subscriptions',
      'pubsub_published_total',
      'redis_up',
      'redis_fallback_total',
      'process_resident_memory_bytes',
      'process_cpu_seconds_total',
      'db_pool_connections',
      'db_pool_waiting',
    ])
      expect(used, name).toContain(name)
    expect(used).not.toContain('instance')
    // the operations that make the per-operation series appear: one fine, one failing
    await gql(t.url, PROBE)
    await gqlRaw(t.url, 'query MetricsInvalid { noSuchField }')
    const text = await scrape(t)
    const scraped = new Set(text.split('\n').flatMap((l) => (l && !l.startsWith('#') ? [l.split(/[{ ]/)[0]] : [])))
    expect(
      [...used].filter((name) => !scraped.has(name)),
      'names the scrape lacks',
    ).toEqual([])
  })
})
