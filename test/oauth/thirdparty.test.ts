/**
 * Sign-in and sign-up through a third-party provider (thirdparty.md). The provider is a stub OAuth 2.0 server this
 * test starts on localhost: no outside network.
 */
import type { Client } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, disposeAll, gql, rest, subscribe, wsClient } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'
import { providerEnv, startProvider, type Stub } from '../helpers/thirdparty-provider.js'
import { registerUser } from '../helpers/users.js'

const AUTHORIZE = graphql(`
  query ThirdPartyAuthorize($provider: String!, $redirect: String!) {
    thirdPartyProviders
    thirdPartyAuthorizeUrl(provider: $provider, redirectUri: $redirect)
  }
`)
const SIGN_IN = graphql(`
  mutation ThirdPartySignIn($provider: String!, $code: String!, $state: String!, $redirect: String!) {
    signInWithThirdParty(provider: $provider, code: $code, state: $state, redirectUri: $redirect) {
      session { token viewer { databaseId name } }
      registration { name token }
    }
  }
`)
const NOTIFICATIONS = graphql(`subscription ThirdPartyNotifications { notifications { type data } }`)
const LINK = graphql(`
  query ThirdPartyLink($redirect: String!) {
    thirdPartyAuthorizeUrl(provider: "stub", redirectUri: $redirect, link: true)
  }
`)

let provider: Stub
let t: TestApp
const clients: Client[] = []
const REDIRECT = 'https://site.example/thirdparty/done'

beforeAll(async () => {
  provider = await startProvider()
  t = await startTestApp(providerEnv(provider))
})
afterAll(async () => {
  await disposeAll(clients)
  await closeAll(t, provider)
})

/** A sign-in at the provider as `who`: the authorize URL's state and a code the provider issued. */
async function atProvider(who: { id: string; login: string }) {
  const r = await gql(t.url, AUTHORIZE, { provider: 'stub', redirect: REDIRECT })
  expect(r.data!.thirdPartyProviders).toEqual(['stub'])
  const u = new URL(r.data!.thirdPartyAuthorizeUrl)
  expect(u.origin + u.pathname).toBe(`${provider.url}/authorize`)
  expect(u.searchParams.get('client_id')).toBe('stub-client')
  expect(u.searchParams.get('redirect_uri')).toBe(REDIRECT)
  const code = `code-${Math.random()}`
  provider.codes.set(code, who)
  return { code, state: u.searchParams.get('state')! }
}

describe('registration and login through a provider', () => {
  it('a new provider account gets a registration token; /api/oauth/thirdparty/register makes the user', async () => {
    const who = { id: `ext-${Math.random()}`, login: `Stub_${Date.now() % 100000}` }
    const { code, state } = await atProvider(who)
    const first = await gql(t.url, SIGN_IN, { provider: 'stub', code, state, redirect: REDIRECT })
    expect(first.data!.signInWithThirdParty.session).toBeNull()
    const reg = first.data!.signInWithThirdParty.registration!
    expect(reg.name).toBe(who.login)
    // our secret went to the provider's token endpoint, never to the browser
    expect(provider.seen.find((s) => s.path === '/token')!.body).toContain('client_secret=stub-secret')

    for (const [body, field] of [
      [{ name: 'a', token: reg.token }, /^name:/],
      [{ name: who.login, token: 'made-up' }, /^token:/],
      [{ name: who.login }, /token/],
    ] as const) {
      const bad = await rest(t.url, '/api/oauth/thirdparty/register', body)
      expect(bad.status, JSON.stringify(body)).toBe(500)
      expect(bad.body.message, JSON.stringify(body)).toMatch(field)
    }
    const r = await rest(t.url, '/api/oauth/thirdparty/register', { name: who.login, token: reg.token })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      token: expect.any(String),
      current: expect.objectContaining({
        guest: false,
        name: who.login,
        id: expect.any(Number),
        roles: expect.any(Object),
      }),
    })
    expect((await rest(t.url, '/api/user/current', {}, { token: r.body.token })).body.name).toBe(who.login)
    // the registration token worked once
    expect(
      (await rest(t.url, '/api/oauth/thirdparty/register', { name: `${who.login}x`, token: reg.token })).status,
    ).toBe(500)

    // signing in there again signs the same user in here, and their open sessions hear of it (thirdpartyLogin)
    const c = wsClient(t.url, r.body.token)
    clients.push(c)
    const sub = subscribe(c, NOTIFICATIONS)
    await new Promise((res) => setTimeout(res, 200))
    const again = await atProvider(who)
    const second = await gql(t.url, SIGN_IN, {
      provider: 'stub',
      code: again.code,
      state: again.state,
      redirect: REDIRECT,
    })
    expect(second.data!.signInWithThirdParty.registration).toBeNull()
    expect(second.data!.signInWithThirdParty.session!.viewer).toEqual({
      databaseId: r.body.current.id,
      name: who.login,
    })
    const event = (await sub.next()) as { data: { notifications: { type: string; data: { id: number } } } }
    expect(event.data.notifications).toMatchObject({
      type: 'thirdpartyLogin',
      data: { id: r.body.current.id, guest: false },
    })
  })

  it('refused: a state this site did not sign, another redirect, a code the provider does not know, a taken name', async () => {
    const who = { id: `ext-${Math.random()}`, login: 'admin' }
    const { code, state } = await atProvider(who)
    const tampered = `${state.split('.')[0]}.AAAA`
    expect(
      (await gql(t.url, SIGN_IN, { provider: 'stub', code, state: tampered, redirect: REDIRECT })).errors?.[0]
        .extensions?.field,
    ).toBe('state')
    expect(
      codeOf(await gql(t.url, SIGN_IN, { provider: 'stub', code, state, redirect: 'https://evil.example/' })),
    ).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, SIGN_IN, { provider: 'other', code, state, redirect: REDIRECT }))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(await gql(t.url, SIGN_IN, { provider: 'stub', code: 'unknown', state, redirect: REDIRECT }))).toBe(
      'OAUTH_PROVIDER_FAILED',
    )
    const ok = await gql(t.url, SIGN_IN, { provider: 'stub', code, state, redirect: REDIRECT })
    const reg = ok.data!.signInWithThirdParty.registration!
    const taken = await rest(t.url, '/api/oauth/thirdparty/register', { name: 'taken_name', token: reg.token })
    expect(taken.status).toBe(200)
    const other = await atProvider({ id: `ext-${Math.random()}`, login: 'x' })
    const reg2 = (await gql(t.url, SIGN_IN, { provider: 'stub', ...other, redirect: REDIRECT })).data!
      .signInWithThirdParty.registration!
    const dup = await rest(t.url, '/api/oauth/thirdparty/register', { name: 'Taken_Name', token: reg2.token })
    expect(dup.status).toBe(500)
    expect(dup.body.message).toMatch(/^name:/)
  })

  it('link: the signed-in user who started it makes the provider account theirs; /api/oauth/thirdparty/goodgame', async () => {
    const [owner, other] = [await registerUser(t), await registerUser(t)]
    const who = { id: `ext-${Math.random()}`, login: 'linked' }
    expect(codeOf(await gql(t.url, LINK, { redirect: REDIRECT }))).toBe('UNAUTHENTICATED')
    const start = async (as: string) => {
      const u = new URL((await gql(t.url, LINK, { redirect: REDIRECT }, as)).data!.thirdPartyAuthorizeUrl)
      const code = `code-${Math.random()}`
      provider.codes.set(code, who)
      return { provider: 'stub', code, state: u.searchParams.get('state')!, redirect: REDIRECT }
    }
    // finished only in the session of the user who started it
    const stolen = await gql(t.url, SIGN_IN, await start(owner.token), other.token)
    expect(stolen.errors?.[0].extensions?.field).toBe('state')
    const linked = await gql(t.url, SIGN_IN, await start(owner.token), owner.token)
    expect(linked.data!.signInWithThirdParty.session!.viewer.databaseId).toBe(owner.id)
    // the account signs in as its owner now, and no one else may link it
    const again = await atProvider(who)
    const signIn = await gql(t.url, SIGN_IN, { provider: 'stub', ...again, redirect: REDIRECT })
    expect(signIn.data!.signInWithThirdParty.session!.viewer.databaseId).toBe(owner.id)
    const taken = await gql(t.url, SIGN_IN, await start(other.token), other.token)
    expect(taken.errors?.[0].extensions?.field).toBe('code')

    // the index's GoodGame entry is this link, with the provider named goodgame (not configured here)
    const goodgame = await rest(
      t.url,
      '/api/oauth/thirdparty/goodgame',
      { redirectUri: REDIRECT },
      { token: owner.token },
    )
    expect(goodgame.status).toBe(500)
    expect(goodgame.body.message).toMatch(/^provider: "goodgame" is not a provider/)
  })
})
