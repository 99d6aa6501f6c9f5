import { defineRoutes, type JsonBody } from '../../rest/route.js'
import { ROLES_SELECTION } from '../roles/schema-types.js'

const USER = 'databaseId name slug'
/** The peka2 "current user" selection, with the settings sections this app has. */
export const currentSelection = (settings: string) =>
  `${USER} blocked settings { ${settings} } roles { ${ROLES_SELECTION} }`

interface U {
  databaseId: number
  name: string
  slug: string
}
const user = (u: U) => ({ id: u.databaseId, name: u.name, slug: u.slug })
export type Current = U & { blocked: boolean; settings: unknown; roles: unknown }
export const currentUser = (u: Current) => current(u)
const current = (u: Current) => ({ guest: false, ...user(u), block: u.blocked, settings: u.settings, roles: u.roles })

const num = (v: unknown) => v ?? null

/** `settings`: the selection of every settings field (the enabled sections'). */
export const userRoutes = (settings: string) => {
  const CURRENT = currentSelection(settings)
  return defineRoutes([
    {
      dialect: 'peka2',
      path: '/api/user',
      access: 'P',
      operation: `query($id: Int, $name: String) { user(databaseId: $id, name: $name) { ${USER} } }`,
      variables: (b) => ({ id: num(b.id), name: num(b.name) }),
      result: (d: { user: U }) => user(d.user),
    },
    {
      dialect: 'peka2',
      path: '/api/user/list',
      access: 'P',
      operation: `query($ids: [Int!]!) { users(databaseIds: $ids) { ${USER} } }`,
      variables: (b) => ({ ids: b.ids }),
      // the document gives the list no size
      pageBy: 'ids',
      result: (d: { users: U[] }) => d.users.map(user),
    },
    {
      dialect: 'peka2',
      path: '/api/user/current',
      access: 'P',
      operation: `query { viewer { ${CURRENT} } defaultSettings { ${settings} } defaultRoles { ${ROLES_SELECTION} } }`,
      result: (d: { viewer: Current | null; defaultSettings: unknown; defaultRoles: unknown }) =>
        d.viewer ? current(d.viewer) : { guest: true, settings: d.defaultSettings, roles: d.defaultRoles },
    },
    {
      dialect: 'peka2',
      path: '/api/user/full',
      access: 'RA',
      operation: `query($id: Int, $name: String) { user(databaseId: $id, name: $name) { ${CURRENT} } }`,
      variables: (b) => ({ id: num(b.id), name: num(b.name) }),
      result: (d: { user: Current }) => ({
        ...user(d.user),
        block: d.user.blocked,
        roles: d.user.roles,
        settings: d.user.settings,
      }),
    },
    {
      dialect: 'peka2',
      path: '/api/user/login',
      access: 'C',
      operation: `mutation($name: String!, $password: String!, $captcha: String) {
        login(input: { login: $name, password: $password, captcha: $captcha }) { token viewer { ${CURRENT} } }
      }`,
      variables: (b) => ({ name: b.name, password: b.password, captcha: b.recaptchaResponse ?? null }),
      fields: { login: 'name', captcha: 'recaptchaResponse' },
      sessionCookie: { set: (d: { login: { token: string } }) => d.login.token },
      result: (d: { login: { token: string; viewer: Current } }) => ({
        token: d.login.token,
        current: current(d.login.viewer),
      }),
    },
    {
      dialect: 'peka2',
      path: '/api/user/login/bytoken',
      access: 'P',
      operation: `query($token: String!) { viewerByToken(token: $token) { ${CURRENT} } }`,
      variables: (b) => ({ token: b.token }),
      // the token it was given, now checked
      sessionCookie: { set: (_d, b: JsonBody) => (typeof b.token === 'string' ? b.token : '') },
      result: (d: { viewerByToken: Current }) => current(d.viewerByToken),
    },
    {
      dialect: 'peka2',
      path: '/api/user/logout',
      access: 'A',
      operation: `mutation { logout }`,
      sessionCookie: 'clear',
      result: () => [],
    },
    {
      dialect: 'peka2',
      path: '/api/user/settings',
      access: 'A',
      operation: `mutation($settings: SettingsInput!) { updateSettings(settings: $settings) { ${settings} } }`,
      variables: (b) => ({ settings: b }),
      result: (d: { updateSettings: unknown }) => d.updateSettings,
    },
  ])
}
