import { defineRoutes } from '../../rest/route.js'

/**
 * messenger-api.md "Аутентификация": register (201, does not sign in), login (the session cookie and CSRF token, see
 * src/rest/messenger-session.ts), logout (clears both).
 */
interface Account {
  databaseId: number
  name: string
  email: string | null
  createdAt: string
}
const ACCOUNT = 'databaseId name email createdAt'

export const messengerUserRoutes = defineRoutes([
  {
    dialect: 'messenger',
    path: '/api/register',
    access: 'P',
    operation: `mutation($username: String!, $password: String!, $email: String!) {
      register(input: { username: $username, password: $password, email: $email }) { viewer { ${ACCOUNT} } }
    }`,
    variables: (b) => ({ username: b.username, password: b.password, email: b.email }),
    status: () => 201,
    result: (d: { register: { viewer: Account } }) => ({
      id: d.register.viewer.databaseId,
      username: d.register.viewer.name,
      email: d.register.viewer.email,
      created_at: d.register.viewer.createdAt,
    }),
  },
  {
    dialect: 'messenger',
    path: '/api/login',
    access: 'P',
    operation: `mutation($username: String!, $password: String!) {
      login(input: { login: $username, password: $password }) { token viewer { ${ACCOUNT} } }
    }`,
    variables: (b) => ({ username: b.username, password: b.password }),
    sessionCookie: { set: (d: { login: { token: string } }) => d.login.token },
    result: (d: { login: { viewer: Account } }) => ({
      id: d.login.viewer.databaseId,
      username: d.login.viewer.name,
      email: d.login.viewer.email,
    }),
  },
  {
    dialect: 'messenger',
    path: '/api/logout',
    access: 'A',
    operation: 'mutation { logout }',
    sessionCookie: 'clear',
    result: () => ({ message: 'Successfully logged out' }),
  },
])
