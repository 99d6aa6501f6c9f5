import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { gql } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'

export const REGISTER = graphql(
  `mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }`,
)
export const NOTIFICATIONS = graphql(`subscription Notifications { notifications { type data time } }`)

/** Registers a fresh user over GraphQL and returns its token and integer id. */
export async function registerUser(
  base: string,
  password = 'secret-pass-1',
): Promise<{ token: string; id: number; username: string; password: string }> {
  const username = `u_${randomBytes(5).toString('hex')}`
  const r = await gql(base, REGISTER, { i: { username, email: `${username}@example.com`, password } })
  expect(r.errors).toBeUndefined()
  return { token: r.data!.register.token, id: r.data!.register.viewer.databaseId, username, password }
}

/** A notification envelope as core's notify() builds it. */
export const envelope = (type: string, data: unknown) => ({ type, data, time: new Date().toISOString() })
