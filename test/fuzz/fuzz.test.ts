import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GraphQLSchema } from 'graphql'
import type { RestRoute } from '../../src/rest/route.js'
import { fieldCaseArb, rootFields, type FieldCase } from './graphql-gen.js'
import { enabled, Fuzzer, runsOf, seedOf, settings, type Suite, type Who } from './harness.js'
import { bodyArb, shapeOf, type RouteShape } from './rest-shapes.js'
import { encodeMultipart, fileBytes, fileName, type Part } from './multipart.js'
import { anyJson, anyString, anything, deepJson, jsonOf, wrongType } from './values.js'
import { runRaw, rawCaseArb } from './raw-http.js'
import { runWs, wsCaseArb } from './ws.js'
import { describeInput } from './report.js'

/**
 * Fuzzing every entry point of the running server: each REST route (bodies in the route's own shape, then mutated),
 * each GraphQL root field (arguments from their types, as variables and as literals), uploads (GraphQL multipart
 * request spec and the REST multipart routes), graphql-ws frames, /api/bulk and raw HTTP. Failures are collected, not
 * thrown at the first one, and reported grouped by cause with the smallest input seen, the seed and the case index.
 *
 *   npm test                    a short run (FUZZ_RUNS=400 cases in all)
 *   npm run fuzz                the full run (FUZZ_RUNS=12000)
 *   FUZZ_SEED=… FUZZ_ONLY=rest FUZZ_PATH=17 npx vitest run test/fuzz   replays one case
 */

const f = new Fuzzer()
/** after a case like these our own accounts may be logged out, blocked or stripped of roles, or a plugin switched off */
const DANGER = /logout|\/exit|block|setRole|roles\/set|restore|resetPassword|bulk|setPluginEnabled/i
const WHO = fc.constantFrom<Who>('admin', 'admin', 'admin', 'user', 'user', 'guest')

let schema: GraphQLSchema
let shapes: RouteShape[] = []

beforeAll(async () => {
  await f.start()
  schema = f.schema
  shapes = f.t.app.rest.routes.map((r) => shapeOf(r, schema))
}, 120_000)

afterAll(async () => {
  printSummary()
  await f.close()
}, 60_000)

const timeoutFor = (s: Suite) => 60_000 + runsOf(s) * 600

/**
 * Runs `numRuns` cases of a suite. The case index picks the target round-robin (so a short run still reaches every
 * route and field); fast-check's generator (seeded) makes the input. FUZZ_PATH replays a single case.
 */
async function runSuite(suite: Suite, each: (i: number, g: fc.GeneratorValue) => Promise<string | undefined>) {
  const start = settings.path ? Number(settings.path) : 0
  let i = start
  const property = fc.asyncProperty(fc.gen(), async (g) => {
    f.setPath(i)
    f.count(suite)
    const t0 = performance.now()
    const target = await each(i, g)
    f.timing(suite, target ?? '?', performance.now() - t0)
    i++
    if (target && DANGER.test(target)) await f.heal()
    if (i % 50 === 0 && !(await f.alive())) {
      f.fail({
        suite,
        target: target ?? '?',
        kind: 'crash',
        detail: 'the server stopped answering /healthz',
        input: null,
        response: '',
      })
      throw new Error('server down')
    }
    return true
  })
  await fc.assert(property, {
    seed: seedOf(suite),
    numRuns: settings.path ? 1 : runsOf(suite),
    path: settings.path,
    endOnFailure: true,
  })
  if (!(await f.alive()))
    f.fail({
      suite,
      target: '-',
      kind: 'crash',
      detail: 'the server stopped answering /healthz',
      input: null,
      response: '',
    })
  const mine = f.grouped(f.failures.filter((x) => x.suite === suite))
  expect(
    mine.map(
      (g) =>
        `${g.key} ×${g.count}\n  input: ${describeInput(g.smallest.input)}\n  got: ${g.smallest.response.slice(0, 300)}${g.smallest.cause ? `\n  cause: ${g.smallest.cause}` : ''}\n  replay: FUZZ_SEED=${settings.seed} FUZZ_ONLY=${suite} FUZZ_PATH=${g.smallest.path}`,
    ),
  ).toEqual([])
}

const json = (v: unknown) => {
  try {
    return jsonOf(v) ?? 'null'
  } catch {
    return 'null'
  }
}

describe.runIf(enabled('graphql'))('GraphQL: every Query and Mutation field, arguments from their types', () => {
  it('no 5xx, no INTERNAL_SERVER_ERROR, no leaks', { timeout: timeoutFor('graphql') }, async () => {
    const fields = rootFields(schema).filter((x) => x.root !== 'subscription')
    const arbs = new Map(fields.map((x) => [x.target, fieldCaseArb(x.root, x.field, x.selection)]))
    await runSuite('graphql', async (i, g) => {
      const field = fields[i % fields.length]
      const c: FieldCase = g(() => arbs.get(field.target)!)
      const who = g(() => WHO)
      const transport = g(() =>
        fc.constantFrom('post', 'post', 'post', 'post', 'post', 'post', 'get', 'post-plain-json'),
      )
      f.hit(f.fieldsSent, c.target)
      const token = f.token(who)
      const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json' }
      if (token) headers.authorization = `Bearer ${token}`
      const payload = json({ query: c.query, variables: c.variables })
      let a
      if (transport === 'get') {
        const qs = new URLSearchParams({ query: c.query, ...(c.variables ? { variables: json(c.variables) } : {}) })
        a = await f.send(`/graphql?${qs}`, { method: 'GET', headers })
      } else {
        headers['content-type'] = transport === 'post' ? 'application/json' : 'application/json; charset=utf-8'
        a = await f.send('/graphql', { headers, body: payload })
      }
      f.check(
        'graphql',
        c.target,
        { who, transport, mode: c.mode, query: c.query, variables: c.variables },
        payload,
        a,
        null,
      )
      const name = field.field.name
      try {
        const body = JSON.parse(a.text) as { data?: Record<string, unknown>; errors?: unknown[] }
        if (body.data?.[name] != null && !body.errors) f.hit(f.fieldsOk, c.target)
      } catch {
        /* not JSON: counted by the oracle when it matters */
      }
      return c.target
    })
  })
})

/** Ways a REST request can be wrong beyond its values. */
const restVariant = fc.oneof(
  { arbitrary: fc.constant('shaped'), weight: 14 },
  { arbitrary: fc.constant('shaped+extra'), weight: 2 },
  { arbitrary: fc.constant('wrong-body'), weight: 2 },
  { arbitrary: fc.constant('raw-text'), weight: 2 },
  { arbitrary: fc.constant('content-type'), weight: 1 },
  { arbitrary: fc.constant('method'), weight: 1 },
  { arbitrary: fc.constant('bad-token'), weight: 1 },
)

const RAW_BODIES = [
  '',
  ' ',
  'null',
  '[]',
  '"text"',
  '123',
  '{',
  '{"a":',
  '{"a" 1}',
  '\u0000',
  '\uFEFF{}',
  '{}{}',
  '{"a":1,"a":2}',
  '[1,2',
  'NaN',
  '{"__proto__":{"polluted":1}}',
  '['.repeat(100_000),
  '{"a":'.repeat(50_000),
  '1'.repeat(400),
  '{"x":"' + 'a'.repeat(1_100_000) + '"}',
]

describe.runIf(enabled('rest'))(
  'REST: every route of both dialects, bodies in their documented shape, then mutated',
  () => {
    it(
      'no 5xx beyond the documented peka2 {message}, no internal errors, no leaks',
      { timeout: timeoutFor('rest') },
      async () => {
        const arbs = new Map(shapes.map((s) => [s, bodyArb(s)]))
        await runSuite('rest', async (i, g) => {
          const shape = shapes[i % shapes.length]
          const route: RestRoute = shape.route
          const who = g(() => WHO)
          const variant = g(() => restVariant)
          let body: unknown = g(() => arbs.get(shape)!)
          let method: string = route.method ?? 'POST'
          let contentType: string | undefined = 'application/json'
          let raw: string | undefined
          if (variant === 'shaped+extra') {
            const extra = g(() =>
              fc.dictionary(
                fc.constantFrom('__proto__', 'constructor', 'session_key', 'files', 'x', 'command', ''),
                anything,
                { minKeys: 1, maxKeys: 3 },
              ),
            )
            body = body && typeof body === 'object' && !Array.isArray(body) ? { ...body, ...extra } : extra
          } else if (variant === 'wrong-body') body = g(() => fc.oneof(wrongType, anyJson, deepJson, anyString))
          else if (variant === 'raw-text')
            raw = g(() => fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ maxLength: 40 })))
          else if (variant === 'content-type')
            contentType = g(() =>
              fc.constantFrom(
                undefined,
                '',
                'text/plain',
                'application/x-www-form-urlencoded',
                'multipart/form-data; boundary=x',
                'application/vnd.api+json',
                'application/json; version=1.0',
                'APPLICATION/JSON',
                'application/jsonx',
                'application/json\u00e9'.replace(/[^\x20-\x7e]/g, ''),
              ),
            )
          else if (variant === 'method')
            method = g(() => fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'))
          const dialect = route.dialect
          const token = f.token(who)
          const headers: Record<string, string> = {}
          if (contentType !== undefined) headers['content-type'] = contentType
          if (g(() => fc.boolean())) headers.accept = 'application/json; version=1.0'
          if (variant === 'bad-token') {
            const bad = g(() =>
              fc.constantFrom(
                'Bearer',
                'Bearer ',
                'bearer x',
                'Basic YTpi',
                `Bearer ${'a'.repeat(8000)}`,
                'Bearer \u00ff'.replace(/[^\x20-\x7e]/g, '?'),
                'Bearer null',
                `Bearer ${token ?? 'x'}x`,
              ),
            )
            headers[g(() => fc.constantFrom('token', 'authorization'))] = bad
            if (dialect === 'justchat' && body && typeof body === 'object' && !Array.isArray(body))
              body = { ...body, session_key: g(() => fc.oneof(anyString, wrongType)) }
          } else if (token) {
            if (dialect === 'peka2')
              headers[g(() => fc.constantFrom('token', 'token', 'authorization'))] = `Bearer ${token}`
            else if (dialect === 'justchat' && body && typeof body === 'object' && !Array.isArray(body))
              body = { ...body, session_key: token }
            else headers.authorization = `Bearer ${token}`
          }
          const text = raw ?? json(body)
          const hasBody = method !== 'GET' && method !== 'HEAD'
          let a = await f.send(route.path, { method, headers, body: hasBody ? text : undefined })
          // a HEAD answer has no body to judge: the same request as GET shows what the HEAD answer would have said
          if (method === 'HEAD' && a.status >= 500)
            a = { ...(await f.send(route.path, { method: 'GET', headers })), status: a.status }
          const input = { who, variant, method, path: route.path, headers: redact(headers), body: raw ?? body }
          f.check('rest', route.path, input, text, a, dialect)
          f.hit(f.routesSent, route.path)
          if (a.status >= 200 && a.status < 300) f.hit(f.routesOk, route.path)
          return route.path
        })
      },
    )
  },
)

/** Tokens are not worth printing in a report. */
const redact = (h: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(h).map(([k, v]) => [
      k,
      /^bearer [0-9a-z_-]{20,}$/i.test(v) ? 'Bearer <token>' : v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v,
    ]),
  )

describe.runIf(enabled('bulk'))('peka2 /api/bulk: batches of documented requests, broken batches', () => {
  it('no internal errors in the batch answer or its items', { timeout: timeoutFor('bulk') }, async () => {
    const peka2 = shapes.filter((s) => s.route.dialect === 'peka2')
    const entry = fc.oneof(
      {
        arbitrary: fc.constantFrom(...peka2).chain((s) => bodyArb(s).map((b) => [s.route.path, b] as unknown)),
        weight: 8,
      },
      {
        arbitrary: fc
          .tuple(
            fc.constantFrom(
              '/api/bulk',
              '/api/nope',
              '',
              '/init/reg',
              '/graphql',
              '/api/smile/add',
              'api/user',
              123,
              null,
            ),
            anything,
          )
          .map((x) => x as unknown),
        weight: 1,
      },
      {
        arbitrary: fc.oneof(
          wrongType,
          fc.constantFrom<unknown>([], ['/api/user'], ['/api/user', {}, 'extra'], { url: '/api/user' }),
        ),
        weight: 1,
      },
    )
    const command = fc.oneof(
      { arbitrary: fc.array(entry, { minLength: 1, maxLength: 8 }), weight: 8 },
      { arbitrary: fc.array(entry, { minLength: 19, maxLength: 25 }), weight: 1 },
      { arbitrary: fc.oneof(wrongType, fc.constant([])), weight: 1 },
    )
    await runSuite('bulk', async (_i, g) => {
      const who = g(() => WHO)
      const cmd = g(() => command)
      const body = g(() =>
        fc.oneof(
          { arbitrary: fc.constant({ command: cmd }), weight: 9 },
          { arbitrary: fc.constant<unknown>(cmd), weight: 1 },
        ),
      )
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      const token = f.token(who)
      if (token) headers.token = `Bearer ${token}`
      const text = json(body)
      const a = await f.send('/api/bulk', { headers, body: text })
      f.check('bulk', '/api/bulk', { who, body }, text, a, 'peka2')
      f.hit(f.routesSent, '/api/bulk')
      if (a.status === 200) f.hit(f.routesOk, '/api/bulk')
      return '/api/bulk'
    })
  })
})

const OPS = {
  valid: (m: string) => ({
    query: `mutation($file: File!) { ${m}(file: $file) { databaseId code width height } }`,
    variables: { file: null },
  }),
  list: (m: string) => ({
    query: `mutation($file: File!) { ${m}(file: $file) { databaseId } }`,
    variables: { file: [null] },
  }),
  profile: () => ({
    query: 'mutation($i: ProfileInput!) { updateProfile(input: $i) { databaseId } }',
    variables: { i: { nickname: null } },
  }),
  twoOps: (m: string) => ({
    query: `mutation A($file: File!) { ${m}(file: $file) { databaseId } } mutation B { logout }`,
    variables: { file: null },
  }),
}

describe.runIf(enabled('multipart'))('uploads: GraphQL multipart request spec and the REST smile/icon routes', () => {
  it(
    'no 5xx beyond the documented peka2 {message}, no internal errors',
    { timeout: timeoutFor('multipart') },
    async () => {
      let okCount = 0
      await runSuite('multipart', async (_i, g) => {
        const who = g(() => fc.constantFrom<Who>('admin', 'admin', 'admin', 'admin', 'user', 'guest'))
        const target = g(() =>
          fc.constantFrom('graphql addSmile', 'graphql addIcon', 'graphql addSmile', '/api/smile/add', '/api/icon/add'),
        )
        const files = g(() =>
          fc.array(
            fc.record({
              file: fileBytes,
              name: fileName,
              type: fc.constantFrom<string | undefined>(
                'image/png',
                'image/png',
                undefined,
                'text/plain',
                'application/octet-stream',
                'image/png; charset=x',
                '',
              ),
            }),
            { minLength: 0, maxLength: 3 },
          ),
        )
        const oneFile = g(() => fc.constantFrom(true, true, true, false))
        const used = oneFile && files.length ? files.slice(0, 1) : files
        const boundary = g(() =>
          fc.oneof(
            { arbitrary: fc.stringMatching(/^----fz[A-Za-z0-9]{8,20}$/), weight: 8 },
            { arbitrary: fc.constantFrom('a', 'x'.repeat(200), 'with space', '"quoted"', ''), weight: 1 },
          ),
        )
        const breakage = g(() =>
          fc.constantFrom<'none' | 'no-final' | 'lf-only' | 'garbage-preamble' | 'truncated'>(
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'no-final',
            'lf-only',
            'garbage-preamble',
            'truncated',
          ),
        )
        const header = g(() =>
          fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'no-boundary', 'wrong-boundary', 'mixed', 'json'),
        )
        const chunked = g(() => fc.constantFrom(false, false, false, false, false, false, false, false, false, true))
        let parts: Part[]
        let inputDesc: Record<string, unknown>
        const isGql = target.startsWith('graphql')
        if (isGql) {
          const m = target.split(' ')[1]
          const opsKind = g(() =>
            fc.constantFrom(
              'valid',
              'valid',
              'valid',
              'valid',
              'list',
              'profile',
              'twoOps',
              'not-json',
              'array',
              'no-query',
              'huge',
            ),
          )
          const mapKind = g(() =>
            fc.constantFrom(
              'valid',
              'valid',
              'valid',
              'valid',
              'not-json',
              'missing-file',
              'bad-path',
              'proto',
              'double',
              'empty',
              'string-value',
              'deep',
              'query',
              'list-index',
              'unmapped-extra',
            ),
          )
          const ops =
            opsKind === 'not-json'
              ? '{"query": '
              : opsKind === 'array'
                ? json([OPS.valid(m), OPS.valid(m)])
                : opsKind === 'no-query'
                  ? json({ variables: { file: null } })
                  : opsKind === 'huge'
                    ? json({ ...OPS.valid(m), extensions: { pad: 'p'.repeat(500_000) } })
                    : json(
                        opsKind === 'valid'
                          ? OPS.valid(m)
                          : opsKind === 'list'
                            ? OPS.list(m)
                            : opsKind === 'profile'
                              ? OPS.profile()
                              : OPS.twoOps(m),
                      )
          const mapped: Record<string, unknown> =
            mapKind === 'missing-file'
              ? { 9: ['variables.file'] }
              : mapKind === 'bad-path'
                ? { 0: ['variables.x.y.z'] }
                : mapKind === 'proto'
                  ? { 0: ['variables.__proto__.polluted'] }
                  : mapKind === 'double'
                    ? { 0: ['variables.file', 'variables.file'], 1: ['variables.file'] }
                    : mapKind === 'empty'
                      ? {}
                      : mapKind === 'string-value'
                        ? { 0: 'variables.file' }
                        : mapKind === 'deep'
                          ? { 0: [`variables.${'a.'.repeat(2000)}b`] }
                          : mapKind === 'query'
                            ? { 0: ['query'] }
                            : mapKind === 'list-index'
                              ? { 0: ['variables.file.0'], 1: ['variables.file.1'] }
                              : mapKind === 'unmapped-extra'
                                ? { 0: ['variables.file'], 5: ['variables.file'] }
                                : opsKind === 'profile'
                                  ? { 0: ['variables.i.nickname'] }
                                  : { 0: ['variables.file'] }
          const map = mapKind === 'not-json' ? '{0:[' : json(mapped)
          const order = g(() => fc.constantFrom('spec', 'spec', 'spec', 'files-first', 'no-map', 'no-operations'))
          const fileParts: Part[] = used.map((x, k) => ({
            name: String(k),
            filename: x.name,
            contentType: x.type,
            body: x.file.bytes,
          }))
          const opsPart = { name: 'operations', body: ops }
          const mapPart = { name: 'map', body: map }
          parts =
            order === 'files-first'
              ? [...fileParts, opsPart, mapPart]
              : order === 'no-map'
                ? [opsPart, ...fileParts]
                : order === 'no-operations'
                  ? [mapPart, ...fileParts]
                  : [opsPart, mapPart, ...fileParts]
          inputDesc = {
            who,
            target,
            opsKind,
            mapKind,
            order,
            files: used.map((x) => ({ name: x.name, type: x.type, bytes: x.file.label, size: x.file.bytes.length })),
          }
        } else {
          const fieldName = g(() => fc.constantFrom('file', 'file', 'files', 'smile', '', 'x'.repeat(100)))
          const text = g(() =>
            fc.array(
              fc.tuple(
                fc.constantFrom('code', 'name', 'files', 'session_key', '__proto__'),
                fc.string({ maxLength: 20 }),
              ),
              { maxLength: 2 },
            ),
          )
          parts = [
            ...text.map(([name, v]) => ({ name, body: v })),
            ...used.map((x) => ({ name: fieldName, filename: x.name, contentType: x.type, body: x.file.bytes })),
          ]
          inputDesc = {
            who,
            target,
            fieldName,
            text,
            files: used.map((x) => ({ name: x.name, type: x.type, bytes: x.file.label, size: x.file.bytes.length })),
          }
        }
        const bytes = encodeMultipart(parts, boundary, breakage)
        const headers: Record<string, string> = {}
        headers['content-type'] =
          header === 'ok'
            ? `multipart/form-data; boundary=${boundary}`
            : header === 'no-boundary'
              ? 'multipart/form-data'
              : header === 'wrong-boundary'
                ? 'multipart/form-data; boundary=nope'
                : header === 'mixed'
                  ? `multipart/mixed; boundary=${boundary}`
                  : 'application/json'
        const token = f.token(who)
        if (token) headers[isGql ? 'authorization' : 'token'] = `Bearer ${token}`
        Object.assign(inputDesc, {
          boundary: boundary.length > 40 ? `${boundary.slice(0, 20)}…` : boundary,
          breakage,
          header,
          chunked,
        })
        const path = isGql ? '/graphql' : target
        const a = chunked
          ? await f.send(path, {
              headers,
              body: new ReadableStream({
                start: (c) => {
                  c.enqueue(new Uint8Array(bytes))
                  c.close()
                },
              }),
              duplex: 'half',
            })
          : await f.send(path, { headers, body: bytes })
        const sent =
          parts
            .filter((p) => typeof p.body === 'string')
            .map((p) => p.body)
            .join('\n') + parts.map((p) => p.filename ?? '').join('\n')
        f.check('multipart', target, inputDesc, sent, a, isGql ? null : 'peka2', bytes.length)
        if (!isGql) f.hit(f.routesSent, target)
        else f.hit(f.fieldsSent, target === 'graphql addSmile' ? 'Mutation.addSmile' : 'Mutation.addIcon')
        if (a.status === 200 && !a.text.includes('"errors"')) {
          okCount++
          if (!isGql) f.hit(f.routesOk, target)
          else f.hit(f.fieldsOk, target === 'graphql addSmile' ? 'Mutation.addSmile' : 'Mutation.addIcon')
        }
        return target
      })
      f.uploadsAccepted = okCount
    },
  )
})

describe.runIf(enabled('ws'))('graphql-ws: malformed frames, wrong order, huge and duplicate ids, bad payloads', () => {
  it('never closes with 4500/1011, no internal errors, no leaks', { timeout: timeoutFor('ws') }, async () => {
    const subFields = rootFields(schema)
    const arb = wsCaseArb(subFields)
    await runSuite('ws', async (_i, g) => {
      const who = g(() => WHO)
      const c = g(() => arb)
      const result = await runWs(f, c, f.token(who))
      f.checkWs(c.target, { who, ...c.describe }, c.sentText, result.frames, result.close, c.unusual || undefined)
      for (const t of c.fields) f.hit(f.wsFields, t)
      return [c.target, ...c.fields].join(' ')
    })
  })
})

describe.runIf(enabled('transport'))('raw HTTP: unknown paths, methods, broken framing, mismatched lengths', () => {
  it(
    'no 5xx beyond the documented peka2 {message}, the server keeps answering',
    { timeout: timeoutFor('transport') },
    async () => {
      const arb = rawCaseArb(
        shapes.map((s) => s.route.path),
        f.t.app.plugins.flatMap((p) => p.http).map((h) => h.prefix),
      )
      await runSuite('transport', async (_i, g) => {
        const c = g(() => arb)
        let r = await runRaw(f, c)
        if (c.describe.method === 'HEAD' && r.status >= 500)
          r = { ...(await f.send(c.path, { method: 'GET' })), status: r.status }
        const dialect = f.t.app.rest.dialectOf(c.path.split('?')[0])
        f.check('transport', c.label, c.describe, c.sentText, r, dialect)
        return c.label
      })
    },
  )
})

function printSummary() {
  // nothing to list when the app never started
  const started = f.url !== ''
  const routes = started ? f.t.app.rest.routes.map((r) => r.path) : []
  const all = [...routes, '/api/bulk']
  const fields = started ? rootFields(schema) : []
  const gqlFields = fields.filter((x) => x.root !== 'subscription').map((x) => x.target)
  const subFields = fields.filter((x) => x.root === 'subscription').map((x) => x.target)
  const total = Object.values(f.cases).reduce((a, b) => a + b, 0)
  const covered = (list: string[], m: Map<string, number>) => list.filter((x) => (m.get(x) ?? 0) > 0)
  const missing = (list: string[], m: Map<string, number>) => (settings.only ? [] : list.filter((x) => !m.get(x)))
  const groups = f.grouped()
  const lines = [
    '',
    '──────── fuzz summary ────────',
    `seed ${settings.seed} (FUZZ_SEED), FUZZ_RUNS=${settings.runs}${settings.only ? `, FUZZ_ONLY=${settings.only}` : ''}${settings.path ? `, FUZZ_PATH=${settings.path}` : ''}`,
    `cases ${total}: ${Object.entries(f.cases)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} in ${((Date.now() - f.started) / 1000).toFixed(1)} s`,
    `REST routes covered ${covered(all, f.routesSent).length}/${all.length} (answered 2xx: ${covered(all, f.routesOk).length})${missing(all, f.routesSent).length ? `; not reached: ${missing(all, f.routesSent).join(' ')}` : ''}`,
    `GraphQL fields covered ${covered(gqlFields, f.fieldsSent).length}/${gqlFields.length} (with data: ${covered(gqlFields, f.fieldsOk).length})${missing(gqlFields, f.fieldsSent).length ? `; not reached: ${missing(gqlFields, f.fieldsSent).join(' ')}` : ''}`,
    `subscription fields over graphql-ws ${covered(subFields, f.wsFields).length}/${subFields.length}; WS close codes ${[
      ...f.wsCloseCodes.entries(),
    ]
      .sort((a, b) => a[0] - b[0])
      .map(([c, n]) => `${c}×${n}`)
      .join(' ')}`,
    `time per suite: ${[...f.times.entries()].map(([k, t]) => `${k} ${(t.total / 1000).toFixed(1)} s (slowest ${Math.round(t.slowest)} ms: ${t.target.slice(0, 60)})`).join('; ')}`,
    `uploads accepted ${f.uploadsAccepted}; statuses ${[...f.statuses.entries()]
      .sort()
      .map(([k, n]) => `${k}×${n}`)
      .join(', ')}`,
    `failures ${f.failures.length} in ${groups.length} groups; observations ${f.observations.length}`,
  ]
  for (const gr of groups) {
    lines.push(`✗ ${gr.key} ×${gr.count}`)
    lines.push(`    input: ${describeInput(gr.smallest.input)}`)
    lines.push(`    got: ${gr.smallest.response.slice(0, 400).replace(/\n/g, '\\n')}`)
    if (gr.smallest.cause) lines.push(`    cause: ${gr.smallest.cause}`)
    lines.push(`    replay: FUZZ_SEED=${settings.seed} FUZZ_ONLY=${gr.smallest.suite} FUZZ_PATH=${gr.smallest.path}`)
  }
  for (const gr of f.grouped(f.observations).slice(0, 20)) {
    lines.push(`· ${gr.key} ×${gr.count}`)
    lines.push(`    input: ${describeInput(gr.smallest.input)}`)
    lines.push(`    got: ${gr.smallest.response.slice(0, 200)}`)
  }
  lines.push('──────────────────────────────')
  console.log(lines.join('\n'))
  if (settings.report)
    void import('node:fs').then((fs) =>
      fs.writeFileSync(
        settings.report!,
        JSON.stringify(
          {
            seed: settings.seed,
            runs: settings.runs,
            cases: f.cases,
            failures: groups,
            observations: f.grouped(f.observations),
          },
          null,
          2,
        ),
      ),
    )
}
