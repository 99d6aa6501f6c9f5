/**
 * The OAuth 2.0 authorization code flow as a third-party application and a legacy peka2 client drive it (oauth.md):
 * register an application, request a code (PKCE S256 or the client secret), the user grants it, exchange it once,
 * call the API within the token's scopes and be refused outside them, list and revoke.
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import type { Client } from 'graphql-ws'
import { codeOf, disposeAll, gql, rest, subscribe, until, wsClient } from '../helpers/clients.js'
import { grantRoles, registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

const SAVE_APP = graphql(`
  mutation OAuthSaveApp($input: OAuthAppInput!) {
    saveOAuthApp(input: $input) { clientSecret app { databaseId clientId approved redirectUri } }
  }
`)
const RESET_SECRET = graphql(`mutation OAuthResetSecret { resetOAuthClientSecret { clientSecret } }`)
const APPROVE = graphql(`
  mutation OAuthApprove($clientId: String!, $approved: Boolean!) {
    approveOAuthApp(clientId: $clientId, approved: $approved) { approved }
  }
`)
const GRANT = graphql(`
  mutation OAuthGrant($code: String!) { grantOAuthCode(code: $code) { redirectUri scopes } }
`)
const REQUEST = graphql(`
  mutation OAuthRequest($clientId: String!, $scopes: [OAuthScope!], $challenge: String, $state: String) {
    requestOAuthCode(clientId: $clientId, scopes: $scopes, codeChallenge: $challenge, state: $state) { code }
  }
`)
const EXCHANGE = graphql(`
  mutation OAuthExchange($code: String!, $verifier: String, $secret: String) {
    exchangeOAuthCode(code: $code, codeVerifier: $verifier, clientSecret: $secret) {
      accessToken tokenType scopes viewer { databaseId }
    }
  }
`)
const VIEWER = graphql(`query OAuthViewer { viewer { databaseId name } }`)
const NOTIFICATIONS = graphql(`subscription OAuthNotifications { notifications { type } }`)
const clients: Client[] = []
const UPDATE_SETTINGS = graphql(`
  mutation OAuthUpdateSettings { updateSettings(settings: { stream: { autostart: false } }) { stream { autostart } } }
`)

let t: TestApp
let dev: TestUser
let alice: TestUser
let admin: TestUser
let key: string
let secret: string

const call = (path: string, body: unknown, token?: string) => rest(t.url, path, body, { token })
const pkce = () => {
  const verifier = randomBytes(48).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}
/** A code the user granted, requested with PKCE (the default) or for the secret flow. */
async function grantedCode(opts: { scope?: string; pkce?: boolean } = {}) {
  const p = pkce()
  const body = {
    key,
    ...(opts.scope ? { scope: opts.scope } : {}),
    ...(opts.pkce === false ? {} : { code_challenge: p.challenge }),
  }
  const r = await call('/api/oauth/request', body)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  expect((await call('/api/oauth/grant', { code: r.body.code }, alice.token)).body).toEqual([])
  return { code: r.body.code as string, verifier: p.verifier }
}
async function tokenFor(opts: { scope?: string } = {}) {
  const { code } = await grantedCode({ ...opts, pkce: false })
  const r = await call('/api/oauth/exchange', { code, client_secret: secret })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body.token as string
}

beforeAll(async () => {
  t = await startTestApp()
  ;[dev, alice] = await Promise.all([registerUser(t), registerUser(t)])
  admin = await userWithRoles(t, { roleAdmin: 1 })
  await grantRoles(t, alice.id, { roleAdmin: 1 })
})
afterAll(async () => {
  await disposeAll(clients)
  await closeAll(t)
})

describe('applications (/api/oauth/app, /api/oauth/app/set)', () => {
  it('one per account: empty before, then the documented object with its key; the secret shown once', async () => {
    expect((await call('/api/oauth/app', {}, dev.token)).body).toEqual({
      name: '',
      description: '',
      key: '',
      approved: false,
      redirect: '',
    })
    for (const [body, field] of [
      [{ description: 'd' }, /name/],
      [{ name: 'App', description: '' }, /^description:/],
      [{ name: 'x'.repeat(65), description: 'd' }, /^name:/],
      [{ name: 'App', description: 'd', redirect: 'http://evil.example/cb' }, /^redirect:/],
    ] as const) {
      const r = await call('/api/oauth/app/set', body, dev.token)
      expect(r.status, JSON.stringify(body)).toBe(500)
      expect(r.body.message, JSON.stringify(body)).toMatch(field)
    }
    expect(
      (await call('/api/oauth/app/set', { name: 'Peka Bot', description: 'Reads chats' }, dev.token)).body,
    ).toEqual({})
    const app = (await call('/api/oauth/app', {}, dev.token)).body
    expect(app).toEqual({
      name: 'Peka Bot',
      description: 'Reads chats',
      key: expect.any(String),
      approved: false,
      redirect: '',
    })
    expect(app.key.length).toBeGreaterThan(16)
    key = app.key
    const saved = await gql(
      t.url,
      SAVE_APP,
      { input: { name: 'Peka Bot', description: 'Reads chats', redirectUri: 'https://bot.example/cb' } },
      dev.token,
    )
    // a change is no creation: no secret; the first one went unseen (REST), so a reset shows a new one
    expect(saved.data!.saveOAuthApp).toMatchObject({ clientSecret: null, app: { clientId: key } })
    secret = (await gql(t.url, RESET_SECRET, {}, dev.token)).data!.resetOAuthClientSecret.clientSecret!
    expect(secret.length).toBeGreaterThan(30)
    const stored = await t.app.services.prisma.oAuthApp.findUniqueOrThrow({ where: { clientId: key } })
    expect(stored.secretHash).toMatch(/^\$argon2id\$/)
    expect(JSON.stringify(stored)).not.toContain(secret)
    expect((await call('/api/oauth/app', {})).status).toBe(500)
  })
})

describe('the code flow with PKCE (/api/oauth/request, check, grant, exchange)', () => {
  it('request → check → grant → exchange once, with the verifier; then the token acts as the user', async () => {
    const p = pkce()
    const req = await call('/api/oauth/request', { key, code_challenge: p.challenge, state: 'xyz' })
    expect(req.status).toBe(200)
    expect(Object.keys(req.body)).toEqual(['code'])
    const code: string = req.body.code
    const check = await call('/api/oauth/check', { code })
    expect(check.body).toEqual({
      id: expect.any(Number),
      app: {
        name: 'Peka Bot',
        description: 'Reads chats',
        key: '',
        approved: false,
        redirect: 'https://bot.example/cb',
      },
    })
    const early = await call('/api/oauth/exchange', { code, code_verifier: p.verifier })
    expect(early.status).toBe(500)
    expect(early.body.message).toMatch(/not granted/)
    // granting is for signed-in users
    expect((await call('/api/oauth/grant', { code })).status).toBe(500)
    const granted = await gql(t.url, GRANT, { code }, alice.token)
    expect(granted.data!.grantOAuthCode.redirectUri).toBe(
      `https://bot.example/cb?code=${encodeURIComponent(code)}&state=xyz`,
    )
    expect((await call('/api/oauth/check', { code })).body.message).toMatch(/granted already/)
    expect((await call('/api/oauth/grant', { code }, alice.token)).status).toBe(500)

    for (const body of [{ code }, { code, code_verifier: pkce().verifier }, { code, code_verifier: 'short' }]) {
      const bad = await call('/api/oauth/exchange', body)
      expect(bad.status, JSON.stringify(body)).toBe(500)
      expect(bad.body.message).toMatch(/code_verifier/)
    }
    const ex = await call('/api/oauth/exchange', { code, code_verifier: p.verifier })
    expect(ex.status).toBe(200)
    expect(ex.body).toEqual({
      token: expect.any(String),
      user: expect.objectContaining({ guest: false, id: alice.id, name: alice.name, roles: expect.any(Object) }),
    })
    const token: string = ex.body.token
    expect((await call('/api/user/current', {}, token)).body).toMatchObject({ guest: false, id: alice.id })
    expect((await gql(t.url, VIEWER, {}, token)).data!.viewer).toMatchObject({ databaseId: alice.id })
    // queries within `read`
    expect((await call('/api/subscribe/list', { content: 'stream' }, token)).status).toBe(200)
    // the token is no site session: logging in by it is refused (common.md)
    expect((await call('/api/user/login/bytoken', { token })).status).toBe(500)
  })

  it('a code works once: a second exchange is refused and ends the token the first one gave', async () => {
    const { code, verifier } = await grantedCode()
    const first = await call('/api/oauth/exchange', { code, code_verifier: verifier })
    expect(first.status).toBe(200)
    const again = await call('/api/oauth/exchange', { code, code_verifier: verifier })
    expect(again.status).toBe(500)
    expect(again.body.message).toMatch(/used/)
    expect((await call('/api/user/current', {}, first.body.token)).body.guest).toBe(true)
  })

  it('codes are short-lived; a code without a challenge needs the secret; unknown keys and codes are refused', async () => {
    const { code, verifier } = await grantedCode()
    await t.app.services.prisma.oAuthCode.updateMany({
      data: { expiresAt: new Date(Date.now() - 1000) },
      where: { usedAt: null },
    })
    expect((await call('/api/oauth/exchange', { code, code_verifier: verifier })).body.message).toMatch(/expired/)
    const plain = await grantedCode({ pkce: false })
    for (const [body, field] of [
      [{ code: plain.code }, /client_secret/],
      [{ code: plain.code, client_secret: 'nope' }, /client_secret/],
      [{ code: plain.code, client_secret: secret, client_id: 'other' }, /client_id/],
      [{ code: 'made-up', client_secret: secret }, /^code:/],
    ] as const) {
      const r = await call('/api/oauth/exchange', body)
      expect(r.status, JSON.stringify(body)).toBe(500)
      expect(r.body.message, JSON.stringify(body)).toMatch(field)
    }
    expect((await call('/api/oauth/exchange', { code: plain.code, client_secret: secret })).status).toBe(200)
    for (const [body, field] of [
      [{ key: 'nope' }, /^key:/],
      [{ key, code_challenge: 'abc' }, /^code_challenge:/],
      [{ key, code_challenge: pkce().challenge, code_challenge_method: 'plain' }, /^code_challenge_method:/],
      [{ key, redirect_uri: 'https://other.example/cb' }, /^redirect_uri:/],
      [{ key, scope: 'read everything' }, /^scope\[1\]:/],
    ] as const) {
      const r = await call('/api/oauth/request', body)
      expect(r.status, JSON.stringify(body)).toBe(500)
      expect(r.body.message, JSON.stringify(body)).toMatch(field)
    }
    expect((await call('/api/oauth/check', { code: 'made-up' })).status).toBe(500)
  })
})

describe('scopes: a token acts within its own only', () => {
  it('read: queries yes, mutations and the user’s roles no', async () => {
    const token = await tokenFor()
    const add = await call('/api/subscribe/add', { content: 'stream', id: dev.id }, token)
    expect(add.status).toBe(500)
    expect(add.body.message).toMatch(/write/)
    expect(codeOf(await gql(t.url, UPDATE_SETTINGS, {}, token))).toBe('OAUTH_SCOPE_MISSING')
    // alice is a role admin; her token without that scope is not
    expect((await call('/api/user/roles/list', { role: 'roleAdmin' }, alice.token)).status).toBe(200)
    expect((await call('/api/user/roles/list', { role: 'roleAdmin' }, token)).status).toBe(500)
    expect((await call('/api/user/current', {}, token)).body.roles.roleAdmin).toBe(true)
  })

  it('beyond read only for approved applications; a change of the application takes approval back at once', async () => {
    const denied = await call('/api/oauth/request', { key, scope: 'read write' })
    expect(denied.status).toBe(500)
    expect(denied.body.message).toMatch(/approved/)
    expect(codeOf(await gql(t.url, APPROVE, { clientId: key, approved: true }, dev.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    expect(
      (await gql(t.url, APPROVE, { clientId: key, approved: true }, admin.token)).data!.approveOAuthApp.approved,
    ).toBe(true)
    const token = await tokenFor({ scope: 'write roleAdmin' })
    expect((await call('/api/subscribe/add', { content: 'stream', id: dev.id }, token)).status).toBe(200)
    expect((await call('/api/user/roles/list', { role: 'roleAdmin' }, token)).status).toBe(200)
    // the site's own operations stay the site's, whatever the scopes
    const other = await call('/api/oauth/request', { key })
    expect((await call('/api/oauth/grant', { code: other.body.code }, token)).body.message).toMatch(/OAuth token/)
    expect((await call('/api/oauth/list', {}, token)).status).toBe(500)

    await gql(t.url, SAVE_APP, { input: { name: 'Peka Bot 2', description: 'Reads chats' } }, dev.token)
    expect((await call('/api/oauth/app', {}, dev.token)).body.approved).toBe(false)
    expect((await call('/api/subscribe/remove', { content: 'stream', id: dev.id }, token)).status).toBe(500)
    expect((await call('/api/user/roles/list', { role: 'roleAdmin' }, token)).status).toBe(500)
    expect((await call('/api/user/current', {}, token)).body.guest).toBe(false)
  })

  it('GraphQL takes the same flow: enum scopes, the token type and its viewer', async () => {
    const p = pkce()
    const req = await gql(t.url, REQUEST, { clientId: key, scopes: ['READ'], challenge: p.challenge })
    const code = req.data!.requestOAuthCode.code
    await gql(t.url, GRANT, { code }, alice.token)
    const ex = await gql(t.url, EXCHANGE, { code, verifier: p.verifier })
    expect(ex.data!.exchangeOAuthCode).toMatchObject({
      tokenType: 'Bearer',
      scopes: ['READ'],
      viewer: { databaseId: alice.id },
    })
    expect(codeOf(await gql(t.url, REQUEST, { clientId: key, scopes: ['MODERATOR'] }))).toBe('OAUTH_SCOPE_DENIED')
  })
})

describe('grants (/api/oauth/list, /api/oauth/reject)', () => {
  it('the user lists the applications with access and takes one back: its tokens stop at once', async () => {
    const token = await tokenFor()
    const list = await call('/api/oauth/list', {}, alice.token)
    expect(list.status).toBe(200)
    expect(list.body).toEqual([
      {
        id: expect.any(Number),
        name: 'Peka Bot 2',
        description: 'Reads chats',
        key: '',
        approved: false,
        redirect: 'https://bot.example/cb',
      },
    ])
    expect((await call('/api/oauth/list', {}, dev.token)).body).toEqual([])
    // someone without access takes nothing back: alice's token keeps working
    expect((await call('/api/oauth/reject', { id: list.body[0].id }, dev.token)).body).toEqual({})
    expect((await call('/api/user/current', {}, token)).body.guest).toBe(false)
    // a live socket of the token closes too (4401, as on logout)
    const ps = t.app.services.pubsub
    const before = ps.listenerCount()
    const ws = wsClient(t.url, token)
    clients.push(ws)
    const closed = new Promise<number>((resolve) => ws.on('closed', (e) => resolve((e as { code: number }).code)))
    subscribe(ws, NOTIFICATIONS)
    await until(() => ps.listenerCount() > before, 5000, 'subscription live')
    expect((await call('/api/oauth/reject', { id: list.body[0].id }, alice.token)).body).toEqual({})
    expect(await closed).toBe(4401)
    expect((await call('/api/user/current', {}, token)).body.guest).toBe(true)
    expect((await call('/api/subscribe/list', { content: 'stream' }, token)).status).toBe(500)
    expect((await call('/api/oauth/list', {}, alice.token)).body).toEqual([])
    // again: nothing left to take back; an application that does not exist is an error
    expect((await call('/api/oauth/reject', { id: list.body[0].id }, alice.token)).body).toEqual({})
    const unknown = await call('/api/oauth/reject', { id: 2_000_000_000 }, alice.token)
    expect(unknown.status).toBe(500)
    expect(unknown.body.message).toMatch(/^id:/)
  })
})
