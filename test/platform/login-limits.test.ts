import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, startInbox, type Inbox } from '../helpers/users.js'
import { FORGOT_MIN_MS } from '../../src/core/users/password-reset.js'
import { graphql } from '../generated/index.js'

/**
 * Login throttling as an attacker meets it, over HTTP: failures are counted before the password is checked (bursts
 * cannot outrun the count), an account's budget is shared by its username and its email, and an address that spent
 * its budget is slowed rather than shut, so others behind the same proxy still sign in.
 * Default budget: LOGIN_ATTEMPTS_PER_15MIN = 10 per account, 50 per address.
 */

const LOGIN = graphql(`mutation LoginHarness($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }`)

/** `proxied` trusts X-Forwarded-For, so each test guesses from its own address; `shared` sees every client as 127.0.0.1. */
let proxied: TestApp
let shared: TestApp
let inbox: Inbox
beforeAll(async () => {
  inbox = await startInbox()
  proxied = await startTestApp({ TRUST_PROXY: 'true', NOTIFY_WEBHOOK_URL: inbox.url })
  shared = await startTestApp()
})
afterAll(async () => {
  await closeAll(proxied, shared, inbox)
})

const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomBytes(3).toString('hex')}`
const login = (t: TestApp, login: string, password: string, ip?: string) =>
  gql(t.url, LOGIN, { i: { login, password } }, undefined, ip ? { 'x-forwarded-for': ip } : {})

describe('login limits', () => {
  it('80 parallel wrong guesses and the right password last: the burst is cut at the budget and the right password is refused', async () => {
    // a few rounds on warm connections (all 81 requests land together): a limit that counts only after verification
    // lets the last request through in most rounds
    for (let round = 0; round < 4; round++) {
      const u = await registerUser(proxied)
      const ip = freshIp()
      await Promise.all(Array.from({ length: 81 }, () => gql(proxied.url, graphql(`query Typename { __typename }`))))
      const results = await Promise.all([
        ...Array.from({ length: 80 }, (_, i) => login(proxied, u.name, `wrong-guess-${i}`, ip)),
        login(proxied, u.name, u.password, ip),
      ])
      const right = results.pop()!
      expect(codeOf(right)).toBe('RATE_LIMIT_EXCEEDED')
      expect(right.data?.login ?? null).toBeNull()
      const codes = results.map(codeOf)
      // at most the account's budget of guesses was ever checked; everything else was refused unchecked
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(10)
      expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'RATE_LIMIT_EXCEEDED')).toBe(true)
      // and from another address the account stays locked too (the budget is the account's)
      expect(codeOf(await login(proxied, u.name, u.password, freshIp()))).toBe('RATE_LIMIT_EXCEEDED')
    }
  })

  it('a username exhausted by guesses locks the account: the same account by its email is refused too', async () => {
    const u = await registerUser(proxied)
    const ip = freshIp()
    for (let i = 0; i < 10; i++)
      expect(codeOf(await login(proxied, u.name, `wrong-guess-${i}`, ip))).toBe('INVALID_CREDENTIALS')
    const byEmail = await login(proxied, u.email.toUpperCase(), u.password, freshIp())
    expect(codeOf(byEmail)).toBe('RATE_LIMIT_EXCEEDED')
    expect(byEmail.errors![0].extensions!.retryAfter).toBeGreaterThan(0)
    // the REST login shares the budget
    expect(
      (
        await rest(
          proxied.url,
          '/api/user/login',
          { name: u.email, password: u.password },
          { headers: { 'x-forwarded-for': freshIp() } },
        )
      ).status,
    ).toBe(429)
  })

  it('a success before the budget is spent clears the count', async () => {
    const u = await registerUser(proxied)
    const ip = freshIp()
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++)
        expect(codeOf(await login(proxied, u.name, `wrong-guess-${i}`, ip))).toBe('INVALID_CREDENTIALS')
      expect((await login(proxied, u.email, u.password, ip)).data?.login.viewer.databaseId).toBe(u.id)
    }
  })

  it('unknown logins are throttled like real ones (same answers, same budget)', async () => {
    const ip = freshIp()
    const ghost = `ghost_${randomBytes(4).toString('hex')}`
    for (let i = 0; i < 10; i++)
      expect(codeOf(await login(proxied, ghost, `wrong-guess-${i}`, ip))).toBe('INVALID_CREDENTIALS')
    expect(codeOf(await login(proxied, ghost.toUpperCase(), 'wrong-guess-x', freshIp()))).toBe('RATE_LIMIT_EXCEEDED')
  })

  it('55 failures on account A from one address (no TRUST_PROXY: everyone is 127.0.0.1) do not stop a correct login to B', async () => {
    const a = await registerUser(shared)
    const b = await registerUser(shared)
    const c = await registerUser(shared)
    for (let i = 0; i < 55; i++)
      expect(['INVALID_CREDENTIALS', 'RATE_LIMIT_EXCEEDED']).toContain(
        codeOf(await login(shared, a.name, `wrong-guess-${i}`)),
      )
    // B, who never failed from here, gets in (GraphQL and REST)
    expect((await login(shared, b.name, b.password)).data?.login.viewer.databaseId).toBe(b.id)
    expect(
      (await rest(shared.url, '/api/user/login', { name: b.email, password: b.password })).body.current,
    ).toMatchObject({ id: b.id })
    // A is refused from here even with its password
    expect(codeOf(await login(shared, a.name, a.password))).toBe('RATE_LIMIT_EXCEEDED')
    // the spent address may still try an account it has not failed on — once: a second try there is refused
    expect(codeOf(await login(shared, c.name, 'wrong-guess-c'))).toBe('INVALID_CREDENTIALS')
    expect(codeOf(await login(shared, c.name, c.password))).toBe('RATE_LIMIT_EXCEEDED')
  })

  it('a spent address is slowed to one attempt a second: parallel guesses at fresh accounts queue up', async () => {
    const ip = freshIp()
    const victim = await registerUser(proxied)
    for (let i = 0; i < 50; i++)
      await login(proxied, `spray_${i}_${randomBytes(3).toString('hex')}`, 'wrong-guess-1', ip)
    expect(codeOf(await login(proxied, victim.name, victim.password, ip))).toBeUndefined()
    const started = performance.now()
    const r = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        login(proxied, `spray_late_${i}_${randomBytes(3).toString('hex')}`, 'wrong-guess-1', ip),
      ),
    )
    expect(r.map(codeOf)).toEqual(Array(4).fill('INVALID_CREDENTIALS'))
    // one a second: the fourth waits for at least two more turns after the first two
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900)
  })
})

describe('password reset timing', () => {
  const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]
  async function timeForgot(email: string) {
    const t0 = performance.now()
    const r = await rest(proxied.url, '/api/user/forgot', { email }, { headers: { 'x-forwarded-for': freshIp() } })
    const ms = performance.now() - t0
    expect(r).toMatchObject({ status: 200, body: [] })
    return ms
  }

  it('an existing and an unknown address take the same time (medians of several calls, both at least the enforced floor)', async () => {
    const u = await registerUser(proxied)
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 7; i++) {
      known.push(await timeForgot(u.email))
      unknown.push(await timeForgot(`nobody_${randomBytes(4).toString('hex')}@example.com`))
    }
    for (const ms of [...known, ...unknown]) expect(ms).toBeGreaterThanOrEqual(FORGOT_MIN_MS - 5)
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(FORGOT_MIN_MS / 4)
    // the existing address did get its mail (sent after the answer)
    await expect(inbox.next(u.email)).resolves.toMatchObject({ code: expect.any(String) })
  })
})
