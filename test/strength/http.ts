import { randomBytes } from 'node:crypto'
import type { RoleName } from '../../src/auth/roles.js'
import { hashToken, newToken } from '../../src/auth/tokens.js'
import type { TestApp } from '../helpers/app.js'

/** Small clients for the strength tests: GraphQL over HTTP, a REST POST, and users made straight in the database. */

export interface GqlError {
  message: string
  path?: (string | number)[]
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

/**
 * Users with these role values (rows, as the role admin would set them) and a live session each, made in three
 * statements however many: tests that need dozens start faster.
 */
export async function usersWith(t: TestApp, specs: Partial<Record<RoleName, number>>[]): Promise<StrengthUser[]> {
  const db = t.app.services.prisma
  const names = specs.map(() => `st_${randomBytes(5).toString('hex')}`)
  const made = await db.user.createManyAndReturn({
    data: names.map((name) => ({ name, nameLower: name, slug: name })),
    select: { id: true, name: true },
  })
  const byName = new Map(made.map((u) => [u.name, u.id]))
  const ids = names.map((n) => byName.get(n)!)
  await db.userRole.createMany({
    data: specs.flatMap((roles, i) => Object.entries(roles).map(([role, value]) => ({ userId: ids[i], role, value }))),
  })
  const tokens = ids.map(() => newToken())
  await db.session.createMany({
    data: ids.map((userId, i) => ({
      userId,
      tokenHash: hashToken(t.app.config.sessionSecret, tokens[i]),
      expiresAt: new Date(Date.now() + 86_400_000),
    })),
  })
  return ids.map((id, i) => ({ id, name: names[i], token: tokens[i] }))
}

export const userWith = async (t: TestApp, roles: Partial<Record<RoleName, number>> = {}) =>
  (await usersWith(t, [roles]))[0]
