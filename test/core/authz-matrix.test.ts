import { createHash, randomBytes, randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCorePlugin } from '../../src/core/index.js'
import type { Access, RestRoute } from '../../src/rest/route.js'
import type { RoleName } from '../../src/auth/roles.js'
import { ERRORS } from '../../src/errors.js'
import { createSession } from '../../src/auth/sessions.js'
import { hashToken } from '../../src/auth/tokens.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest, until } from '../helpers/clients.js'
import { grantRoles, registerUser, startInbox, userWithRoles, type Inbox, type TestUser } from '../helpers/users.js'

/**
 * The authorization matrix of every core REST route: guest, plain user, and a holder of the role the route's access
 * letter requires. A route added to the core without a body in BODIES fails this file.
 */

/** a provider named goodgame (/api/oauth/thirdparty/goodgame only builds its authorization URL: never called) */
const GOODGAME = {
  THIRDPARTY_PROVIDERS: 'goodgame',
  THIRDPARTY_GOODGAME_AUTHORIZE_URL: 'https://goodgame.example/oauth/authorize',
  THIRDPARTY_GOODGAME_TOKEN_URL: 'https://goodgame.example/oauth/token',
  THIRDPARTY_GOODGAME_USERINFO_URL: 'https://goodgame.example/oauth/user',
  THIRDPARTY_GOODGAME_CLIENT_ID: 'matrix',
  THIRDPARTY_GOODGAME_CLIENT_SECRET: 'matrix-secret',
}

let t: TestApp
let inbox: Inbox
/** someone the calls are about (looked up, followed, ignored, given a role …) */
let target: TestUser
beforeAll(async () => {
  inbox = await startInbox()
  t = await startTestApp({ NOTIFY_WEBHOOK_URL: inbox.url, ...GOODGAME })
  target = await registerUser(t)
})
afterAll(async () => {
  await closeAll(t, inbox)
})

/** the core's own routes (their paths and access letters do not depend on which plugins are on) */
// Multipart routes (JustChat /upload) take no JSON body: their access is checked with real files in test/uploads and
// by the REST access matrix (test/access).
const routes = createCorePlugin([]).rest.filter((r) => !r.largeUploads)

/** peka2-api-index.md access letters → the role they require; P, C (open) and A (signed in) need none. */
const ROLE_OF: Record<Access, RoleName | null> = {
  P: null,
  C: null,
  A: null,
  M: 'moderator',
  S: 'support',
  B: 'blocker',
  Sm: 'smiler',
  MS: 'masterstreamer',
  RA: 'roleAdmin',
  Sc: 'schedule',
  Se: 'seasoner',
  StA: 'storeAdmin',
  StS: 'storeSupport',
}
const isPublic = (a: Access) => a === 'P' || a === 'C'

const newPhone = () => `+79${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`

/** The message a gateway received for `to` since `since` messages were in the inbox. */
async function messageTo(to: string, since: number) {
  const find = () => inbox.messages.slice(since).find((m) => m.to === to)
  await until(() => !!find(), 5000, `a message to ${to}`)
  return find()!
}

/** A minimal valid request body per route path: every core route must have one. */
const BODIES: Record<string, () => Record<string, unknown> | Promise<Record<string, unknown>>> = {
  '/api/user': () => ({ id: target.id }),
  '/api/user/list': () => ({ ids: [target.id] }),
  '/api/user/current': () => ({}),
  '/api/user/full': () => ({ id: target.id }),
  '/api/user/login': () => ({ name: target.name, password: target.password }),
  '/api/user/login/bytoken': () => ({ token: target.token }),
  '/api/user/logout': () => ({}),
  '/api/user/settings': () => ({ chat: { fontsize: 14 } }),
  '/api/user/forgot': () => ({ email: target.email }),
  '/api/user/restore': async () => {
    const u = await registerUser(t)
    const since = inbox.messages.length
    const r = await rest(t.url, '/api/user/forgot', { email: u.email })
    expect(r.status).toBe(200)
    return { code: (await messageTo(u.email, since)).code }
  },
  '/api/user/roles/list': () => ({ role: 'moderator' }),
  '/api/user/roles/set': () => ({ userId: target.id, role: 'moderator', value: false }),
  '/api/security/user': () => ({}),
  '/init/reg': () => ({ phone: newPhone() }),
  '/init/auth': async () => {
    const phone = newPhone()
    const since = inbox.messages.length
    expect((await rest(t.url, '/init/reg', { phone })).status).toBe(201)
    return { phone, key: (await messageTo(phone, since)).code }
  },
  '/init/invite': () => ({ phons: [newPhone()] }),
  '/init/edit': () => ({ user: { nickname: 'matrix' } }),
  '/init/getUser': () => ({ user_id: String(target.id) }),
  '/init/exit': () => ({}),
  // messenger (messenger-api.md): a fresh name per registration
  '/api/register': () => {
    const name = `m${randomInt(0, 1e9)}`
    return { username: name, password: 'correct horse battery 1', email: `${name}@example.com` }
  },
  '/api/login': () => ({ username: target.name, password: target.password }),
  '/api/logout': () => ({}),
  '/api/users': () => ({ limit: '5' }),
  '/api/search/users': () => ({ q: target.name.slice(0, 4) }),
  '/api/subscribe/add': () => ({ content: 'stream', id: target.id }),
  '/api/subscribe/remove': () => ({ content: 'stream', id: target.id }),
  '/api/subscribe/check': () => ({ content: 'stream', id: target.id }),
  '/api/subscribe/amount': () => ({ content: 'stream' }),
  '/api/subscribe/list': () => ({ content: 'stream' }),
  '/api/subscribe/subscribers': () => ({ content: 'stream' }),
  '/api/ignore/add': () => ({ content: 'chat', item: target.id }),
  '/api/ignore/remove': () => ({ content: 'chat', item: target.id }),
  '/api/ignore/check': () => ({ content: 'chat', item: target.id }),
  '/api/ignore/list': () => ({ content: 'chat' }),
  // OAuth (oauth.md): codes of target's application, requested with PKCE and granted by target where a step needs it
  '/api/oauth/app': () => ({}),
  '/api/oauth/app/set': () => ({ name: 'Matrix app', description: 'access matrix' }),
  '/api/oauth/request': async () => ({ key: await targetAppKey() }),
  '/api/oauth/check': async () => ({ code: (await oauthCode(false)).code }),
  '/api/oauth/grant': async () => ({ code: (await oauthCode(false)).code }),
  '/api/oauth/exchange': async () => {
    const c = await oauthCode(true)
    return { code: c.code, code_verifier: c.verifier }
  },
  '/api/oauth/list': () => ({}),
  '/api/oauth/reject': async () => {
    await targetAppKey()
    const app = await t.app.services.prisma.oAuthApp.findUniqueOrThrow({ where: { ownerId: target.id } })
    return { id: app.id }
  },
  '/api/oauth/thirdparty/goodgame': () => ({ redirectUri: 'https://site.example/done' }),
  // thirdparty.md: a registration token as a provider sign-in leaves one (test setup: stored directly)
  '/api/oauth/thirdparty/register': async () => {
    const token = `matrix-${randomInt(0, 1e9)}`
    await t.app.services.prisma.thirdPartyRegistration.create({
      data: {
        tokenHash: hashToken(t.app.config.sessionSecret, token),
        provider: 'matrix',
        externalId: token,
        suggestedName: 'matrix',
        expiresAt: new Date(Date.now() + 600_000),
      },
    })
    return { name: `tp_${randomInt(0, 1e9)}`, token }
  },
}

let appKey: Promise<string> | undefined
/** target's OAuth application (made once), by its key */
const targetAppKey = () =>
  (appKey ??= (async () => {
    await rest(t.url, '/api/oauth/app/set', { name: 'Target app', description: 'matrix' }, { token: target.token })
    return (await rest(t.url, '/api/oauth/app', {}, { token: target.token })).body.key as string
  })())

/** A fresh code of target's application with a PKCE challenge; granted by target when asked. */
async function oauthCode(granted: boolean) {
  const verifier = randomBytes(48).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const r = await rest(t.url, '/api/oauth/request', { key: await targetAppKey(), code_challenge: challenge })
  if (granted) await rest(t.url, '/api/oauth/grant', { code: r.body.code }, { token: target.token })
  return { code: r.body.code as string, verifier }
}

/**
 * Calls a route as its dialect's clients do: peka2 with the Token header, JustChat with session_key in the body, the
 * messenger with a Bearer token (a GET's fields in the query string).
 */
async function call(route: RestRoute, token?: string) {
  const body = await BODIES[route.path]()
  if (route.dialect === 'justchat') return rest(t.url, route.path, token ? { ...body, session_key: token } : body)
  if (route.dialect === 'messenger' && route.method === 'GET') {
    const query = new URLSearchParams(body as Record<string, string>).toString()
    const res = await fetch(`${t.url}${route.path}?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
    return { status: res.status, body: (await res.json()) as unknown }
  }
  return rest(t.url, route.path, body, { token, peka2Token: route.dialect !== 'messenger' })
}

const AUTH_MESSAGES: string[] = [ERRORS.UNAUTHENTICATED.message, ERRORS.INSUFFICIENT_PERMISSIONS.message]

function expectAuthError(route: RestRoute, r: { status: number; body: any }) {
  if (route.dialect === 'peka2') {
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: ERRORS.UNAUTHENTICATED.message })
  } else if (route.dialect === 'messenger') {
    expect(r.status).toBe(401)
    expect(r.body).toEqual({ error: ERRORS.UNAUTHENTICATED.message, code: 'UNAUTHENTICATED', details: {} })
  } else {
    expect(r.status).toBe(440)
    expect(r.body).toEqual({ error: ERRORS.UNAUTHENTICATED.message })
  }
}

function expectPermissionError(route: RestRoute, r: { status: number; body: any }) {
  if (route.dialect === 'peka2') {
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: ERRORS.INSUFFICIENT_PERMISSIONS.message })
  } else if (route.dialect === 'messenger') {
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ error: ERRORS.INSUFFICIENT_PERMISSIONS.message, code: 'INSUFFICIENT_PERMISSIONS' })
  } else {
    expect(r.status).toBe(403)
    expect(r.body).toEqual({ error: ERRORS.INSUFFICIENT_PERMISSIONS.message })
  }
}

function expectAllowed(r: { status: number; body: any }) {
  const message = r.body?.message ?? r.body?.error
  expect(AUTH_MESSAGES).not.toContain(message)
  expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(200)
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
}

/**
 * A fresh session (test setup: minted directly, as a login would) for a shared caller: one plain user, one holder per
 * role. Fresh tokens keep /api/user/logout and /init/exit from spoiling other calls; sharing users keeps this file fast.
 */
const holders = new Map<string, Promise<number>>()
function callerToken(role: RoleName | null): Promise<string> {
  const key = role ?? ''
  if (!holders.has(key)) {
    holders.set(
      key,
      (async () => {
        const u = await registerUser(t)
        if (role) await grantRoles(t, u.id, { [role]: 1 })
        return u.id
      })(),
    )
  }
  return holders
    .get(key)!
    .then(async (id) => (await createSession(t.app.services.prisma, t.app.config.sessionSecret, id, 1)).token)
}

describe('the table', () => {
  it('has a body for every core REST route, and none for routes that no longer exist', () => {
    const paths = routes.map((r) => r.path)
    expect(paths.length).toBeGreaterThan(0)
    expect(
      paths.filter((p) => !(p in BODIES)),
      'core routes without a body in BODIES',
    ).toEqual([])
    expect(
      Object.keys(BODIES).filter((p) => !paths.includes(p)),
      'BODIES entries for no route',
    ).toEqual([])
  })

  it('knows the role of every access letter the core uses, and the app serves every core route', () => {
    for (const r of routes) expect(Object.hasOwn(ROLE_OF, r.access), `${r.path}: access ${r.access}`).toBe(true)
    const served = new Set(t.app.rest.routes.map((r) => r.path))
    expect(routes.filter((r) => !served.has(r.path)).map((r) => r.path)).toEqual([])
  })
})

describe.each(routes.map((r) => [`${r.dialect} ${r.path} (${r.access})`, r] as const))('%s', (_name, route) => {
  const role = ROLE_OF[route.access]

  it('guest', async () => {
    expect(BODIES[route.path], `no body for ${route.path} in BODIES`).toBeDefined()
    const r = await call(route)
    if (isPublic(route.access)) expectAllowed(r)
    else {
      expectAuthError(route, r)
      // an unknown or revoked token is a guest too
      expectAuthError(route, await call(route, 'not-a-real-token'))
    }
  })

  it('plain user', async () => {
    expect(BODIES[route.path], `no body for ${route.path} in BODIES`).toBeDefined()
    const r = await call(route, await callerToken(null))
    if (role) expectPermissionError(route, r)
    else expectAllowed(r)
  })

  it(role ? `holder of ${role}` : 'signed-in user (no role required)', async () => {
    expect(BODIES[route.path], `no body for ${route.path} in BODIES`).toBeDefined()
    expectAllowed(await call(route, await callerToken(role)))
  })
})

describe('role routes about oneself', () => {
  it('a plain user asking /api/user/full about themselves is still refused (the route is RA)', async () => {
    const u = await registerUser(t)
    const r = await rest(t.url, '/api/user/full', { id: u.id }, { token: u.token })
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: ERRORS.INSUFFICIENT_PERMISSIONS.message })
    const admin = await userWithRoles(t, { roleAdmin: 1 })
    const ok = await rest(t.url, '/api/user/full', { id: u.id }, { token: admin.token })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      id: u.id,
      name: u.name,
      block: false,
      roles: expect.any(Object),
      settings: expect.any(Object),
    })
  })
})
