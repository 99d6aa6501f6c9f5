import { randomBytes } from 'node:crypto'
import type { RoleName } from '../../src/auth/roles.js'
import { createSession } from '../../src/auth/sessions.js'
import type { TestApp } from '../helpers/app.js'

/** Small clients for the strength tests: GraphQL over HTTP, a REST POST, and users made straight in the database. */

export interface GqlError {
  message: string
  extensions?: { code?: string; field?: string }
}

export async function gql(t: TestApp, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  return (await res.json()) as { data?: any; errors?: GqlError[] }
}

/** The code of the first error, or 'OK' when there is none. */
export const outcome = (r: { errors?: GqlError[] }) => r.errors?.[0]?.extensions?.code ?? 'OK'

export async function post(t: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined }
}

export interface StrengthUser {
  id: number
  name: string
  token: string
}

/** A user with these role values (rows, as the role admin would set them) and a live session. */
export async function userWith(t: TestApp, roles: Partial<Record<RoleName, number>> = {}): Promise<StrengthUser> {
  const db = t.app.services.prisma
  const name = `st_${randomBytes(5).toString('hex')}`
  const u = await db.user.create({ data: { name, nameLower: name, slug: name } })
  for (const [role, value] of Object.entries(roles)) await db.userRole.create({ data: { userId: u.id, role, value } })
  const { token } = await createSession(db, t.app.config.sessionSecret, u.id, 1)
  return { id: u.id, name, token }
}
