import { defineRoutes, type JsonBody } from '../../rest/route.js'
import { currentSelection, currentUser, type Current } from '../users/rest.js'
import { scopeEnumName } from './scopes.js'

interface App {
  databaseId: number
  name: string
  description: string
  clientId: string | null
  approved: boolean
  redirectUri: string
}
const APP = 'databaseId name description clientId approved redirectUri'
/** /api/oauth/app's object; others see it "with an empty key". */
const app = (a: App, withKey: boolean) => ({
  name: a.name,
  description: a.description,
  key: withKey ? (a.clientId ?? '') : '',
  approved: a.approved,
  redirect: a.redirectUri,
})

const opt = (v: unknown) => v ?? null
/** OAuth 2.0's space-separated `scope` (an extension of peka2's request) → the GraphQL enum's names. */
const scopes = (v: unknown) =>
  typeof v === 'string' ? v.split(/\s+/).filter(Boolean).map(scopeEnumName) : v === undefined ? null : v

/**
 * peka2's OAuth routes (oauth.md). Beyond the documented fields they take OAuth 2.0's optional ones: `scope`,
 * `redirect_uri`, `state`, `code_challenge` and `code_challenge_method` on request, `code_verifier`, `client_id`,
 * `client_secret` and `redirect_uri` on exchange — a bare `{ code }` cannot be exchanged (no proof of the client).
 */
export const oauthRoutes = (settings: string) =>
  defineRoutes([
    {
      dialect: 'peka2',
      path: '/api/oauth/app',
      access: 'A',
      operation: `query { myOAuthApp { ${APP} } }`,
      result: (d: { myOAuthApp: App | null }) => {
        if (!d.myOAuthApp) return { name: '', description: '', key: '', approved: false, redirect: '' }
        return app(d.myOAuthApp, true)
      },
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/app/set',
      access: 'A',
      operation: `mutation($name: String!, $description: String!, $redirect: String) {
        saveOAuthApp(input: { name: $name, description: $description, redirectUri: $redirect }) { app { databaseId } }
      }`,
      fields: { redirectUri: 'redirect' },
      variables: (b) => ({ name: b.name, description: b.description, redirect: opt(b.redirect) }),
      result: () => ({}),
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/request',
      access: 'P',
      operation: `mutation($key: String!, $scopes: [OAuthScope!], $redirect: String, $challenge: String, $method: String,
        $state: String) {
        requestOAuthCode(clientId: $key, scopes: $scopes, redirectUri: $redirect, codeChallenge: $challenge,
          codeChallengeMethod: $method, state: $state) { code }
      }`,
      fields: {
        clientId: 'key',
        scopes: 'scope',
        redirectUri: 'redirect_uri',
        codeChallenge: 'code_challenge',
        codeChallengeMethod: 'code_challenge_method',
        challenge: 'code_challenge',
        method: 'code_challenge_method',
        redirect: 'redirect_uri',
      },
      variables: (b) => ({
        key: b.key,
        scopes: scopes(b.scope),
        redirect: opt(b.redirect_uri),
        challenge: opt(b.code_challenge),
        method: opt(b.code_challenge_method),
        state: opt(b.state),
      }),
      result: (d: { requestOAuthCode: { code: string } }) => ({ code: d.requestOAuthCode.code }),
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/check',
      access: 'P',
      operation: `query($code: String!) { oauthCode(code: $code) { databaseId app { ${APP} } } }`,
      variables: (b) => ({ code: b.code }),
      result: (d: { oauthCode: { databaseId: number; app: App } }) => ({
        id: d.oauthCode.databaseId,
        app: app(d.oauthCode.app, false),
      }),
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/grant',
      access: 'A',
      operation: `mutation($code: String!) { grantOAuthCode(code: $code) { redirectUri } }`,
      variables: (b) => ({ code: b.code }),
      result: () => [],
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/exchange',
      access: 'P',
      operation: `mutation($code: String!, $verifier: String, $clientId: String, $secret: String, $redirect: String) {
        exchangeOAuthCode(code: $code, codeVerifier: $verifier, clientId: $clientId, clientSecret: $secret,
          redirectUri: $redirect) { accessToken viewer { ${currentSelection(settings)} } }
      }`,
      fields: {
        codeVerifier: 'code_verifier',
        clientId: 'client_id',
        clientSecret: 'client_secret',
        redirectUri: 'redirect_uri',
        verifier: 'code_verifier',
        secret: 'client_secret',
        redirect: 'redirect_uri',
      },
      variables: (b: JsonBody) => ({
        code: b.code,
        verifier: opt(b.code_verifier),
        clientId: opt(b.client_id),
        secret: opt(b.client_secret),
        redirect: opt(b.redirect_uri),
      }),
      result: (d: { exchangeOAuthCode: { accessToken: string; viewer: Current } }) => ({
        token: d.exchangeOAuthCode.accessToken,
        user: currentUser(d.exchangeOAuthCode.viewer),
      }),
    },
    {
      // "Not implemented yet" in oauth.md; each entry carries `id` too, which /api/oauth/reject takes.
      dialect: 'peka2',
      path: '/api/oauth/list',
      access: 'A',
      operation: `query { oauthGrants { app { ${APP} } } }`,
      result: (d: { oauthGrants: { app: App }[] }) =>
        d.oauthGrants.map((g) => ({ id: g.app.databaseId, ...app(g.app, false) })),
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/reject',
      access: 'A',
      operation: `mutation($id: Int!) { revokeOAuthGrant(appId: $id) }`,
      fields: { appId: 'id' },
      variables: (b) => ({ id: b.id }),
      result: () => ({}),
    },
  ])
