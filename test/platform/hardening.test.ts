import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { GraphQLError } from 'graphql'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, gqlRaw, rest, subscribe, until, wsClient } from '../helpers/clients.js'
import { createLogger } from '../../src/log.js'
import { registerUser } from './support.js'
import { FIXTURES, FIXTURE_SECRET } from '../fixtures/plugins.js'
import { graphql } from '../generated/index.js'

it('the test runtime loads the same graphql module as Node does (one copy, as in production)', () => {
  // graphql 16 has no "exports" map: Node (and tsx) resolve `import 'graphql'` to the CJS index.js everywhere, while
  // vite would give inlined source files index.mjs — two copies, so cross-copy instanceof checks fail only in tests
  // (production mode then answers 500 to every request). vitest.config.ts must alias graphql to Node's resolution.
  const nodeCopy = createRequire(import.meta.url)('graphql').GraphQLError
  expect(GraphQLError === nodeCopy, 'vitest resolves "graphql" to a second copy; alias it in vitest.config.ts').toBe(
    true,
  )
})

describe('per-IP rate limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' })
  })
  afterAll(() => closeAll(t))

  const retryAfterOk = (h: Headers) => {
    const v = Number(h.get('retry-after'))
    expect(Number.isInteger(v)).toBe(true)
    expect(v).toBeGreaterThanOrEqual(1)
    expect(v).toBeLessThanOrEqual(60)
    return v
  }

  it('allows the budget, then answers 429 with Retry-After in each client’s error form', async () => {
    for (let i = 0; i < 5; i++) expect((await gql(t.url, graphql(`query Typename { __typename }`))).status).toBe(200)

    // GraphQL form
    const g = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(g.status).toBe(429)
    const retry = retryAfterOk(g.headers)
    const gb = await g.json()
    expect(gb).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: retry } }],
    })

    // peka2 form
    const p = await rest(t.url, '/api/user/current', {})
    expect(p.status).toBe(429)
    retryAfterOk(p.headers)
    expect(p.body).toEqual({ message: expect.stringMatching(/retry/i) })

    // JustChat form
    const j = await rest(t.url, '/init/reg', {})
    expect(j.status).toBe(429)
    retryAfterOk(j.headers)
    expect(j.body).toEqual({ error: expect.stringMatching(/retry/i) })

    // GET on /graphql counts too
    expect((await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`)).status).toBe(429)
  })

  it('health checks are never throttled', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200)
  })

  it('a new WebSocket over the budget is closed with 4429', async () => {
    const sock = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
    const closed = new Promise<number>((r) => sock.once('close', (code) => r(code)))
    sock.once('open', () => sock.send(JSON.stringify({ type: 'connection_init', payload: {} })))
    expect(await closed).toBe(4429)
  })
})

describe('production mode', () => {
  let prod: TestApp
  let dev: TestApp
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production', PLUGINS: 'fixture-boom' }, { available: FIXTURES })
    dev = await startTestApp()
  })
  afterAll(async () => {
    await closeAll(prod, dev)
  })

  it('is production', () => {
    expect(prod.app.config.production).toBe(true)
    expect(dev.app.config.production).toBe(false)
  })

  it('refuses introspection (HTTP and WebSocket), still answers __typename', async () => {
    const q = graphql(`query IntrospectionQueryType { __schema { queryType { name } } }`)
    expect((await gql(dev.url, q)).data).toEqual({ __schema: { queryType: { name: 'Query' } } })
    const r = await gql(prod.url, q)
    expect(r.data ?? null).toBeNull()
    expect(r.errors?.[0].message).toMatch(/introspection/i)
    const t2 = await gql(prod.url, graphql(`query Type { __type(name: "User") { fields { name } } }`))
    expect(t2.data ?? null).toBeNull()
    expect(t2.errors?.[0].message).toMatch(/introspection/i)
    expect((await gql(prod.url, graphql(`query Typename { __typename }`))).data).toEqual({ __typename: 'Query' })

    const client = wsClient(prod.url)
    try {
      const e = await subscribe(client, q).next(10_000)
      expect(e.data ?? null).toBeNull()
      expect(JSON.stringify(e)).toMatch(/introspection/i)
    } finally {
      await client.dispose()
    }
  })

  it('does not serve GraphiQL', async () => {
    const devPage = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } })
    expect(await devPage.text()).toContain('GraphiQL')
    const res = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } })
    const body = await res.text()
    expect(res.status).not.toBe(200)
    expect(body).not.toMatch(/graphiql/i)
    expect(res.headers.get('content-type') ?? '').not.toMatch(/html/)
  })

  it('hides suggestions ("Did you mean") for fields, arguments and types', async () => {
    const probes = [
      '{ viewr { name } }',
      '{ user(databseId: 1) { name } }',
      'query($n: Strin) { user(name: $n) { name } }',
    ]
    for (const q of probes) {
      const d = await gqlRaw(dev.url, q)
      expect(d.errors?.[0].message, `dev: ${q}`).toMatch(/Did you mean/)
      const p = await gqlRaw(prod.url, q)
      expect(p.errors?.[0].extensions?.code, `prod: ${q}`).toBe('GRAPHQL_VALIDATION_FAILED')
      const text = JSON.stringify(p.errors)
      expect(text, `prod: ${q}`).not.toMatch(/Did you mean/)
      expect(text, `prod: ${q}`).not.toMatch(/"(viewer|databaseId|String)\\"/)
    }
  })

  it('masks unexpected errors: generic message, request id, no detail', async () => {
    const res = await fetch(`${prod.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ fixtureBoom }' }),
    })
    const text = await res.text()
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: expect.stringMatching(/^Unexpected error\. \(request id [0-9a-f-]{36}\)$/),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
    })
    expect(text).not.toContain(FIXTURE_SECRET)
    expect(text).not.toMatch(/\bat .*\.[jt]s:\d+|stack|originalError/)
  })
})

describe('request logs', () => {
  let t: TestApp
  const lines: string[] = []
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, any>)
  beforeAll(async () => {
    t = await startTestApp({}, { log: createLogger('info', (line) => lines.push(line)) })
  })
  afterAll(() => closeAll(t))

  it('one structured JSON line per GraphQL request with the operation name, status, duration and request id', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-probe-1' },
      body: JSON.stringify({ query: 'query PlatformLogProbe { __typename }', operationName: 'PlatformLogProbe' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('log-probe-1')
    await until(() => records().some((r) => r.operation === 'PlatformLogProbe'), 5000, 'request log line')
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow()
    const line = records().filter((r) => r.operation === 'PlatformLogProbe')
    expect(line).toHaveLength(1)
    expect(line[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      msg: 'graphql request',
      requestId: 'log-probe-1',
      operation: 'PlatformLogProbe',
      status: 200,
      ms: expect.any(Number),
    })
    expect(line[0].ms).toBeGreaterThanOrEqual(0)
    expect(line[0].ms).toBeLessThan(10_000)
  })

  it('names the operation from the document when the client sends no operationName', async () => {
    await gql(t.url, graphql(`query UnnamedParamProbe { __typename }`))
    await until(
      () => records().some((r) => r.msg === 'graphql request' && r.operation === 'UnnamedParamProbe'),
      5000,
      'log line naming the operation',
    )
  })

  it('logs REST and graphql-ws operations too', async () => {
    const r = await rest(t.url, '/api/user/current', {}, { headers: { 'x-request-id': 'log-probe-rest' } })
    expect(r.status).toBe(200)
    await until(() => records().some((x) => x.requestId === 'log-probe-rest'), 5000, 'REST log line')
    expect(records().find((x) => x.requestId === 'log-probe-rest')).toMatchObject({
      msg: 'rest request',
      path: '/api/user/current',
      status: 200,
      ms: expect.any(Number),
    })

    const user = await registerUser(t.url)
    const client = wsClient(t.url, user.token)
    try {
      const sub = client.iterate({ query: 'query WsLogProbe { viewer { databaseId } }', operationName: 'WsLogProbe' })
      expect((await sub.next()).value).toEqual({ data: { viewer: { databaseId: user.id } } })
    } finally {
      await client.dispose()
    }
    await until(() => records().some((x) => x.operation === 'WsLogProbe'), 5000, 'ws log line')
    expect(records().find((x) => x.operation === 'WsLogProbe')).toMatchObject({
      level: 'info',
      msg: 'ws operation',
      requestId: expect.any(String),
    })
  })
})
