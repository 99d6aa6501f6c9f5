import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { registerUser, startInbox, userWithRoles, type Inbox, type TestUser } from '../helpers/users.js'
import { dropAll, failOn, underFailure } from './support.js'

/**
 * Account and role changes under an injected failure: setting a role (with the live-socket announcement), logout,
 * blocking (flag, then every session revoked), password reset (code spent, password set, sessions revoked, a new
 * session), sign-up and sign-in (user, session, login history) and phone sign-in. Requests are told apart from the rest
 * by their User-Agent, which the session and the login history store — the trigger's guard.
 *
 * `it.fails` marks a gap found here: the operation's statements are not one transaction, so those before the failure
 * stay (and a spent code makes the retry impossible). Such a test turns red once the gap is closed — then make it `it`.
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
  it.fails('GAP: when revoking the sessions fails, the account stays blocked', async () => {
    const x = await registerUser(t)
    await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'Session', 'UPDATE', `NEW."userId" = ${x.id} AND NEW."revokedAt" IS NOT NULL`),
      run: () =>
        gqlRaw(t.url, 'mutation($u: Int!) { setUserBlocked(userId: $u, state: true) }', { u: x.id }, admin.token),
    })
  })
})

describe('password reset', () => {
  it.fails(
    'GAP: when revoking the other sessions fails, the code is spent and the password changed anyway',
    async () => {
      const x = await registerUser(t)
      await gqlRaw(t.url, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: x.email })
      const { code } = await inbox.next(x.email)
      await underFailure(t, {
        tables: ACCOUNT_TABLES,
        inject: () => failOn(t, 'Session', 'UPDATE', `NEW."userId" = ${x.id} AND NEW."revokedAt" IS NOT NULL`),
        run: () =>
          gqlRaw(t.url, 'mutation($c: String!) { resetPassword(code: $c, newPassword: "new-pass-123") { token } }', {
            c: code,
          }),
      })
    },
  )
})

describe('signing up and in', () => {
  it.fails('GAP: register — when recording the login fails, the account and its session exist anyway', async () => {
    const ua = agent()
    const name = `u_${randomBytes(4).toString('hex')}`
    await underFailure(t, {
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
  })

  it.fails('GAP: login — when recording the login fails, a session nobody received is left', async () => {
    const x = await registerUser(t)
    const ua = agent()
    await underFailure(t, {
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
  })

  it.fails('GAP: phone sign-up — when issuing the code fails, the account exists anyway', async () => {
    const phone = `+7998${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    await underFailure(t, {
      tables: ACCOUNT_TABLES,
      inject: () => failOn(t, 'OneTimeCode', 'INSERT', `NEW.target = '${phone}'`),
      run: () => gqlRaw(t.url, 'mutation($p: String!) { registerPhone(phone: $p) { created } }', { p: phone }),
    })
  })

  it.fails('GAP: phone sign-in — when opening the session fails, the code is spent anyway', async () => {
    const phone = `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    await gqlRaw(t.url, 'mutation($p: String!) { registerPhone(phone: $p) { created } }', { p: phone })
    const { code } = await inbox.next(phone)
    const ua = agent()
    await underFailure(t, {
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
