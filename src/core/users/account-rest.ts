import { defineRoutes } from '../../rest/route.js'
import { currentSelection, currentUser, type Current } from './rest.js'
import { readId, type JcUserOut } from '../../rest/justchat.js'

interface U {
  databaseId: number
  name: string
  slug: string
}
const user = (u: U) => ({ id: u.databaseId, name: u.name, slug: u.slug })
const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000)
interface SignInOut {
  ip: string
  userAgent: string
  at: string
  firstAccess: string
  lastAccess: string
}
/**
 * JustChat clients send phones and codes as strings or numbers (`key: 1234`): either goes on as its text, anything
 * else as a text the validation then refuses.
 */
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever JSON value the client sent, as text
const asText = (v: unknown) => (v == null ? null : String(v))

const PROFILE_FIELDS = ['nickname', 'location', 'photo', 'dob', 'gender'] as const
/** "fields not in the model are dropped by the validator" (justchat-api.md) */
const profileOf = (o: unknown) =>
  o && typeof o === 'object'
    ? Object.fromEntries(PROFILE_FIELDS.filter((k) => k in o).map((k) => [k, (o as Record<string, unknown>)[k]]))
    : {}

/**
 * `settings`: the selection of every settings field (the enabled sections'). JustChat's user object is selected as
 * `...JustChatUser` and rendered by `objects.justchatUser`: the core's fields and the enabled plugins' own.
 */
export function accountRoutes(settings: string) {
  return defineRoutes([
    {
      dialect: 'peka2',
      path: '/api/user/roles/list',
      access: 'RA',
      operation: `query($role: String!) { usersWithRole(role: $role) { databaseId name slug } }`,
      variables: (b) => ({ role: b.role }),
      result: (d: { usersWithRole: U[] }) => d.usersWithRole.map(user),
    },
    {
      dialect: 'peka2',
      path: '/api/user/roles/set',
      access: 'RA',
      operation: `mutation($userId: Int!, $role: String!, $value: JSON!) {
        setRole(userId: $userId, role: $role, value: $value)
      }`,
      variables: (b) => ({ userId: b.userId, role: b.role, value: b.value ?? null }),
      result: () => [],
    },
    {
      dialect: 'peka2',
      path: '/api/user/forgot',
      access: 'P',
      operation: `mutation($email: String!) { requestPasswordReset(email: $email) }`,
      variables: (b) => ({ email: b.email }),
      result: () => [],
    },
    {
      dialect: 'peka2',
      path: '/api/user/restore',
      access: 'P',
      operation: `mutation($code: String!) {
        resetPassword(code: $code) { token viewer { ${currentSelection(settings)} } }
      }`,
      variables: (b) => ({ code: b.code }),
      // answers as /api/user/login does, cookie included
      sessionCookie: { set: (d: { resetPassword: { token: string } }) => d.resetPassword.token },
      result: (d: { resetPassword: { token: string; viewer: Current } }) => ({
        token: d.resetPassword.token,
        current: currentUser(d.resetPassword.viewer),
      }),
    },
    {
      dialect: 'peka2',
      path: '/api/security/user',
      access: 'A',
      operation: `query { viewer { recentSignIns { ip userAgent at firstAccess lastAccess } } }`,
      result: (d: { viewer: { recentSignIns: SignInOut[] } | null }) =>
        (d.viewer?.recentSignIns ?? []).map((l) => ({
          ip: l.ip,
          accessTime: unix(l.at),
          firstAccessTime: unix(l.firstAccess),
          lastAccessTime: unix(l.lastAccess),
          userAgent: l.userAgent,
        })),
    },
    {
      dialect: 'justchat',
      path: '/init/reg',
      access: 'P',
      operation: `mutation($phone: String!, $profile: ProfileInput) {
        registerPhone(phone: $phone, profile: $profile) { created }
      }`,
      variables: (b) => ({ phone: asText(b.phone), profile: profileOf(b) }),
      status: (d: { registerPhone: { created: boolean } }) => (d.registerPhone.created ? 201 : 200),
      result: () => ({}),
    },
    {
      dialect: 'justchat',
      path: '/init/auth',
      access: 'P',
      operation: `mutation($phone: String!, $code: String!) {
        loginWithPhone(phone: $phone, code: $code) { token viewer { ...JustChatUser } }
      }`,
      variables: (b) => ({ phone: asText(b.phone), code: asText(b.key) }),
      fields: { code: 'key' },
      result: (d: { loginWithPhone: { token: string; viewer: JcUserOut } }, _b, o) => ({
        data: { session_key: d.loginWithPhone.token, user: o.justchatUser(d.loginWithPhone.viewer) },
      }),
    },
    {
      dialect: 'justchat',
      path: '/init/invite',
      access: 'A',
      operation: `mutation($phones: [String!]!) { invitePhones(phones: $phones) }`,
      variables: (b) => ({ phones: Array.isArray(b.phons) ? b.phons.map(String) : b.phons }),
      fields: { phones: 'phons' },
      result: () => ({}),
    },
    {
      dialect: 'justchat',
      path: '/init/edit',
      access: 'A',
      operation: `mutation($input: ProfileInput!) { updateProfile(input: $input) { ...JustChatUser } }`,
      variables: (b) => ({ input: profileOf(b.user) }),
      fields: { input: 'user' },
      result: (d: { updateProfile: JcUserOut }, _b, o) => ({ data: { user: o.justchatUser(d.updateProfile) } }),
    },
    {
      dialect: 'justchat',
      path: '/init/getUser',
      access: 'A',
      operation: `query($id: Int!) { user(databaseId: $id) { ...JustChatUser } }`,
      variables: (b) => ({ id: readId(b.user_id, 'user_id') }),
      result: (d: { user: JcUserOut }, _b, o) => ({ data: { user: o.justchatUser(d.user) } }),
    },
    {
      dialect: 'justchat',
      path: '/init/exit',
      access: 'A',
      operation: `mutation { logout }`,
      result: () => ({}),
    },
  ])
}
