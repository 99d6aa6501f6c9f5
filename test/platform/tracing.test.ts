import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniquePrefix } from '../helpers/app.js'
import { registerUser } from './support.js'

/**
 * Tracing as `npm start` runs it: the real entry (`node --import tsx scripts/start.ts`) as a child process, exporting
 * over OTLP/HTTP to a collector stand-in in this file. The embedded database in memory; Redis too when the suite has
 * one (TEST_REDIS_URL), for Redis spans.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const RECORDER = path.join(ROOT, 'test/fixtures/loaded-modules.ts')
const REDIS = process.env.TEST_REDIS_URL

interface Span {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  kind: number
  scope: string
  service: string
  attributes: Record<string, unknown>
}
/** OTLP's SpanKind numbers */
const KIND = { internal: 1, server: 2 }

interface OtlpValue {
  stringValue?: string
  intValue?: number | string
  boolValue?: boolean
}
const valueOf = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.boolValue
const attributesOf = (list: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]))

/** An OTLP/HTTP collector that keeps the spans of every JSON export to POST /v1/traces. */
function collector() {
  const spans: Span[] = []
  const requests: { path: string; type: string | undefined }[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      requests.push({ path: req.url ?? '', type: req.headers['content-type'] })
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end()
        return
      }
      const parsed = JSON.parse(body)
      for (const rs of parsed.resourceSpans ?? []) {
        const service = attributesOf(rs.resource?.attributes)['service.name'] as string
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({
              traceId: s.traceId,
              spanId: s.spanId,
              // OTLP/JSON writes a root's parent as ""
              parentSpanId: s.parentSpanId === '' ? undefined : s.parentSpanId,
              name: s.name,
              kind: s.kind,
              scope: ss.scope?.name,
              service,
              attributes: attributesOf(s.attributes),
            })
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  return { server, spans, requests }
}

interface Server {
  child: ChildProcess
  stdout: string[]
  stderr: string[]
  /** the base URL once the server logged 'server ready' */
  ready: Promise<string>
  exited: Promise<number | null>
}

const children = new Set<ChildProcess>()
const dirs: string[] = []

/** The suite's environment without what would point the child at the suite's databases or change its plugins. */
function baseEnv(): NodeJS.ProcessEnv {
  const test = /^(DATABASE_URL|REDIS_URL|REDIS_PREFIX|TEST_|VITEST|NODE_ENV$|PLUGINS$|SESSION_SECRET$|OTEL_)/
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !test.test(k)))
}

function start(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', RECORDER, 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...baseEnv(),
      DATA_DIR: ':memory:',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: '0',
      ...(REDIS ? { REDIS_URL: REDIS, REDIS_PREFIX: uniquePrefix() } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  const stdout: string[] = []
  const stderr: string[] = []
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      children.delete(child)
      resolve(code)
    }),
  )
  const ready = new Promise<string>((resolve, reject) => {
    let buf = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString()
      let i
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        stdout.push(line)
        if (line.includes('"msg":"server ready"')) resolve(JSON.parse(line).graphql.replace(/\/graphql$/, ''))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
    void exited.then((code) => reject(new Error(`exited with ${code} before ready:\n${stderr.join('')}`)))
  })
  ready.catch(() => {})
  return { child, stdout, stderr, ready, exited }
}

/** Stops a server with SIGTERM (as an orchestrator does) and waits for its exit. */
async function stop(s: Server): Promise<number | null> {
  s.child.kill('SIGTERM')
  return s.exited
}

/** Polls until `find` returns something, or fails after ms. */
async function eventually<T>(find: () => T | undefined, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > until) throw new Error(`no ${what} within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const tempFile = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'streamhub-tracing-'))
  dirs.push(d)
  return path.join(d, name)
}
const loaded = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)

const otlp = collector()
let endpoint: string

beforeAll(async () => {
  await new Promise<void>((r) => otlp.server.listen(0, '127.0.0.1', r))
  endpoint = `http://127.0.0.1:${(otlp.server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await new Promise<void>((r) => otlp.server.close(() => r()))
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

describe.concurrent('tracing (OpenTelemetry over OTLP/HTTP)', () => {
  it('exports an HTTP server span, the GraphQL execution span and Prisma spans of one request in one trace', async () => {
    const modules = tempFile('modules.txt')
    const server = start({
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOADED_MODULES_FILE: modules,
    })
    const base = await server.ready
    // a mutation whose resolver writes to the database (user, session)
    await registerUser(base)

    const execution = await eventually(
      () => otlp.spans.find((s) => s.name === 'mutation.Register'),
      20_000,
      'GraphQL execution span',
    )
    expect(execution.scope).toBe('graphql')
    expect(execution.kind).toBe(KIND.internal)
    expect(execution.attributes['graphql.execute.operationName']).toBe('Register')
    expect(execution.attributes['graphql.execute.operationType']).toBe('mutation')
    expect(execution.service).toBe('streamhub')
    const trace = execution.traceId
    const inTrace = () => otlp.spans.filter((s) => s.traceId === trace)
    const byId = (id: string | undefined) => inTrace().find((s) => s.spanId === id)

    // the HTTP server span is the execution's parent, and the root of the trace
    const httpSpan = await eventually(() => byId(execution.parentSpanId), 10_000, 'HTTP span')
    expect(httpSpan.kind).toBe(KIND.server)
    expect(httpSpan.scope).toBe('@opentelemetry/instrumentation-http')
    expect(httpSpan.name).toMatch(/^POST/)
    expect(httpSpan.parentSpanId).toBeUndefined()

    // Prisma's operations run inside the execution: their spans descend from it
    const descendsFromExecution = (s: Span) => {
      for (let p = byId(s.parentSpanId); p; p = byId(p.parentSpanId)) if (p.spanId === execution.spanId) return true
      return false
    }
    const prisma = await eventually(
      () => inTrace().find((s) => s.name === 'prisma:client:operation' && descendsFromExecution(s)),
      10_000,
      'Prisma operation span under the execution',
    )
    expect(prisma.scope).toBe('prisma')
    expect(inTrace().some((s) => s.name === 'prisma:client:db_query')).toBe(true)
    if (REDIS) {
      // the per-IP rate limit's Redis command, within the same request
      const redis = await eventually(
        () => inTrace().find((s) => s.scope === '@opentelemetry/instrumentation-ioredis'),
        10_000,
        'Redis span',
      )
      expect(redis.kind).toBe(3) // client
    }
    expect(otlp.requests.every((r) => r.path === '/v1/traces' && r.type === 'application/json')).toBe(true)

    // SIGTERM sends what is still buffered before the process exits
    const before = otlp.spans.length
    await registerUser(base)
    expect(await stop(server)).toBe(0)
    const registers = otlp.spans.filter((s) => s.name === 'mutation.Register')
    expect(registers).toHaveLength(2)
    expect(otlp.spans.length).toBeGreaterThan(before)
    // the recorder sees the tracing modules when they load (what the next test relies on)
    expect(loaded(modules).some((m) => m.includes('@opentelemetry/sdk-trace'))).toBe(true)
    expect(loaded(modules).some((m) => m.includes('@envelop/opentelemetry'))).toBe(true)
  }, 120_000)

  it('OTEL_SERVICE_NAME names the service', async () => {
    const server = start({
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'streamhub-canary',
      LOADED_MODULES_FILE: tempFile('modules.txt'),
    })
    const base = await server.ready
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query CanaryTypename { __typename }' }),
    })
    expect(res.status).toBe(200)
    const span = await eventually(
      () => otlp.spans.find((s) => s.name === 'query.CanaryTypename'),
      20_000,
      'execution span',
    )
    expect(span.service).toBe('streamhub-canary')
    expect(await stop(server)).toBe(0)
  }, 120_000)

  it('without OTEL_EXPORTER_OTLP_ENDPOINT no SDK, instrumentation or tracing plugin is loaded', async () => {
    const modules = tempFile('modules.txt')
    const server = start({ LOADED_MODULES_FILE: modules })
    const base = await server.ready
    await registerUser(base)
    expect(await stop(server)).toBe(0)
    // @opentelemetry/api is the no-op API facade, which prom-client (the metrics) loads in any case
    expect(loaded(modules).filter((m) => !/[\\/]@opentelemetry[\\/]api[\\/]/.test(m))).toEqual([])
  }, 120_000)
})
