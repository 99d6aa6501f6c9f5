import { defineRoutes } from '../../../rest/route.js'
import { currentSelection, currentUser, type Current } from '../../users/rest.js'

/** thirdparty.md: `C` (the site's own) — served publicly, as /api/user/login is. */
export const thirdPartyRoutes = (settings: string) =>
  defineRoutes([
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
