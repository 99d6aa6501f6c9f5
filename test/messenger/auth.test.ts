/**
 * The messenger dialect's sign-in (messenger-api.md "Аутентификация"): register, login with its session cookie and
 * CSRF token, a cookie request without the token refused, Bearer without one, logout; its error form and statuses;
 * peka2 still answering the rest of /api.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { Browser } from './browser.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const name = () => `m_${randomBytes(4).toString('hex')}`

describe('messenger auth', () => {
  it('registers (201, no session), logs in with cookie + CSRF, logs out', async () => {
    const b = new Browser(t.url)
    const username = name()
    const reg = await b.post('/api/register', { username, password: 'securepassword-1', email: `${username}@ex.com` })
    expect(reg.status).toBe(201)
    expect(reg.body).toMatchObject({ id: expect.any(Number), username, email: `${username}@ex.com` })
    expect(new Date(reg.body.created_at).toISOString()).toBe(reg.body.created_at)
    expect(reg.headers.getSetCookie()).toEqual([])

    const login = await b.post('/api/login', { username, password: 'securepassword-1' })
    expect(login.status).toBe(200)
    expect(login.body).toEqual({ id: reg.body.id, username, email: `${username}@ex.com` })
    const cookies = login.headers.getSetCookie()
    expect(cookies.find((c) => c.startsWith('session='))).toMatch(/HttpOnly/)
    expect(cookies.find((c) => c.startsWith('session='))).toMatch(/SameSite=Lax/)
    expect(cookies.find((c) => c.startsWith('csrf_token='))).not.toMatch(/HttpOnly/)
    expect(login.headers.get('x-csrf-token')).toBe(b.csrf)

    // the cookie alone is not enough
    const noCsrf = await b.send('POST', '/api/logout', undefined, { csrf: false })
    expect(noCsrf.status).toBe(401)
    expect(noCsrf.body).toMatchObject({ code: 'UNAUTHENTICATED', error: expect.any(String) })

    const out = await b.post('/api/logout')
    expect(out.status).toBe(200)
    expect(out.body).toEqual({ message: 'Successfully logged out' })
    expect(b.cookies.size).toBe(0)
  })

  it('answers errors as {error, code, details}', async () => {
    const b = new Browser(t.url)
    const bad = await b.post('/api/login', { username: 'nobody_here', password: 'whatever-123' })
    expect(bad.status).toBe(401)
    expect(bad.body).toMatchObject({ code: 'INVALID_CREDENTIALS', error: expect.any(String), details: {} })
    const missing = await b.post('/api/login', { username: 'x' })
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'password' } })
    const username = name()
    await new Browser(t.url).signUp(username)
    const dup = await b.post('/api/register', { username, password: 'securepassword-1', email: `${name()}@ex.com` })
    expect([400, 409]).toContain(dup.status)
    expect(dup.body.code).toBe('USER_ALREADY_EXISTS')
    const method = await b.get('/api/login')
    expect(method.status).toBe(405)
    expect(method.headers.get('allow')).toBe('POST')
    expect(method.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' })
  })

  it('takes a Bearer token without CSRF', async () => {
    const b = new Browser(t.url)
    const username = name()
    await b.signUp(username)
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($l: String!) { login(input: { login: $l, password: "correct horse battery 1" }) { token } }',
        variables: { l: username },
      }),
    })
    const { data } = (await res.json()) as { data: { login: { token: string } } }
    const api = new Browser(t.url)
    api.bearer = data.login.token
    const out = await api.post('/api/logout')
    expect(out.status).toBe(200)
  })

  it('leaves the rest of /api to peka2', async () => {
    const peka = await fetch(`${t.url}/api/user/current`, { method: 'POST' })
    expect(peka.status).toBe(200)
    expect(await peka.json()).toMatchObject({ guest: true })
    const unknown = await fetch(`${t.url}/api/no/such/path`, { method: 'POST' })
    expect(unknown.status).toBe(500)
    expect(await unknown.json()).toEqual({ message: expect.any(String) })
  })
})
