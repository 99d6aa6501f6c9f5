import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest, until } from '../helpers/clients.js'
import { registerUser, startInbox, type Inbox, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let inbox: Inbox
beforeAll(async () => {
  inbox = await startInbox()
  t = await startTestApp({ NOTIFY_WEBHOOK_URL: inbox.url })
})
afterAll(async () => {
  await closeAll(t, inbox)
})

const LOGIN = graphql(
  `mutation LoginPasswordReset($login: String!, $password: String!) { login(input: { login: $login, password: $password }) { token viewer { databaseId } } }`,
)
const RESET = graphql(
  `mutation ResetPassword($code: String!, $p: String) { resetPassword(code: $code, newPassword: $p) { token viewer { databaseId name } } }`,
)
const VIEWER = graphql(`query Viewer { viewer { databaseId } }`)

const login = (name: string, password: string) => gql(t.url, LOGIN, { login: name, password })

/** The restore e-mail sent to `email` since `since` messages were in the inbox: its code and the new password. */
async function mailTo(email: string, since: number) {
  const find = () => inbox.messages.slice(since).filter((m) => m.to === email)
  await until(() => find().length > 0, 5000, `an e-mail to ${email}`)
  const all = find()
  expect(all).toHaveLength(1)
  const m = all[0]
  expect(m).toMatchObject({ channel: 'email', purpose: 'restore' })
  expect(m.code).toEqual(expect.any(String))
  // the link with the code, and the new password, are in the letter
  expect(m.text).toContain(m.code)
  const password = /password:\s*(\S+)/i.exec(m.text)?.[1]
  expect(password).toBeTruthy()
  return { code: m.code!, password: password! }
}

/** /api/user/forgot and the letter it sent. */
async function forgot(u: TestUser) {
  const since = inbox.messages.length
  const r = await rest(t.url, '/api/user/forgot', { email: u.email })
  expect(r.status).toBe(200)
  expect(r.body).toEqual([])
  return mailTo(u.email, since)
}

describe('/api/user/forgot', () => {
  it('answers [] and mails a code and a new password; nothing changes until the code is used', async () => {
    const u = await registerUser(t)
    const mail = await forgot(u)
    expect(mail.password).not.toBe(u.password)
    // the old password still works, the mailed one does not yet
    expect((await login(u.name, u.password)).data?.login.viewer.databaseId).toBe(u.id)
    expect(codeOf(await login(u.name, mail.password))).toBe('INVALID_CREDENTIALS')
    expect((await gql(t.url, VIEWER, {}, u.token)).data!.viewer).toEqual({ databaseId: u.id })
  })

  it('matches the address case-insensitively', async () => {
    const u = await registerUser(t)
    const since = inbox.messages.length
    const r = await rest(t.url, '/api/user/forgot', { email: u.email.toUpperCase() })
    expect(r.status).toBe(200)
    expect(r.body).toEqual([])
    await mailTo(u.email, since)
  })

  it('an unknown address answers the same [] and no e-mail is sent', async () => {
    const since = inbox.messages.length
    const r = await rest(t.url, '/api/user/forgot', { email: 'nobody-here@example.com' })
    expect(r.status).toBe(200)
    expect(r.body).toEqual([])
    await new Promise((res) => setTimeout(res, 200))
    expect(inbox.messages.slice(since)).toEqual([])
  })

  it('an invalid or missing address → 500 {message}', async () => {
    for (const body of [{ email: 'not-an-email' }, {}, { email: 42 }]) {
      const r = await rest(t.url, '/api/user/forgot', body)
      expect(r.status).toBe(500)
      expect(r.body).toEqual({ message: expect.any(String) })
    }
  })
})

describe('/api/user/restore', () => {
  it('answers {token, current} (the /api/user/login shape); the new password logs in, the old one does not', async () => {
    const u = await registerUser(t)
    const mail = await forgot(u)
    const r = await rest(t.url, '/api/user/restore', { code: mail.code })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      token: expect.any(String),
      current: expect.objectContaining({
        guest: false,
        id: u.id,
        name: u.name,
        slug: expect.any(String),
        block: false,
        settings: expect.any(Object),
        roles: expect.any(Object),
      }),
    })
    expect(r.body.current.roles).toMatchObject({ roleAdmin: false, citizen: 2 })
    // the token signs in
    const cur = await rest(t.url, '/api/user/current', {}, { token: r.body.token })
    expect(cur.body).toMatchObject({ guest: false, id: u.id })

    expect((await login(u.name, mail.password)).data?.login.viewer.databaseId).toBe(u.id)
    expect(codeOf(await login(u.name, u.password))).toBe('INVALID_CREDENTIALS')
  })

  it('revokes every other session', async () => {
    const u = await registerUser(t)
    const second = (await login(u.name, u.password)).data!.login.token
    expect((await gql(t.url, VIEWER, {}, second)).data!.viewer).toEqual({ databaseId: u.id })
    const mail = await forgot(u)
    const r = await rest(t.url, '/api/user/restore', { code: mail.code })
    expect(r.status).toBe(200)
    for (const old of [u.token, second]) {
      expect((await gql(t.url, VIEWER, {}, old)).data!.viewer).toBeNull()
      const a = await rest(t.url, '/api/user/logout', {}, { token: old })
      expect(a.status).toBe(500)
      expect(a.body).toEqual({ message: expect.any(String) })
    }
    expect((await gql(t.url, VIEWER, {}, r.body.token)).data!.viewer).toEqual({ databaseId: u.id })
  })

  it('the code is single-use: a second restore → 500 {message}, and the password is not reset again', async () => {
    const u = await registerUser(t)
    const mail = await forgot(u)
    expect((await rest(t.url, '/api/user/restore', { code: mail.code })).status).toBe(200)
    const again = await rest(t.url, '/api/user/restore', { code: mail.code })
    expect(again.status).toBe(500)
    expect(again.body).toEqual({ message: expect.any(String) })
    expect(codeOf(await gql(t.url, RESET, { code: mail.code, p: 'another-pass-9' }))).toBe('INVALID_CODE')
    expect((await login(u.name, mail.password)).data?.login.viewer.databaseId).toBe(u.id)
  })

  it('a wrong, missing or expired code → 500 {message}', async () => {
    for (const body of [{ code: 'not-a-real-code' }, { code: '' }, {}]) {
      const r = await rest(t.url, '/api/user/restore', body)
      expect(r.status).toBe(500)
      expect(r.body).toEqual({ message: expect.any(String) })
    }
    const u = await registerUser(t)
    const mail = await forgot(u)
    // test setup: age the code past its lifetime
    const n = await t.app.services.prisma.oneTimeCode.updateMany({
      where: { purpose: 'restore', userId: u.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(n.count).toBe(1)
    const r = await rest(t.url, '/api/user/restore', { code: mail.code })
    expect(r.status).toBe(500)
    expect((await login(u.name, u.password)).data?.login.viewer.databaseId).toBe(u.id)
  })

  it('a newer request replaces the older code', async () => {
    const u = await registerUser(t)
    const first = await forgot(u)
    const second = await forgot(u)
    expect(second.code).not.toBe(first.code)
    expect((await rest(t.url, '/api/user/restore', { code: first.code })).status).toBe(500)
    expect((await rest(t.url, '/api/user/restore', { code: second.code })).status).toBe(200)
    expect((await login(u.name, second.password)).data?.login.viewer.databaseId).toBe(u.id)
    expect(codeOf(await login(u.name, first.password))).toBe('INVALID_CREDENTIALS')
  })
})

describe('GraphQL resetPassword', () => {
  it('a weak newPassword → WEAK_PASSWORD and the code stays usable', async () => {
    const u = await registerUser(t)
    const mail = await forgot(u)
    for (const weak of ['short1', 'onlyletters', '12345678901']) {
      const r = await gql(t.url, RESET, { code: mail.code, p: weak })
      expect(codeOf(r)).toBe('WEAK_PASSWORD')
      expect(r.errors?.[0].extensions?.field).toBe('newPassword')
    }
    expect(codeOf(await login(u.name, 'short1'))).toBe('INVALID_CREDENTIALS')
    const ok = await gql(t.url, RESET, { code: mail.code, p: 'chosen-pass-42' })
    expect(ok.errors).toBeUndefined()
    expect(ok.data!.resetPassword.viewer).toEqual({ databaseId: u.id, name: u.name })
    // the chosen password wins over the mailed one
    expect((await login(u.name, 'chosen-pass-42')).data?.login.viewer.databaseId).toBe(u.id)
    expect(codeOf(await login(u.name, mail.password))).toBe('INVALID_CREDENTIALS')
    expect(codeOf(await login(u.name, u.password))).toBe('INVALID_CREDENTIALS')
  })
})
