// Shared by the rooms membership tests: rooms made through the API, the six kinds of caller, many users at once.
import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { createSession } from '../../src/auth/sessions.js'
import type { TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw, type GqlResult } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'

export const hex = () => randomBytes(4).toString('hex')

/** A GraphQL request that must succeed: its data. */
export async function must(t: TestApp, query: string, variables: Record<string, unknown>, token?: string) {
  const r = await gqlRaw(t.url, query, variables, token)
  expect(r.errors, `${query}: ${JSON.stringify(r.errors)}`).toBeUndefined()
  return r.data as Record<string, any>
}

/** The error code a request must come to. */
export async function refused(t: TestApp, query: string, variables: Record<string, unknown>, token?: string) {
  const r: GqlResult<any> = await gqlRaw(t.url, query, variables, token)
  return codeOf(r)
}

export interface RoomInput {
  name?: string
  mode?: 'PUBLIC' | 'PRIVATE'
  password?: string
  maxUsers?: number
}

/** A room made by `owner` through createRoom; its databaseId. */
export async function makeRoom(t: TestApp, owner: TestUser, input: RoomInput = {}) {
  const d = await must(
    t,
    'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }',
    { i: { name: `room ${hex()}`, ...input } },
    owner.token,
  )
  return d.createRoom.databaseId as number
}

export const SET =
  'mutation($r: Int!, $u: Int!, $role: RoomMemberRole!) { setRoomMember(roomId: $r, userId: $u, role: $role) { userId role } }'
export const REMOVE = 'mutation($r: Int!, $u: Int!) { removeRoomMember(roomId: $r, userId: $u) }'
export const ENTER =
  'mutation($r: Int!, $p: String) { enterRoom(roomId: $r, password: $p) { databaseId occupantCount } }'
export const LEAVE = 'mutation { leaveRoom }'
export const SEND =
  'mutation($c: String!, $text: String!) { sendChatMessage(input: { channel: $c, text: $text }) { isSent dropReason message { databaseId } } }'
export const HISTORY = 'query($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text } }'

/** The callers of a room: a guest (no token), a plain user, a member, an admin, the owner, site staff. */
export interface Cast {
  room: number
  user: TestUser
  member: TestUser
  admin: TestUser
  owner: TestUser
  staff: TestUser
}

export async function cast(t: TestApp, input: RoomInput = { mode: 'PRIVATE' }): Promise<Cast> {
  const [owner, user, member, admin, staff] = await Promise.all([
    registerUser(t),
    registerUser(t),
    registerUser(t),
    registerUser(t),
    userWithRoles(t, { moderator: 1 }),
  ])
  const room = await makeRoom(t, owner, input)
  await must(t, SET, { r: room, u: member.id, role: 'MEMBER' }, owner.token)
  await must(t, SET, { r: room, u: admin.id, role: 'ADMIN' }, owner.token)
  return { room, user, member, admin, owner, staff }
}

export type CallerName = 'guest' | 'user' | 'member' | 'admin' | 'owner' | 'staff'
export const CALLERS: CallerName[] = ['guest', 'user', 'member', 'admin', 'owner', 'staff']
export const tokenOf = (c: Cast, who: CallerName) => (who === 'guest' ? undefined : c[who].token)

/**
 * Test setup only: `n` users with sessions written straight into the database (registering through the API hashes a
 * password each, seconds for hundreds); the calls under test still go through the API with these tokens.
 */
export async function manyUsers(t: TestApp, n: number): Promise<{ id: number; token: string }[]> {
  const db = t.app.services.prisma
  const tag = hex()
  const names = Array.from({ length: n }, (_, i) => `bulk_${tag}_${i}`)
  await db.user.createMany({ data: names.map((name) => ({ name, nameLower: name, slug: name })) })
  const users = await db.user.findMany({ where: { name: { in: names } }, select: { id: true }, orderBy: { id: 'asc' } })
  const out = []
  for (const u of users) {
    const { token } = await createSession(db, t.app.config.sessionSecret, u.id, 1)
    out.push({ id: u.id, token })
  }
  return out
}
