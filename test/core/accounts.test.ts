import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { argon2id, hash } from 'argon2'
import { graphql } from '../generated/index.js'

const REGISTER = graphql(
  `mutation RegisterAccounts($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name slug email } } }`,
)
const LOGIN = graphql(
  `mutation LoginAccounts($i: LoginInput!) { login(input: $i) { token viewer { databaseId name } } }`,
)

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ LOGIN_ATTEMPTS_PER_15MIN: '3' })
})
afterAll(() => closeAll(t))

describe('register', () => {
  it('creates an account and returns a working token', async () => {
    const r = await gql(t.url, REGISTER, {
      i: { username: 'Анна_99', email: 'anna@example.com', password: 'correct-horse-1' },
    })
    expect(r.errors).toBeUndefined()
    expect(r.data!.register.viewer).toMatchObject({ name: 'Анна_99', slug: 'анна_99', email: 'anna@example.com' })
    const me = await gql(t.url, graphql(`query ViewerAccounts { viewer { name } }`), undefined, r.data!.register.token)
    expect(me.data!.viewer!.name).toBe('Анна_99')
  })

  it.each([
    [{ username: 'ab', email: 'x1@example.com', password: 'correct-horse-1' }, 'INVALID_USERNAME', 'username'],
    [
      { username: 'a'.repeat(33), email: 'x2@example.com', password: 'correct-horse-1' },
      'INVALID_USERNAME',
      'username',
    ],
    [{ username: 'bad name', email: 'x3@example.com', password: 'correct-horse-1' }, 'INVALID_USERNAME', 'username'],
    [{ username: 'okname1', email: 'not-an-email', password: 'correct-horse-1' }, 'INVALID_EMAIL', 'email'],
    [{ username: 'okname2', email: 'x4@example.com', password: 'short1' }, 'WEAK_PASSWORD', 'password'],
    [{ username: 'okname3', email: 'x5@example.com', password: 'onlyletters' }, 'WEAK_PASSWORD', 'password'],
  ])('refuses %j with %s naming the field', async (input, code, field) => {
    const r = await gql(t.url, REGISTER, { i: input })
    expect(codeOf(r)).toBe(code)
    expect(r.errors![0].extensions!.field).toBe(field)
    expect(await t.app.services.prisma.user.count({ where: { nameLower: input.username.toLowerCase() } })).toBe(0)
  })

  it('refuses a taken username (case-insensitively) or email with USER_ALREADY_EXISTS', async () => {
    await registerUser(t, 'TakenName')
    const byName = await gql(t.url, REGISTER, {
      i: { username: 'takenname', email: 'other@example.com', password: 'correct-horse-1' },
    })
    expect(codeOf(byName)).toBe('USER_ALREADY_EXISTS')
    const byEmail = await gql(t.url, REGISTER, {
      i: { username: 'freshname', email: 'TAKENNAME@example.com', password: 'correct-horse-1' },
    })
    expect(codeOf(byEmail)).toBe('USER_ALREADY_EXISTS')
  })
})

describe('login', () => {
  it('logs in by username or by email, and records the login', async () => {
    const u = await registerUser(t)
    const byName = await gql(t.url, LOGIN, { i: { login: u.name.toUpperCase(), password: u.password } }, undefined, {
      'user-agent': 'test-agent/1',
    })
    expect(byName.data!.login.viewer.databaseId).toBe(u.id)
    const byEmail = await gql(t.url, LOGIN, { i: { login: u.email, password: u.password } })
    expect(byEmail.data!.login.token).not.toBe(byName.data!.login.token)
    const hist = await gql(
      t.url,
      graphql(`query ViewerAccounts2 { viewer { loginHistory { ip userAgent firstAccess lastAccess } } }`),
      undefined,
      byEmail.data!.login.token,
    )
    expect(hist.data!.viewer!.loginHistory.map((l: any) => l.userAgent)).toContain('test-agent/1')
    const sec = await rest(t.url, '/api/security/user', {}, { token: byEmail.data!.login.token })
    expect(sec.status).toBe(200)
    expect(sec.body[0]).toEqual({
      ip: expect.any(String),
      accessTime: expect.any(Number),
      firstAccessTime: expect.any(Number),
      lastAccessTime: expect.any(Number),
      userAgent: expect.any(String),
    })
  })

  it('answers an unknown user and a wrong password alike', async () => {
    const u = await registerUser(t)
    const wrong = await gql(t.url, LOGIN, { i: { login: u.name, password: 'wrong-password-1' } })
    const unknown = await gql(t.url, LOGIN, { i: { login: 'nobody_here', password: 'wrong-password-1' } })
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS')
    expect(codeOf(unknown)).toBe('INVALID_CREDENTIALS')
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message)
  })

  it('limits failed logins per account: RATE_LIMIT_EXCEEDED with a retry time, even with the right password', async () => {
    const u = await registerUser(t)
    for (let i = 0; i < 3; i++)
      expect(codeOf(await gql(t.url, LOGIN, { i: { login: u.name, password: 'nope-nope-1' } }))).toBe(
        'INVALID_CREDENTIALS',
      )
    const blocked = await gql(t.url, LOGIN, { i: { login: u.name, password: u.password } })
    expect(codeOf(blocked)).toBe('RATE_LIMIT_EXCEEDED')
    expect(blocked.errors![0].extensions!.retryAfter).toBeGreaterThan(0)
    const viaRest = await rest(t.url, '/api/user/login', { name: u.name, password: u.password })
    expect(viaRest.status).toBe(429)
    expect(viaRest.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(viaRest.body.message).toMatch(/retry/)
  })

  it('rehashes a password stored with weaker parameters on the next login', async () => {
    const u = await registerUser(t)
    const weak = await hash(u.password, { type: argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 })
    await t.app.services.prisma.user.update({ where: { id: u.id }, data: { passwordHash: weak } })
    expect(codeOf(await gql(t.url, LOGIN, { i: { login: u.name, password: u.password } }))).toBeUndefined()
    const stored = await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: u.id } })
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })
})

describe('peka2 REST login, bytoken, logout', () => {
  it('/api/user/login → {token, current}; bytoken → current; logout revokes', async () => {
    const u = await registerUser(t)
    const r = await rest(t.url, '/api/user/login', { name: u.name, password: u.password, recaptchaResponse: '' })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      token: expect.any(String),
      current: { guest: false, id: u.id, name: u.name, slug: u.name.toLowerCase(), block: false },
    })
    expect(Object.keys(r.body.current.roles)).toHaveLength(14)
    expect(r.body.current.settings.chat.fontsize).toBe(12)
    const bt = await rest(t.url, '/api/user/login/bytoken', { token: r.body.token })
    expect(bt.body).toMatchObject({ guest: false, id: u.id })
    const badBt = await rest(t.url, '/api/user/login/bytoken', { token: 'not-a-token' })
    expect(badBt.status).toBe(500)
    const out = await rest(t.url, '/api/user/logout', {}, { token: r.body.token })
    expect(out.body).toEqual([])
    expect((await rest(t.url, '/api/user/logout', {}, { token: r.body.token })).status).toBe(500)
    expect((await rest(t.url, '/api/user/current', {}, { token: r.body.token })).body).toMatchObject({ guest: true })
  })

  it('/api/user/current for a guest: defaults', async () => {
    const r = await rest(t.url, '/api/user/current', {})
    expect(r.body.guest).toBe(true)
    expect(r.body.roles).toMatchObject({ citizen: 2, canUseSupport: true, moderator: false })
    expect(r.body.settings.stream).toEqual({ autostart: true, player: '', skipmain: false, videopreview: true })
    expect(r.body.id).toBeUndefined()
  })

  it('/api/user and /api/user/list', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    expect((await rest(t.url, '/api/user', { id: a.id })).body).toEqual({
      id: a.id,
      name: a.name,
      slug: a.name.toLowerCase(),
    })
    expect((await rest(t.url, '/api/user', { name: b.name })).body).toEqual({
      id: b.id,
      name: b.name,
      slug: b.name.toLowerCase(),
    })
    const missing = await rest(t.url, '/api/user', { id: 999999 })
    expect(missing).toMatchObject({ status: 500, body: { message: expect.stringMatching(/not found/i) } })
    const list = await rest(t.url, '/api/user/list', { ids: [a.id, b.id, 999999] })
    expect(list.body.map((u: any) => u.id).sort()).toEqual([a.id, b.id].sort())
  })
})

describe('captcha on /api/user/login', () => {
  let verifier: http.Server
  let app: TestApp
  beforeAll(async () => {
    // A real HTTP endpoint speaking reCAPTCHA's siteverify protocol: only "good" passes.
    verifier = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => res.end(JSON.stringify({ success: new URLSearchParams(body).get('response') === 'good' })))
    })
    await new Promise<void>((r) => verifier.listen(0, '127.0.0.1', r))
    app = await startTestApp({
      CAPTCHA_VERIFY_URL: `http://127.0.0.1:${(verifier.address() as AddressInfo).port}/verify`,
    })
  })
  afterAll(async () => {
    await closeAll(app)
    await closeAll(verifier)
  })
  it('refuses a failed captcha and accepts a good one', async () => {
    const u = await registerUser(app)
    const bad = await rest(app.url, '/api/user/login', { name: u.name, password: u.password, recaptchaResponse: 'bad' })
    expect(bad).toMatchObject({ status: 500, body: { message: expect.stringMatching(/captcha/) } })
    const good = await rest(app.url, '/api/user/login', {
      name: u.name,
      password: u.password,
      recaptchaResponse: 'good',
    })
    expect(good.status).toBe(200)
  })
})
