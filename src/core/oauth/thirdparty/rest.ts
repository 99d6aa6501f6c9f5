import { defineRoutes } from '../../../rest/route.js'
import { currentSelection, currentUser, type Current } from '../../users/rest.js'

/**
 * thirdparty.md: `C` (the site's own) — served publicly, as /api/user/login is. The index's
 * /api/oauth/thirdparty/goodgame (`A`, "saving GoodGame authorization data", documented no further): the signed-in user
 * links their account at the provider named `goodgame` — `{redirectUri, sid?}` answers `{url}`, its authorization URL;
 * the provider sends the person back to redirectUri, where signInWithThirdParty finishes it in the same session.
 */
export const thirdPartyRoutes = (settings: string) =>
  defineRoutes([
    {
      dialect: 'peka2',
      path: '/api/oauth/thirdparty/goodgame',
      access: 'A',
      operation: `query($redirectUri: String!, $sid: String) {
        thirdPartyAuthorizeUrl(provider: "goodgame", redirectUri: $redirectUri, sid: $sid, link: true)
      }`,
      variables: (b) => ({ redirectUri: b.redirectUri, sid: b.sid ?? null }),
      result: (d: { thirdPartyAuthorizeUrl: string }) => ({ url: d.thirdPartyAuthorizeUrl }),
    },
    {
      dialect: 'peka2',
      path: '/api/oauth/thirdparty/register',
      access: 'C',
      bulk: false,
      operation: `mutation($name: String!, $token: String!) {
        registerWithThirdParty(name: $name, token: $token) { token viewer { ${currentSelection(settings)} } }
      }`,
      variables: (b) => ({ name: b.name, token: b.token }),
      result: (d: { registerWithThirdParty: { token: string; viewer: Current } }) => ({
        token: d.registerWithThirdParty.token,
        current: currentUser(d.registerWithThirdParty.viewer),
      }),
    },
  ])
