import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { generate } from '@graphql-codegen/cli'
import type { Client } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, rest, until, wsClient } from '../helpers/clients.js'
import { legacyClient, type LegacyClient } from '../helpers/legacy-sockets.js'
import { envelope } from './support.js'

/**
 * PERSISTED_OPERATIONS with a manifest made as a client's build makes it: graphql-codegen's client preset with
 * `persistedDocuments: true` writes persisted-documents.json ("sha256:<hex>" → document).
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const DOCUMENTS = {
  viewer: 'query Viewer { viewer { databaseId } }',
  register: 'mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }',
  notifications: 'subscription Notifications { notifications { type data time } }',
}
/** A document that is valid but in no manifest. */
const ARBITRARY = 'query Arbitrary { viewer { databaseId name } }'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamhub-persisted-'))
const manifestFile = path.join(dir, 'persisted-documents.json')
/** operation name → the id the manifest gives its document */
const ids: Record<keyof typeof DOCUMENTS, string> = { viewer: '', register: '', notifications: '' }

async function buildManifest(): Promise<Record<string, string>> {
  const documents = path.join(dir, 'documents.graphql')
  fs.writeFileSync(documents, Object.values(DOCUMENTS).join('\n'))
  const files = await generate(
    {
      schema: path.join(ROOT, 'schema.graphql'),
      documents,
      silent: true,
      generates: { [`${dir}/client/`]: { preset: 'client', presetConfig: { persistedDocuments: true } } },
    },
    false,
  )
  const manifest = files.find((f: { filename: string }) => f.filename.endsWith('persisted-documents.json'))
  if (!manifest) throw new Error('codegen wrote no persisted-documents.json')
  return JSON.parse(manifest.content) as Record<string, string>
}

/** Apollo's persisted-query extension: the bare hex digest. */
const apq = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } })

interface Answer {
  status: number
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }
}
async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Answer['body'] }
}
const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code

let t: TestApp
let user: { id: number; token: string; name: string; password: string }
const clients: Client[] = []
const legacy: LegacyClient[] = []

beforeAll(async () => {
  const manifest = await buildManifest()
  for (const key of Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]) {
    const id = Object.keys(manifest).find((k) => manifest[k].startsWith(DOCUMENTS[key].split(' ', 2).join(' ')))
    if (!id) throw new Error(`no manifest entry for ${key}`)
    ids[key] = id
  }
  fs.writeFileSync(manifestFile, JSON.stringify(manifest))
  t = await startTestApp({ PERSISTED_OPERATIONS: 'required', PERSISTED_OPERATIONS_MANIFEST: manifestFile })
  // a user, signed up through the persisted Register operation
  const name = `u_${randomBytes(4).toString('hex')}`
  const password = `pw-${randomBytes(4).toString('hex')}-1`
  const r = await post(t.url, {
    variables: { i: { username: name, email: `${name}@example.com`, password } },
    extensions: apq(ids.register),
  })
  expect(r.body.errors).toBeUndefined()
  user = { id: r.body.data.register.viewer.databaseId, token: r.body.data.register.token, name, password }
})
afterAll(async () => {
  for (const c of legacy) c.close()
  await disposeAll(clients)
  await closeAll(t)
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('PERSISTED_OPERATIONS=required over HTTP', () => {
  it('the manifest is the client preset’s: sha256 ids', () => {
    expect(Object.values(ids)).toEqual(Object.values(ids).map(() => expect.stringMatching(/^sha256:[0-9a-f]{64}$/)))
  })

  it('runs a known operation by its id: extensions.persistedQuery, documentId, GET', async () => {
    const auth = { authorization: `Bearer ${user.token}` }
    const byHash = await post(t.url, { extensions: apq(ids.viewer) }, auth)
    expect(byHash).toEqual({ status: 200, body: { data: { viewer: { databaseId: user.id } } } })
    // with an Origin the request goes through Yoga itself rather than the fast path: the same rule
    const viaYoga = await post(t.url, { extensions: apq(ids.viewer) }, { ...auth, origin: 'http://example.com' })
    expect(viaYoga.body).toEqual({ data: { viewer: { databaseId: user.id } } })
    const byDocumentId = await post(t.url, { documentId: ids.viewer }, auth)
    expect(byDocumentId.body).toEqual({ data: { viewer: { databaseId: user.id } } })
    const get = await fetch(`${t.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(apq(ids.viewer)))}`, {
      headers: { ...auth, accept: 'application/json' },
    })
    expect(await get.json()).toEqual({ data: { viewer: { databaseId: user.id } } })
  })

  it('refuses a document sent as text — an arbitrary one, and a known one too — on every HTTP form', async () => {
    for (const query of [ARBITRARY, DOCUMENTS.viewer, '{ __typename }']) {
      // plain JSON (the fast path), and with an Origin (Yoga)
      for (const headers of [{}, { origin: 'http://example.com' }] as Record<string, string>[]) {
        const r = await post(t.url, { query }, headers)
        expect(r.status).toBe(400)
        expect(codeOf(r)).toBe('PERSISTED_QUERY_ONLY')
        expect(r.body.data).toBeUndefined()
      }
    }
    // a query together with a known id is still a document sent as text
    expect(codeOf(await post(t.url, { query: ARBITRARY, extensions: apq(ids.viewer) }))).toBe('PERSISTED_QUERY_ONLY')
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent(ARBITRARY)}`, {
      headers: { accept: 'application/json' },
    })
    expect(get.status).toBe(400)
    expect(((await get.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY')
    const text = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/graphql', accept: 'application/json' },
      body: ARBITRARY,
    })
    expect(((await text.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY')
  })

  it('an unknown id is PERSISTED_QUERY_NOT_FOUND; no id at all PERSISTED_QUERY_ONLY', async () => {
    const unknown = await post(t.url, { extensions: apq('0'.repeat(64)) })
    expect(unknown.status).toBe(400)
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect(codeOf(await post(t.url, { documentId: `sha256:${'1'.repeat(64)}` }))).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect(codeOf(await post(t.url, { variables: {} }))).toBe('PERSISTED_QUERY_ONLY')
  })

  it('the REST dialects run the server’s own documents as before', async () => {
    const current = await rest(t.url, '/api/user/current', {}, { token: user.token })
    expect(current.status).toBe(200)
    expect(current.body).toMatchObject({ guest: false, id: user.id, name: user.name })
    const login = await rest(t.url, '/api/user/login', { name: user.name, password: user.password })
    expect(login.status).toBe(200)
    expect(login.body).toMatchObject({ token: expect.any(String), current: { id: user.id } })
  })

  it('the legacy sockets run the server’s own documents as before', async () => {
    const socket = await legacyClient(t.url, 4)
    legacy.push(socket)
    expect(await socket.ask('/chat/login', { token: user.token })).toEqual({ status: 'ok', result: {} })
    expect(await socket.ask('/chat/join', { channel: 'main' })).toEqual({ status: 'ok', result: {} })
  })
})

describe('PERSISTED_OPERATIONS=required over graphql-ws', () => {
  const client = (token?: string) => {
    const c = wsClient(t.url, token)
    clients.push(c)
    return c
  }
  /** the first result of an operation, or the errors it was refused with */
  async function first(
    c: Client,
    payload: { query: string; extensions?: Record<string, unknown>; documentId?: string },
  ) {
    const results = c.iterate(payload)
    try {
      const r = await results.next()
      return r.value as { data?: any; errors?: { extensions?: { code?: string } }[] }
    } catch (errors) {
      return { errors: errors as { extensions?: { code?: string } }[] }
    } finally {
      await results.return?.()
    }
  }

  it('runs a known operation by its id (an empty query string, as graphql-ws requires one)', async () => {
    const c = client(user.token)
    expect(await first(c, { query: '', extensions: apq(ids.viewer) })).toEqual({
      data: { viewer: { databaseId: user.id } },
    })
    expect(await first(c, { query: '', documentId: ids.viewer })).toEqual({ data: { viewer: { databaseId: user.id } } })
  })

  it('a persisted subscription receives its events', async () => {
    const c = client(user.token)
    const ps = t.app.services.pubsub
    const before = ps.listenerCount()
    const results = c.iterate({ query: '', extensions: apq(ids.notifications) })
    const next = results.next()
    await until(() => ps.listenerCount() === before + 1, 10_000, 'subscription established')
    await ps.ready()
    ps.publish('core.notification', user.id, envelope('hello', { n: 1 }))
    expect((await next).value).toMatchObject({ data: { notifications: { type: 'hello', data: { n: 1 } } } })
    await results.return?.()
  })

  it('refuses a document sent as text and an unknown id; the socket keeps serving', async () => {
    const c = client(user.token)
    // a subscription held open keeps the (lazy) client's socket: any close is then the server's doing
    const held = c.iterate({ query: '', extensions: apq(ids.notifications) })
    const heldNext = held.next()
    let closes = 0
    c.on('closed', () => closes++)
    for (const query of [ARBITRARY, DOCUMENTS.viewer])
      expect((await first(c, { query })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY')
    expect((await first(c, { query: '' })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY')
    expect((await first(c, { query: '', extensions: apq('2'.repeat(64)) })).errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    )
    expect(await first(c, { query: '', extensions: apq(ids.viewer) })).toEqual({
      data: { viewer: { databaseId: user.id } },
    })
    expect(closes).toBe(0)
    await held.return?.()
    await heldNext
  })
})

describe('PERSISTED_OPERATIONS=optional and the settings', () => {
  it('optional: any document runs, a known id too, an unknown id is refused', async () => {
    const o = await startTestApp({ PERSISTED_OPERATIONS: 'optional', PERSISTED_OPERATIONS_MANIFEST: manifestFile })
    try {
      expect((await post(o.url, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } })
      expect((await post(o.url, { extensions: apq(ids.viewer) })).body).toEqual({ data: { viewer: null } })
      expect(codeOf(await post(o.url, { extensions: apq('3'.repeat(64)) }))).toBe('PERSISTED_QUERY_NOT_FOUND')
      const c = wsClient(o.url)
      clients.push(c)
      const r = await c.iterate({ query: '{ __typename }' }).next()
      expect(r.value).toEqual({ data: { __typename: 'Query' } })
    } finally {
      await o.close()
    }
  })

  it('refuses a bad mode, a mode without a manifest, and a manifest that is not one', async () => {
    expect(() => loadConfig({ DATA_DIR: ':memory:', PERSISTED_OPERATIONS: 'strict' }, () => {})).toThrow(
      /PERSISTED_OPERATIONS="strict" is not valid: off, optional or required/,
    )
    expect(() => loadConfig({ DATA_DIR: ':memory:', PERSISTED_OPERATIONS: 'required' }, () => {})).toThrow(
      /PERSISTED_OPERATIONS_MANIFEST/,
    )
    const bad = path.join(dir, 'bad.json')
    fs.writeFileSync(bad, JSON.stringify({ 'sha256:abc': 42 }))
    await expect(
      startTestApp({ PERSISTED_OPERATIONS: 'required', PERSISTED_OPERATIONS_MANIFEST: bad }),
    ).rejects.toThrow(/PERSISTED_OPERATIONS_MANIFEST=.* is not valid/)
    await expect(
      startTestApp({ PERSISTED_OPERATIONS: 'required', PERSISTED_OPERATIONS_MANIFEST: path.join(dir, 'missing.json') }),
    ).rejects.toThrow(/PERSISTED_OPERATIONS_MANIFEST=.* is not valid/)
  })
})
