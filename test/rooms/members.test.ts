import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, subscribeRaw, until, wsClient } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { CALLERS, ENTER, REMOVE, SET, cast, must, refused, tokenOf, type Cast } from './members-support.js'

/**
 * The access list (peka2 user/set, user/remove, user/list): who may put whom on it and take them off, the owner who
 * stays, admins made by the owner only, and what the user and the room hear of it.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const MEMBERS =
  'query($r: Int!) { room(databaseId: $r) { viewerIsAdmin members(first: 50) { edges { node { userId role user { databaseId } } } } } }'

describe('setRoomMember / removeRoomMember, by each caller', () => {
  let c: Cast
  beforeAll(async () => {
    c = await cast(t)
  })

  it.for(CALLERS)('%s adding a member', async (who) => {
    const target = await registerUser(t)
    const code = await refused(t, SET, { r: c.room, u: target.id, role: 'MEMBER' }, tokenOf(c, who))
    const want = { guest: 'UNAUTHENTICATED', user: 'ROOM_NOT_ADMIN', member: 'ROOM_NOT_ADMIN' }[who as string]
    expect(code).toBe(want)
  })

  it.for(CALLERS)('%s granting admin: the owner and site staff only', async (who) => {
    const target = await registerUser(t)
    const code = await refused(t, SET, { r: c.room, u: target.id, role: 'ADMIN' }, tokenOf(c, who))
    const want = {
      guest: 'UNAUTHENTICATED',
      user: 'ROOM_NOT_ADMIN',
      member: 'ROOM_NOT_ADMIN',
      admin: 'INSUFFICIENT_PERMISSIONS',
    }[who as string]
    expect(code).toBe(want)
  })

  it.for(CALLERS)('%s removing a member', async (who) => {
    const target = await registerUser(t)
    await must(t, SET, { r: c.room, u: target.id, role: 'MEMBER' }, c.owner.token)
    const r = await refused(t, REMOVE, { r: c.room, u: target.id }, tokenOf(c, who))
    const want = { guest: 'UNAUTHENTICATED', user: 'ROOM_NOT_ADMIN', member: 'ROOM_NOT_ADMIN' }[who as string]
    expect(r).toBe(want)
    const left = await t.app.services.prisma.roomMember.count({ where: { roomId: c.room, userId: target.id } })
    expect(left).toBe(want ? 1 : 0)
  })

  it('an admin neither demotes nor removes another admin; the owner and staff do', async () => {
    const other = await registerUser(t)
    await must(t, SET, { r: c.room, u: other.id, role: 'ADMIN' }, c.owner.token)
    expect(await refused(t, SET, { r: c.room, u: other.id, role: 'MEMBER' }, c.admin.token)).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    expect(await refused(t, REMOVE, { r: c.room, u: other.id }, c.admin.token)).toBe('INSUFFICIENT_PERMISSIONS')
    await must(t, SET, { r: c.room, u: other.id, role: 'MEMBER' }, c.staff.token)
    await must(t, SET, { r: c.room, u: other.id, role: 'ADMIN' }, c.staff.token)
    expect((await must(t, REMOVE, { r: c.room, u: other.id }, c.owner.token)).removeRoomMember).toBe(true)
  })

  it('an admin may step down by themselves', async () => {
    const other = await registerUser(t)
    await must(t, SET, { r: c.room, u: other.id, role: 'ADMIN' }, c.owner.token)
    const d = await must(t, SET, { r: c.room, u: other.id, role: 'MEMBER' }, other.token)
    expect(d.setRoomMember).toEqual({ userId: other.id, role: 'MEMBER' })
  })

  it('the owner is never removed or demoted (ROOM_OWNER_FIXED), not even by staff', async () => {
    for (const token of [c.admin.token, c.owner.token, c.staff.token]) {
      expect(await refused(t, REMOVE, { r: c.room, u: c.owner.id }, token)).toBe('ROOM_OWNER_FIXED')
      expect(await refused(t, SET, { r: c.room, u: c.owner.id, role: 'MEMBER' }, token)).toBe('ROOM_OWNER_FIXED')
    }
  })

  it('unknown room and unknown user name their field', async () => {
    const r1 = await refused(t, SET, { r: 999_999, u: c.user.id, role: 'MEMBER' }, c.owner.token)
    expect(r1).toBe('ROOM_NOT_FOUND')
    const r2 = await refused(t, SET, { r: c.room, u: 999_999, role: 'MEMBER' }, c.owner.token)
    expect(r2).toBe('USER_NOT_FOUND')
    expect((await must(t, REMOVE, { r: c.room, u: c.user.id }, c.owner.token)).removeRoomMember).toBe(false)
  })

  it.for(CALLERS)('%s reading Room.members: room admins and staff only', async (who) => {
    const { gqlRaw } = await import('../helpers/clients.js')
    const r = await gqlRaw(t.url, MEMBERS, { r: c.room }, tokenOf(c, who))
    const admitted = ['admin', 'owner', 'staff'].includes(who)
    if (admitted) {
      expect(r.errors).toBeUndefined()
      const ids = r.data.room.members.edges.map((e: any) => e.node.userId)
      expect(ids).toEqual(expect.arrayContaining([c.member.id, c.admin.id]))
      expect(r.data.room.viewerIsAdmin).toBe(true)
    } else {
      expect(r.errors?.[0]?.extensions?.code).toBe(who === 'guest' ? 'UNAUTHENTICATED' : 'ROOM_NOT_ADMIN')
      expect(r.data?.room?.members ?? null).toBeNull()
    }
  })

  it('pages the access list in user-id order', async () => {
    const d1 = await must(
      t,
      'query($r: Int!) { room(databaseId: $r) { members(first: 1) { pageInfo { hasNextPage endCursor } edges { node { userId } } } } }',
      { r: c.room },
      c.owner.token,
    )
    const first = d1.room.members
    expect(first.edges).toHaveLength(1)
    expect(first.pageInfo.hasNextPage).toBe(true)
    const d2 = await must(
      t,
      'query($r: Int!, $a: String!) { room(databaseId: $r) { members(first: 1, after: $a) { edges { node { userId } } } } }',
      { r: c.room, a: first.pageInfo.endCursor },
      c.owner.token,
    )
    expect(d2.room.members.edges[0].node.userId).toBeGreaterThan(first.edges[0].node.userId)
  })
})

describe('what the user and the room hear', () => {
  it('roomUserSet / roomUserRemoved notifications with the documented payloads, once per change', async () => {
    const c = await cast(t)
    const target = await registerUser(t)
    const ws = wsClient(t.url, target.token)
    const before = t.app.services.pubsub.listenerCount()
    const sub = subscribeRaw(ws, 'subscription { notifications { type data } }')
    await until(() => t.app.services.pubsub.listenerCount() > before)
    await t.app.services.pubsub.ready()
    try {
      await must(t, SET, { r: c.room, u: target.id, role: 'MEMBER' }, c.admin.token)
      await must(t, SET, { r: c.room, u: target.id, role: 'ADMIN' }, c.owner.token)
      // no change: no word
      await must(t, SET, { r: c.room, u: target.id, role: 'ADMIN' }, c.owner.token)
      await must(t, REMOVE, { r: c.room, u: target.id }, c.owner.token)
      const got = []
      for (let i = 0; i < 3; i++) got.push((await sub.next()).data.notifications)
      expect(got).toEqual([
        { type: 'roomUserSet', data: { roomId: c.room, userId: target.id, type: 'user' } },
        { type: 'roomUserSet', data: { roomId: c.room, userId: target.id, type: 'admin' } },
        { type: 'roomUserRemoved', data: { roomId: c.room, userId: target.id } },
      ])
      expect(await sub.nothingWithin(200)).toBe(true)
    } finally {
      await disposeAll([ws])
    }
  })

  it('removing a member takes them out of the room too', async () => {
    const c = await cast(t)
    await must(t, ENTER, { r: c.room }, c.member.token)
    const db = t.app.services.prisma
    expect(await db.roomOccupant.count({ where: { roomId: c.room, userId: c.member.id } })).toBe(1)
    await must(t, REMOVE, { r: c.room, u: c.member.id }, c.admin.token)
    expect(await db.roomOccupant.count({ where: { roomId: c.room, userId: c.member.id } })).toBe(0)
    // and cannot come back in without access
    expect(await refused(t, ENTER, { r: c.room }, c.member.token)).toBe('ROOM_NO_ACCESS')
  })
})
