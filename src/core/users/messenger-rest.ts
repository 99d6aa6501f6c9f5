import { defineRoutes } from '../../rest/route.js'
import { int } from '../../rest/params.js'

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

const LISTED = 'databaseId name photo status'
interface Listed {
  databaseId: number
  name: string
  photo: string | null
  status: string
}
const DEFAULT_LIMIT = 50
/** ?page=&limit= → the directory's first/offset (a value that is no integer is refused by the variable check) */
function pageOf(b: Record<string, unknown>) {
  const first = int(b.limit ?? String(DEFAULT_LIMIT))
  const page = int(b.page ?? '1')
  return {
    first,
    offset: typeof page === 'number' && typeof first === 'number' ? (page - 1) * first : page,
  }
}

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
  {
    // "Пользователи": the first page of the directory (?page=&limit= for more, at most 100 a page)
    dialect: 'messenger',
    method: 'GET',
    path: '/api/users',
    access: 'A',
    operation: `query($first: Int!, $offset: Int!) { userDirectory(first: $first, offset: $offset) { ${LISTED} } }`,
    variables: (b) => pageOf(b),
    fields: { first: 'limit', offset: 'page' },
    result: (d: { userDirectory: Listed[] }) =>
      d.userDirectory.map((u) => ({ id: u.databaseId, username: u.name, avatar: u.photo, status: u.status })),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/search/users',
    access: 'A',
    operation: `query($search: String!, $first: Int!, $offset: Int!) {
      userDirectory(search: $search, first: $first, offset: $offset) { ${LISTED} }
    }`,
    variables: (b) => ({ search: b.q, ...pageOf(b) }),
    fields: { search: 'q', first: 'limit', offset: 'page' },
    result: (d: { userDirectory: Listed[] }) => ({
      results: d.userDirectory.map((u) => ({ username: u.name, avatar: u.photo })),
      count: d.userDirectory.length,
    }),
  },
])
