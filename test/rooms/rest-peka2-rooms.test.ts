import { afterAll, describe, expect, it } from 'vitest'
import { rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { EVERYONE, hex, makeCast, startRoomsApp, tokenOf, type Who } from './rooms-support.js'

const t = await startRoomsApp({ ROOMS_PER_USER: '3' })
afterAll(() => t.close())

const call = (path: string, body: unknown, token?: string) => rest(t.url, path, body, { token })
const userObject = (u: { id: number; name: string }) => ({ id: u.id, name: u.name, slug: expect.any(String) })

describe('/api/room (P)', () => {
  it("the documented room object for everyone; available is the caller's own; a wrong id is 500 {message}", async () => {
    const c = await makeCast(t, { mode: 'PRIVATE' })
    const cat = await t.app.services.prisma.roomCategory.create({ data: { name: 'Games', slug: `games-${hex()}` } })
    await t.app.services.prisma.room.update({ where: { id: c.room }, data: { categoryId: cat.id } })
    for (const who of EVERYONE) {
      const r = await call('/api/room', { roomId: c.room }, tokenOf(c, who))
      expect(r.status, who).toBe(200)
      expect(r.body, who).toEqual({
        id: c.room,
        name: expect.any(String),
        owner: userObject(c.owner),
        category: { id: cat.id, slug: cat.slug, name: 'Games', subCategories: null, contentAmount: null },
        mode: 'private',
        hidden: false,
        rating: 0,
        image: '',
        thumbnail: '',
        slug: expect.any(String),
        available: who !== 'guest' && who !== 'user',
      })
      expect(JSON.stringify(r.body)).not.toMatch(/password|argon/i)
    }
    for (const roomId of [2_000_000_000, 'abc', undefined]) {
      const r = await call('/api/room', { roomId })
      expect(r.status, String(roomId)).toBe(500)
      expect(r.body.message).toEqual(expect.any(String))
    }
  })
})

describe('/api/room/create (A)', () => {
  it('creates a room of the caller from the documented fields; errors: limit, category, mode, slug', async () => {
    const u = await registerUser(t)
    const cat = await t.app.services.prisma.roomCategory.create({ data: { name: 'Talk', slug: `talk-${hex()}` } })
    const slug = `peka-${hex()}`
    const r = await call(
      '/api/room/create',
      { name: 'Peka room', categoryId: cat.id, mode: 'private', hidden: true, slug },
      u.token,
    )
    expect(r).toMatchObject({ status: 200 })
    expect(r.body).toMatchObject({
      name: 'Peka room',
      owner: userObject(u),
      category: { id: cat.id },
      mode: 'private',
      hidden: true,
      slug,
      available: true,
    })
    const plain = await call('/api/room/create', { name: 'Plain' }, u.token)
    expect(plain.body).toMatchObject({ mode: 'public', hidden: false, category: null, slug: 'plain' })
    for (const [body, message] of [
      [{ name: 'x', slug }, /slug/],
      [{ name: 'x', categoryId: 2_000_000_000 }, /categor/i],
      [{ name: 'x', mode: 'secret' }, /mode/],
      [{ name: '' }, /name/],
    ] as const) {
      const bad = await call('/api/room/create', body, u.token)
      expect(bad.status, JSON.stringify(body)).toBe(500)
      expect(bad.body.message, JSON.stringify(body)).toMatch(message)
    }
    await call('/api/room/create', { name: 'Third' }, u.token)
    const fourth = await call('/api/room/create', { name: 'Fourth' }, u.token)
    expect(fourth.status).toBe(500)
    expect(fourth.body.message).toMatch(/own 3 rooms/)
    expect((await call('/api/room/create', { name: 'guest' })).status).toBe(500)
  })
})

describe('/api/room/my (A)', () => {
  it('[{room, type}]: user for a member, admin for an admin and the owner; a guest is refused', async () => {
    const c = await makeCast(t)
    const typeOf = async (who: Who) => {
      const r = await call('/api/room/my', {}, tokenOf(c, who))
      return (r.body as { room: { id: number }; type: string }[]).filter((a) => a.room.id === c.room).map((a) => a.type)
    }
    expect(await typeOf('member')).toEqual(['user'])
    expect(await typeOf('admin')).toEqual(['admin'])
    expect(await typeOf('owner')).toEqual(['admin'])
    expect(await typeOf('user')).toEqual([])
    const mine = await call('/api/room/my', {}, c.owner.token)
    expect(mine.body[0].room).toMatchObject({ id: c.room, owner: userObject(c.owner), available: true })
    const guest = await call('/api/room/my', {})
    expect(guest.status).toBe(500)
  })
})

describe('/api/room/settings (A)', () => {
  it('room admins, the owner and staff change the documented fields and get the room; others are refused', async () => {
    const c = await makeCast(t)
    for (const who of EVERYONE) {
      const slug = `set-${who}-${hex()}`
      const r = await call(
        '/api/room/settings',
        { roomId: c.room, name: `by ${who}`, mode: 'private', slug },
        tokenOf(c, who),
      )
      if (['admin', 'owner', 'staff'].includes(who)) {
        expect(r.status, who).toBe(200)
        expect(r.body, who).toMatchObject({ id: c.room, name: `by ${who}`, mode: 'private', slug })
      } else {
        expect(r.status, who).toBe(500)
        expect(r.body.message, who).toMatch(who === 'guest' ? /auth/i : /administrator/)
      }
    }
    // absent fields are kept: only the name changes
    const renamed = await call('/api/room/settings', { roomId: c.room, name: 'only the name' }, c.owner.token)
    expect(renamed.body).toMatchObject({ name: 'only the name', mode: 'private' })
    const other = await makeCast(t, { slug: `taken-${hex()}` })
    const otherSlug = (await call('/api/room', { roomId: other.room })).body.slug
    for (const [body, message] of [
      [{ roomId: c.room, slug: otherSlug }, /slug/],
      [{ roomId: c.room, categoryId: 2_000_000_000 }, /categor/i],
      [{ roomId: c.room, mode: 'open' }, /mode/],
      [{ roomId: 2_000_000_000, name: 'x' }, /room/i],
    ] as const) {
      const bad = await call('/api/room/settings', body, c.owner.token)
      expect(bad.status, JSON.stringify(body)).toBe(500)
      expect(bad.body.message, JSON.stringify(body)).toMatch(message)
    }
  })
})
