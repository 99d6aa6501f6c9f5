import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { CALLERS, cast, tokenOf, type Cast, type CallerName } from './members-support.js'

/**
 * peka2's /api/room/user/* and /api/room/invite/* (room.md): every route by each caller, the documented shapes, and
 * peka2's error form (500 {message}).
 */

let t: TestApp
let c: Cast
beforeAll(async () => {
  t = await startTestApp()
  c = await cast(t)
})
afterAll(() => closeAll(t))

const call = (path: string, body: unknown, token: string | undefined) => rest(t.url, path, body, { token })
const as = (who: CallerName) => tokenOf(c, who)
const userObject = (u: { id: number; name: string }) => ({ id: u.id, name: u.name, slug: expect.any(String) })

/** Who a room-admin route admits: a guest must sign in, a plain user and a member are refused. */
const ADMINS: CallerName[] = ['admin', 'owner', 'staff']

describe('/api/room/user/admin (P)', () => {
  it.for(CALLERS)('%s', async (who) => {
    const r = await call('/api/room/user/admin', { roomId: c.room }, as(who))
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ admin: ADMINS.includes(who) })
  })
  it('an unknown room is an error', async () => {
    const r = await call('/api/room/user/admin', { roomId: 999_999 }, undefined)
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: expect.stringMatching(/room/i) })
  })
})

describe('/api/room/user/list, set, remove (A; room admins)', () => {
  it.for(CALLERS)('%s listing', async (who) => {
    const r = await call('/api/room/user/list', { roomId: c.room }, as(who))
    if (ADMINS.includes(who)) {
      expect(r.status).toBe(200)
      expect(r.body).toEqual(
        expect.arrayContaining([
          { type: 'user', user: userObject(c.member) },
          { type: 'admin', user: userObject(c.admin) },
        ]),
      )
    } else {
      expect(r.status).toBe(500)
      expect(r.body.message).toEqual(expect.any(String))
    }
  })

  it.for(CALLERS)('%s setting and removing a user', async (who) => {
    const target = await registerUser(t)
    const set = await call('/api/room/user/set', { roomId: c.room, userId: target.id, type: 'user' }, as(who))
    const removed = await call('/api/room/user/remove', { roomId: c.room, userId: target.id }, as(who))
    const db = t.app.services.prisma
    if (ADMINS.includes(who)) {
      expect([set.status, set.body, removed.status, removed.body]).toEqual([200, {}, 200, {}])
      expect(await db.roomMember.count({ where: { roomId: c.room, userId: target.id } })).toBe(0)
    } else {
      expect([set.status, removed.status]).toEqual([500, 500])
    }
  })

  it('type admin makes an admin, type user takes it back; a bad type names the field', async () => {
    const target = await registerUser(t)
    await call('/api/room/user/set', { roomId: c.room, userId: target.id, type: 'admin' }, c.owner.token)
    const role = () =>
      t.app.services.prisma.roomMember.findUnique({ where: { roomId_userId: { roomId: c.room, userId: target.id } } })
    expect((await role())?.role).toBe('ADMIN')
    await call('/api/room/user/set', { roomId: c.room, userId: target.id, type: 'user' }, c.owner.token)
    expect((await role())?.role).toBe('MEMBER')
    const bad = await call('/api/room/user/set', { roomId: c.room, userId: target.id, type: 'boss' }, c.owner.token)
    expect(bad.status).toBe(500)
    expect(bad.body.message).toMatch(/^type: /)
  })

  it('removing the owner is an error', async () => {
    const r = await call('/api/room/user/remove', { roomId: c.room, userId: c.owner.id }, c.owner.token)
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(/owner/i)
  })
})

describe('/api/room/invite/* (A)', () => {
  it('request, status, list, accept: the documented objects', async () => {
    const u = await registerUser(t)
    expect((await call('/api/room/invite', { roomId: c.room }, u.token)).body).toEqual({})
    const again = await call('/api/room/invite', { roomId: c.room }, u.token)
    expect(again.status).toBe(500)
    const status = await call('/api/room/invite/status', { roomId: c.room }, u.token)
    expect(status.status).toBe(200)
    const requested = status.body.requested
    expect(status.body).toEqual({
      id: expect.any(Number),
      roomId: c.room,
      blacklisted: false,
      requested,
      user: userObject(u),
    })
    expect(Math.abs(requested - Date.now() / 1000)).toBeLessThan(60)
    const list = await call('/api/room/invite/list', { roomId: c.room }, c.admin.token)
    expect(list.body).toContainEqual(status.body)
    expect((await call('/api/room/invite/accept', { inviteId: status.body.id }, c.admin.token)).body).toEqual({})
    const none = await call('/api/room/invite/status', { roomId: c.room }, u.token)
    expect(none.status).toBe(500)
    expect(none.body.message).toMatch(/asked/)
  })

  it.for(CALLERS)('%s deciding: room admins only', async (who) => {
    const u = await registerUser(t)
    await call('/api/room/invite', { roomId: c.room }, u.token)
    const id = (await call('/api/room/invite/status', { roomId: c.room }, u.token)).body.id
    const list = await call('/api/room/invite/list', { roomId: c.room }, as(who))
    const blacklist = await call('/api/room/invite/blacklist', { inviteId: id }, as(who))
    const reject = await call('/api/room/invite/reject', { inviteId: id }, as(who))
    const admitted = ADMINS.includes(who)
    expect([list.status, blacklist.status, reject.status]).toEqual(admitted ? [200, 200, 200] : [500, 500, 500])
    if (admitted) expect([blacklist.body, reject.body]).toEqual([{}, {}])
  })

  it('a guest must sign in for each A route', async () => {
    for (const path of [
      '/api/room/invite',
      '/api/room/invite/status',
      '/api/room/invite/list',
      '/api/room/user/list',
    ]) {
      const r = await call(path, { roomId: c.room }, undefined)
      expect(r.status, path).toBe(500)
    }
  })
})
