import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw, type GqlResult } from '../helpers/clients.js'
import { registerUser, startInbox, userWithRoles, type Inbox, type TestUser } from '../helpers/users.js'
import { dropAll, failOn, underFailure, type Published } from './support.js'

/**
 * Account and role changes under an injected failure: setting a role (with the live-socket announcement), logout,
 * blocking (flag, then every session revoked), password reset (code spent, password set, sessions revoked, a new
 * session), sign-up and sign-in (user, session, login history) and phone sign-in. Requests are told apart from the rest
 * by their User-Agent, which the session and the login history store — the trigger's guard.
 *
 * Each operation is one transaction, its announcements sent after the commit: before that, the statements before the
 * failure stayed (and a spent code made the retry impossible). A gap found here is marked `it.fails` until it is closed.
 */

let t: TestApp
let inbox: Inbox
let admin: TestUser
beforeAll(async () => {
  inbox = await startInbox()
  t = await startTestApp({ NOTIFY_WEBHOOK_URL: inbox.url })
  admin = await userWithRoles(t, { roleAdmin: 1, blocker: 1 })
})
afterEach(() => dropAll(t))
afterAll(() => closeAll(t, inbox))

const ACCOUNT_TABLES = ['User', 'Session', 'LoginHistory', 'UserRole', 'OneTimeCode']
const agent = () => `failure-test-${randomBytes(6).toString('hex')}`
const as = (ua: string) => ({ 'user-agent': ua })
/** [topic, kind, userId] of each event */
const revocations = (events: Published[]) => events.map((e) => [e.topic, e.payload.kind, e.payload.userId])
function signedIn(r: GqlResult<any>, field: string) {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  expect(r.data[field].token).toEqual(expect.any(String))
}

describe('roles', () => {
  it('taking a role away: when the write fails, the role stays, nobody is notified and no socket closes', async () => {
    const x = await userWithRoles(t, { moderator: 1 })
    const { retry, events } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'UserRole', 'UPDATE', `NEW."userId" = ${x.id} AND NEW.role = 'moderator'`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($u: Int!) { setRole(userId: $u, role: "moderator", value: false) }',
          { u: x.id },
          admin.token,
        ),
    })
    expect(retry.data).toEqual({ setRole: true })
    expect(events.map((e) => [e.topic, e.key, e.payload])).toEqual([
      [
        'core.notification',
        x.id,
        { type: 'roleChanged', data: { role: 'moderator', value: false }, time: expect.any(String) },
      ],
      ['core.session', 'all', { kind: 'rolesReduced', userId: x.id }],
    ])
  })
})

describe('sessions', () => {
  it('logout: when the revocation fails the session stays valid and no socket closes; the retry ends it', async () => {
    const x = await registerUser(t)
    const { retry, events } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'Session', 'UPDATE', `NEW."userId" = ${x.id}`),
      run: () => gqlRaw(t.url, 'mutation { logout }', undefined, x.token),
    })
    expect(retry.data).toEqual({ logout: true })
    expect(events.map((e) => [e.topic, e.payload.kind, e.payload.userId])).toEqual([['core.session', 'revoked', x.id]])
  })
})

describe('blocking (core setUserBlocked)', () => {
  it('when revoking the sessions fails the account is not blocked; the retry blocks it and closes its sockets', async () => {
    const x = await registerUser(t)
    const { retry, events } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'Session', 'UPDATE', `NEW."userId" = ${x.id} AND NEW."revokedAt" IS NOT NULL`),
      run: () =>
        gqlRaw(t.url, 'mutation($u: Int!) { setUserBlocked(userId: $u, state: true) }', { u: x.id }, admin.token),
    })
    expect(retry.data).toEqual({ setUserBlocked: true })
    expect((await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: x.id } })).blocked).toBe(true)
    expect(revocations(events)).toEqual([['core.session', 'revoked', x.id]])
  })
})

describe('password reset', () => {
  it('when revoking the other sessions fails, the code stays unspent and the password unchanged; the retry resets', async () => {
    const x = await registerUser(t)
    await gqlRaw(t.url, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: x.email })
    const { code } = await inbox.next(x.email)
    const { retry, events } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'Session', 'UPDATE', `NEW."userId" = ${x.id} AND NEW."revokedAt" IS NOT NULL`),
      run: () =>
        gqlRaw(t.url, 'mutation($c: String!) { resetPassword(code: $c, newPassword: "new-pass-123") { token } }', {
          c: code,
        }),
    })
    signedIn(retry, 'resetPassword')
    expect(revocations(events)).toEqual([['core.session', 'revoked', x.id]])
    // the old session ended, the new password signs in
    expect((await gqlRaw(t.url, 'query { viewer { databaseId } }', undefined, x.token)).data).toEqual({ viewer: null })
    signedIn(
      await gqlRaw(t.url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
        i: { login: x.name, password: 'new-pass-123' },
      }),
      'login',
    )
  })
})

describe('signing up and in', () => {
  it('register: when recording the login fails there is no account and no session; the retry registers', async () => {
    const ua = agent()
    const name = `u_${randomBytes(4).toString('hex')}`
    const { retry } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'LoginHistory', 'INSERT', `NEW."userAgent" = '${ua}'`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($i: RegisterInput!) { register(input: $i) { token } }',
          { i: { username: name, email: `${name}@example.com`, password: 'pw-failure-1' } },
          undefined,
          as(ua),
        ),
    })
    signedIn(retry, 'register')
  })

  it('login: when recording the login fails no session is left; the retry signs in', async () => {
    const x = await registerUser(t)
    const ua = agent()
    const { retry } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'LoginHistory', 'INSERT', `NEW."userAgent" = '${ua}'`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($i: LoginInput!) { login(input: $i) { token } }',
          { i: { login: x.name, password: x.password } },
          undefined,
          as(ua),
        ),
    })
    signedIn(retry, 'login')
  })

  it('phone sign-up: when issuing the code fails there is no account and no SMS; the retry creates both', async () => {
    const phone = `+7998${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    const { retry } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'OneTimeCode', 'INSERT', `NEW.target = '${phone}'`),
      run: () => gqlRaw(t.url, 'mutation($p: String!) { registerPhone(phone: $p) { created } }', { p: phone }),
    })
    expect(retry.data).toEqual({ registerPhone: { created: true } })
    await inbox.next(phone)
    expect(inbox.messages.filter((m) => m.to === phone)).toHaveLength(1)
  })

  it('phone sign-in: when opening the session fails the code stays unspent; the retry signs in with it', async () => {
    const phone = `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    await gqlRaw(t.url, 'mutation($p: String!) { registerPhone(phone: $p) { created } }', { p: phone })
    const { code } = await inbox.next(phone)
    const ua = agent()
    const { retry } = await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'Session', 'INSERT', `NEW."userAgent" = '${ua}'`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($p: String!, $c: String!) { loginWithPhone(phone: $p, code: $c) { token } }',
          { p: phone, c: code },
          undefined,
          as(ua),
        ),
    })
    signedIn(retry, 'loginWithPhone')
  })
})

describe('ignoring', () => {
  it('when the write fails, the live filters are not told; the retry ignores and tells them', async () => {
    const x = await registerUser(t)
    const y = await registerUser(t)
    const { retry, events } = await underFailure(t, {
      tables: ['Ignore'],
      inject: () => failOn(t, 'Ignore', 'INSERT', `NEW."userId" = ${x.id}`),
      run: () => gqlRaw(t.url, 'mutation($i: Int!) { ignore(content: CHAT, item: $i) }', { i: y.id }, x.token),
    })
    expect(retry.data).toEqual({ ignore: true })
    expect(events.map((e) => [e.topic, e.key, e.payload])).toEqual([['core.ignores', x.id, { ignored: [y.id] }]])
  })
})
