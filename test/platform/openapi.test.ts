// The REST dialects' OpenAPI 3.1 documents (GET /api/openapi.json, /api/openapi/<dialect>.json) and the docs page
// (GET /api/docs): valid documents generated from the live route table, every route in them, a disabled plugin's
// routes out of them, and the per-IP rate limit charged as for any API request.
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { ALL_PLUGINS } from '../../plugins/index.js'
import type { RestRoute } from '../../src/rest/route.js'

type Json = Record<string, unknown>
interface OpenApi {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, Json> | undefined>
  components: { schemas: Record<string, Json> }
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')
const dialectsOf = (routes: readonly RestRoute[]) => [...new Set(routes.map((r) => r.dialect))]

async function documentOf(base: string, dialect?: string): Promise<OpenApi> {
  const res = await fetch(dialect ? `${base}/api/openapi/${dialect}.json` : `${base}/api/openapi.json`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return (await res.json()) as OpenApi
}

/** Every Schema Object of a document (request bodies, parameters, responses, components), by where it is. */
function schemasOf(doc: OpenApi): [string, unknown][] {
  const out: [string, unknown][] = Object.entries(doc.components.schemas).map(([k, s]) => [`schemas.${k}`, s])
  const visit = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return
    for (const [k, v] of Object.entries(node)) {
      if (k === 'schema') out.push([at, v])
      else visit(v, `${at}.${k}`)
    }
  }
  visit(doc.paths, 'paths')
  visit((doc.components as Json).responses, 'responses')
  return out
}

/**
 * Checks each Schema Object against JSON Schema 2020-12 (OpenAPI 3.1's dialect) in Ajv's strict mode (an optional tuple item allowed), which the
 * OpenAPI schema itself leaves unchecked: a misspelt keyword or a `required` field without a property fails here.
 */
function checkSchemas(doc: OpenApi) {
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: true,
    strictTuples: false,
    validateFormats: false,
    allErrors: true,
  })
  const local = (s: unknown) =>
    JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"https://openapi.test/doc#/$defs/')) as Json
  ajv.addSchema({ $id: 'https://openapi.test/doc', $defs: local(doc.components.schemas) })
  for (const [at, schema] of schemasOf(doc)) {
    expect(() => ajv.compile(local(schema)), at).not.toThrow()
  }
}

describe('OpenAPI documents of the REST dialects, all plugins on', () => {
  let t: TestApp
  let docs: Map<string, OpenApi>
  beforeAll(async () => {
    t = await startTestApp({ PLUGINS: 'all' })
    docs = new Map()
    for (const d of dialectsOf(t.app.rest.routes)) docs.set(d, await documentOf(t.url, d))
  })
  afterAll(() => closeAll(t))

  it('describes every route of the engine (method and path) in its dialect, and nothing else', () => {
    const routes = t.app.rest.routes
    for (const r of routes) {
      const op = docs.get(r.dialect)?.paths[openApiPath(r.path)]?.[(r.method ?? 'POST').toLowerCase()]
      expect(op, `${r.dialect} ${r.method ?? 'POST'} ${r.path}`).toBeDefined()
      // path parameters are declared as such
      const declared = ((op?.parameters ?? []) as Json[]).filter((p) => p.in === 'path').map((p) => p.name)
      expect(declared).toEqual([...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]))
    }
    for (const [dialect, doc] of docs) {
      const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item ?? {}).map((m) => `${m} ${path}`),
      )
      const known = new Set(
        routes
          .filter((r) => r.dialect === dialect)
          .map((r) => `${(r.method ?? 'POST').toLowerCase()} ${openApiPath(r.path)}`),
      )
      // the engine's own POST /api/bulk is peka2's only operation that is not a route of the table
      expect(
        ops.filter((o) => !known.has(o)),
        dialect,
      ).toEqual(dialect === 'peka2' ? ['post /api/bulk'] : [])
    }
  })

  it('states what the routes declare: body fields, query parameters, sign-in, error forms', () => {
    const peka2 = docs.get('peka2')
    const messenger = docs.get('messenger')
    const justchat = docs.get('justchat')
    // a body read from the route's own mapping, typed by its operation's variables
    const login = peka2?.paths['/api/user/login']?.post
    expect(login?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            properties: { name: { type: 'string' }, password: { type: 'string' } },
            required: ['name', 'password'],
          },
        },
      },
    })
    expect(login?.security).toContainEqual({})
    // peka2 answers every error as 500 {message}, throttling as 429
    expect(Object.keys(login?.responses ?? {}).sort()).toEqual(['200', '429', '500'])
    expect(peka2?.components.schemas.Error).toMatchObject({ properties: { message: { type: 'string' } } })
    // a GET route's fields are query parameters; a path's `:id` a path parameter
    const history = messenger?.paths['/api/channels/{id}/messages']?.get
    const params = (history?.parameters ?? []) as Json[]
    expect(params).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }))
    expect(params).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ type: 'integer' }) }),
    )
    expect(history?.security).toEqual([{ bearer: [] }, { session_cookie: [], csrf_token: [] }])
    expect(messenger?.components.schemas.Error).toMatchObject({
      properties: { error: { type: 'string' }, code: { type: 'string' }, details: { type: 'object' } },
    })
    // JustChat: 440 for a missing session, the session key in the body
    const dialogs = justchat?.paths['/user/dialogs']?.post
    expect(Object.keys(dialogs?.responses ?? {})).toContain('440')
    expect(dialogs?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { session_key: { type: 'string' } } } } },
    })
  })

  it('answers the first dialect without ?dialect=, the same document either way, 304 for an unchanged one', async () => {
    const first = dialectsOf(t.app.rest.routes)[0]
    const plain = await fetch(`${t.url}/api/openapi.json`)
    const etag = plain.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(await plain.json()).toEqual(docs.get(first))
    for (const d of docs.keys())
      expect(await (await fetch(`${t.url}/api/openapi.json?dialect=${d}`)).json()).toEqual(docs.get(d))
    const again = await fetch(`${t.url}/api/openapi.json`, { headers: { 'if-none-match': etag ?? '' } })
    expect(again.status).toBe(304)
    const unknown = await fetch(`${t.url}/api/openapi.json?dialect=nope`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ dialects: [...docs.keys()] })
    expect((await fetch(`${t.url}/api/openapi/nope.json`)).status).toBe(404)
  })

  it('serves a docs page that loads Swagger UI from this server and lists every dialect document', async () => {
    const res = await fetch(`${t.url}/api/docs`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const html = await res.text()
    for (const d of docs.keys()) expect(html).toContain(`/api/openapi/${d}.json`)
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    expect(scripts).toEqual(expect.arrayContaining(['/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']))
    // no CDN: every file the page loads comes from here, and answers
    for (const src of scripts) {
      expect(src.startsWith('/'), src).toBe(true)
      const asset = await fetch(`${t.url}${src}`)
      expect(asset.status, src).toBe(200)
      expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(0)
    }
    expect(await (await fetch(`${t.url}/api/docs/swagger-ui-bundle.js`)).text()).toContain('SwaggerUIBundle')
    // only the page's own files: no path out of the package
    expect((await fetch(`${t.url}/api/docs/package.json`)).status).toBe(404)
    expect((await fetch(`${t.url}/api/docs/..%2F..%2Fpackage.json`)).status).toBe(404)
  })

  // last: validating blocks this process (the server's too) for seconds, and a fetch after that may pick a kept-alive
  // socket the server is closing at that very moment
  it('has one document per dialect of the route table, each valid against the OpenAPI 3.1 schema', async () => {
    expect([...docs.keys()].sort()).toEqual(['justchat', 'messenger', 'peka2'])
    for (const [dialect, doc] of docs) {
      expect(doc.openapi).toBe('3.1.0')
      const validator = new Validator()
      const result = await validator.validate(doc as unknown as Json)
      expect(result.errors, dialect).toBeUndefined()
      expect(result.valid, dialect).toBe(true)
      expect(validator.version).toBe('3.1')
      checkSchemas(doc)
    }
  })
})

describe('OpenAPI documents without a plugin', () => {
  const without = 'smiles'
  let all: TestApp | undefined
  let some: TestApp | undefined
  beforeAll(async () => {
    all = await startTestApp({ PLUGINS: 'all' })
    const rest = ALL_PLUGINS.filter((p) => p.name !== without && !p.requires.includes(without)).map((p) => p.name)
    some = await startTestApp({ PLUGINS: rest.join(',') })
  })
  afterAll(() => closeAll(all, some))

  it("leaves the plugin's routes out of its dialect's document", async () => {
    const kept = new Set(some?.app.rest.routes.map((r) => `${r.dialect} ${r.method ?? 'POST'} ${r.path}`))
    const gone = (all?.app.rest.routes ?? []).filter((r) => !kept.has(`${r.dialect} ${r.method ?? 'POST'} ${r.path}`))
    expect(gone.length).toBeGreaterThan(0)
    for (const d of dialectsOf(gone)) {
      const full = await documentOf(all?.url ?? '', d)
      const reduced = await documentOf(some?.url ?? '', d)
      for (const r of gone.filter((g) => g.dialect === d)) {
        const method = (r.method ?? 'POST').toLowerCase()
        expect(full.paths[openApiPath(r.path)]?.[method], r.path).toBeDefined()
        expect(reduced.paths[openApiPath(r.path)]?.[method], r.path).toBeUndefined()
      }
      expect(reduced.info.version).not.toBe(full.info.version)
    }
  })
})

describe('OpenAPI documents and the per-IP rate limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' })
  })
  afterAll(() => closeAll(t))

  it('charges the documents and the docs page like any API request', async () => {
    const statuses: number[] = []
    for (const path of ['/api/openapi.json', '/api/docs', '/api/docs/init.js', '/api/openapi.json'])
      statuses.push((await fetch(`${t.url}${path}`)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})
