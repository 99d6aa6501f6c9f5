import { afterAll, describe, expect, it } from 'vitest'
import { codeOf, gql } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { CREATE_ROOM, EVERYONE, hex, makeCast, makeRoom, startRoomsApp, tokenOf, type Who } from './rooms-support.js'

const t = await startRoomsApp({ ROOMS_PER_USER: '3' })
afterAll(() => t.close())

const UPDATE = graphql(`
  mutation UpdateRoomT($r: Int!, $i: UpdateRoomInput!) {
    updateRoom(roomId: $r, input: $i) { databaseId name slug mode hidden hasPassword closed maxUsers settings category { databaseId } }
  }
`)
const DELETE = graphql(`mutation DeleteRoomT($r: Int!) { deleteRoom(roomId: $r) }`)
const ROOM = graphql(
  `query RoomT($id: Int, $slug: String) { room(databaseId: $id, slug: $slug) { databaseId name slug } }`,
)
const CATEGORIES = graphql(`query RoomCategoriesT { roomCategories { databaseId name slug } }`)

const category = async () => {
  const row = await t.app.services.prisma.roomCategory.create({ data: { name: `cat ${hex()}`, slug: `cat-${hex()}` } })
  return row.id
}

describe('createRoom', () => {
  it('a signed-in user creates a room they own: defaults, a slug made from the name, a category', async () => {
    const alice = await registerUser(t)
    const cat = await category()
    const r = await gql(t.url, CREATE_ROOM, { i: { name: `  Кино и Music ${hex()}  `, categoryId: cat } }, alice.token)
    expect(r.errors).toBeUndefined()
    const room = r.data!.createRoom
    expect(room).toMatchObject({ mode: 'PUBLIC', hidden: false, closed: false, hasPassword: false, maxUsers: 255 })
    expect(room.ownerId).toBe(alice.id)
    expect(room.category?.databaseId).toBe(cat)
    expect(room.settings).toEqual({})
    expect(room.name).toMatch(/^Кино и Music [0-9a-f]{8}$/)
    expect(room.slug).toMatch(/^kino-i-music-[0-9a-f]{8}$/)
    // the same name again: the next free slug
    const again = await gql(t.url, CREATE_ROOM, { i: { name: room.name } }, alice.token)
    expect(again.data!.createRoom.slug).toBe(`${room.slug}-2`)
    const categories = await gql(t.url, CATEGORIES)
    expect(categories.data!.roomCategories.map((c) => c.databaseId)).toContain(cat)
  })

  it('a guest is refused; a slug of another room is ROOM_SLUG_TAKEN; a bad slug, name or category is refused', async () => {
    const bob = await registerUser(t)
    expect(codeOf(await gql(t.url, CREATE_ROOM, { i: { name: 'guest room' } }))).toBe('UNAUTHENTICATED')
    const slug = `taken-${hex()}`
    await makeRoom(t, bob, { slug })
    const taken = await gql(t.url, CREATE_ROOM, { i: { name: 'x', slug } }, bob.token)
    expect(codeOf(taken)).toBe('ROOM_SLUG_TAKEN')
    expect(taken.errors![0].extensions?.field).toBe('slug')
    for (const [i, field] of [
      [{ name: 'x', slug: 'Upper' }, 'slug'],
      [{ name: 'x', slug: 'a'.repeat(65) }, 'slug'],
      [{ name: 'x', slug: 'with space' }, 'slug'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'a\u0000b' }, 'name'],
      [{ name: 'x', password: 'abc' }, 'password'],
      [{ name: 'x', password: 'p'.repeat(129) }, 'password'],
      [{ name: 'x', maxUsers: 0 }, 'maxUsers'],
      [{ name: 'x', maxUsers: 10_001 }, 'maxUsers'],
      [{ name: 'x', settings: [1, 2] }, 'settings'],
      [{ name: 'x', settings: 'text' }, 'settings'],
      [{ name: 'x', settings: { big: 'y'.repeat(4100) } }, 'settings'],
    ] as const) {
      const r = await gql(t.url, CREATE_ROOM, { i }, bob.token)
      expect(codeOf(r), JSON.stringify(i).slice(0, 80)).toBe('INVALID_INPUT')
      // the NUL check of every input names the path (input.name)
      expect(r.errors![0].extensions?.field).toMatch(new RegExp(`^(input\\.)?${field}$`))
    }
    const noCat = await gql(t.url, CREATE_ROOM, { i: { name: 'x', categoryId: 999_999 } }, bob.token)
    expect(codeOf(noCat)).toBe('ROOM_CATEGORY_NOT_FOUND')
    expect(noCat.errors![0].extensions?.field).toBe('categoryId')
    // 100 characters and 4 KB of settings are fine
    await makeRoom(t, bob, { name: 'n'.repeat(100), settings: { s: 'y'.repeat(4000) } })
  })

  it('at most ROOMS_PER_USER rooms each (ROOM_LIMIT_REACHED), also when created at once; deleting makes room', async () => {
    const carol = await registerUser(t)
    const results = await Promise.all(
      Array.from({ length: 6 }, () => gql(t.url, CREATE_ROOM, { i: { name: `race ${hex()}` } }, carol.token)),
    )
    expect(results.filter((r) => !r.errors)).toHaveLength(3)
    expect(results.filter((r) => codeOf(r) === 'ROOM_LIMIT_REACHED')).toHaveLength(3)
    expect(await t.app.services.prisma.room.count({ where: { ownerId: carol.id } })).toBe(3)
    const first = results.find((r) => !r.errors)!.data!.createRoom.databaseId
    expect((await gql(t.url, DELETE, { r: first }, carol.token)).data?.deleteRoom).toBe(true)
    await makeRoom(t, carol)
  })

  it('the password is stored as an argon2id hash and returned by nothing', async () => {
    const dave = await registerUser(t)
    const secret = `secret-${hex()}`
    const id = await makeRoom(t, dave, { password: secret, settings: { theme: 'dark' } })
    const row = await t.app.services.prisma.room.findUniqueOrThrow({ where: { id } })
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    // every field a client can ask of a Room, as the owner and as staff: neither the password nor its hash
    const fields = await gql(
      t.url,
      graphql(`query RoomAllFieldsT($id: Int!) {
        room(databaseId: $id) { id databaseId name slug ownerId mode hasPassword closed hidden rating image imageUrl settings
          maxUsers createdAt available viewerRole category { databaseId } owner { databaseId } channels { databaseId } }
      }`),
      { id },
      dave.token,
    )
    const text = JSON.stringify(fields)
    expect(fields.data!.room).toMatchObject({ hasPassword: true, closed: true, settings: { theme: 'dark' } })
    expect(text).not.toContain(secret)
    expect(text).not.toContain('argon2')
    const introspected = await gql(t.url, graphql(`query RoomTypeFieldsT { __type(name: "Room") { fields { name } } }`))
    expect(introspected.data!.__type!.fields!.map((f) => f.name).filter((n) => /password/i.test(n))).toEqual([
      'hasPassword',
    ])
  })
})

describe('room lookup', () => {
  it('by databaseId or slug, hidden and closed rooms too; null when none; exactly one of the two', async () => {
    const erin = await registerUser(t)
    const slug = `look-${hex()}`
    const id = await makeRoom(t, erin, { slug, hidden: true, mode: 'PRIVATE' })
    expect((await gql(t.url, ROOM, { id })).data!.room?.slug).toBe(slug)
    expect((await gql(t.url, ROOM, { slug })).data!.room?.databaseId).toBe(id)
    expect((await gql(t.url, ROOM, { id: 2_000_000_000 })).data!.room).toBeNull()
    expect((await gql(t.url, ROOM, { id: -1 })).data!.room).toBeNull()
    expect((await gql(t.url, ROOM, { slug: 'no-such-room-here' })).data!.room).toBeNull()
    expect(codeOf(await gql(t.url, ROOM, {}))).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, ROOM, { id, slug }))).toBe('INVALID_INPUT')
  })
})

describe('updateRoom', () => {
  const expectedFor: Record<Who, string | undefined> = {
    guest: 'UNAUTHENTICATED',
    user: 'ROOM_NOT_ADMIN',
    member: 'ROOM_NOT_ADMIN',
    admin: undefined,
    owner: undefined,
    staff: undefined,
  }

  it('room admins, the owner and site staff change name, slug, category, mode, hidden, settings; others cannot', async () => {
    const c = await makeCast(t)
    const cat = await category()
    for (const who of EVERYONE) {
      const name = `renamed by ${who} ${hex()}`
      const r = await gql(
        t.url,
        UPDATE,
        {
          r: c.room,
          i: { name, slug: `s-${who}-${hex()}`, categoryId: cat, mode: 'PRIVATE', hidden: true, settings: { who } },
        },
        tokenOf(c, who),
      )
      expect(codeOf(r), who).toBe(expectedFor[who])
      if (!expectedFor[who])
        expect(r.data!.updateRoom).toMatchObject({ name, mode: 'PRIVATE', hidden: true, settings: { who } })
    }
    // null clears the category; absent fields are kept
    const cleared = await gql(t.url, UPDATE, { r: c.room, i: { categoryId: null } }, c.owner.token)
    expect(cleared.data!.updateRoom).toMatchObject({ category: null, mode: 'PRIVATE', settings: { who: 'staff' } })
  })

  it("password and maxUsers are the owner's and site staff's; a room admin is refused", async () => {
    const c = await makeCast(t)
    for (const i of [{ password: 'new-pass' }, { maxUsers: 10 }, { password: null }]) {
      const r = await gql(t.url, UPDATE, { r: c.room, i }, c.admin.token)
      expect(codeOf(r)).toBe('INSUFFICIENT_PERMISSIONS')
      expect(r.errors![0].extensions?.field).toBe(Object.keys(i)[0])
    }
    const byOwner = await gql(t.url, UPDATE, { r: c.room, i: { password: 'open-sesame', maxUsers: 10 } }, c.owner.token)
    expect(byOwner.data!.updateRoom).toMatchObject({ hasPassword: true, closed: true, maxUsers: 10 })
    expect(JSON.stringify(byOwner)).not.toContain('open-sesame')
    const byStaff = await gql(t.url, UPDATE, { r: c.room, i: { password: null, maxUsers: 20 } }, c.staff.token)
    expect(byStaff.data!.updateRoom).toMatchObject({ hasPassword: false, closed: false, maxUsers: 20 })
    const row = await t.app.services.prisma.room.findUniqueOrThrow({ where: { id: c.room } })
    expect(row.passwordHash).toBeNull()
  })

  it('a slug in use is ROOM_SLUG_TAKEN, its own slug is fine; a missing room is ROOM_NOT_FOUND', async () => {
    const c = await makeCast(t)
    const other = await makeRoom(t, c.user, { slug: `other-${hex()}` })
    const otherSlug = (await gql(t.url, ROOM, { id: other })).data!.room!.slug
    const own = (await gql(t.url, ROOM, { id: c.room })).data!.room!.slug
    expect(codeOf(await gql(t.url, UPDATE, { r: c.room, i: { slug: otherSlug } }, c.owner.token))).toBe(
      'ROOM_SLUG_TAKEN',
    )
    expect((await gql(t.url, UPDATE, { r: c.room, i: { slug: own } }, c.owner.token)).errors).toBeUndefined()
    expect(codeOf(await gql(t.url, UPDATE, { r: 2_000_000_000, i: { name: 'x' } }, c.owner.token))).toBe(
      'ROOM_NOT_FOUND',
    )
    expect(codeOf(await gql(t.url, UPDATE, { r: c.room, i: { name: '' } }, c.owner.token))).toBe('INVALID_INPUT')
  })
})

describe('deleteRoom', () => {
  it('the owner and site staff delete a room with everything in it; admins, members, users, guests cannot', async () => {
    const refusals: [Who, string][] = [
      ['guest', 'UNAUTHENTICATED'],
      ['user', 'INSUFFICIENT_PERMISSIONS'],
      ['member', 'INSUFFICIENT_PERMISSIONS'],
      ['admin', 'INSUFFICIENT_PERMISSIONS'],
    ]
    const c = await makeCast(t)
    for (const [who, code] of refusals)
      expect(codeOf(await gql(t.url, DELETE, { r: c.room }, tokenOf(c, who))), who).toBe(code)
    for (const who of ['owner', 'staff'] as const) {
      const cast = await makeCast(t)
      await t.app.services.prisma.roomChannel.create({ data: { roomId: cast.room, name: 'general' } })
      expect((await gql(t.url, DELETE, { r: cast.room }, tokenOf(cast, who))).data?.deleteRoom, who).toBe(true)
      expect((await gql(t.url, ROOM, { id: cast.room })).data!.room).toBeNull()
      const db = t.app.services.prisma
      expect(await db.roomMember.count({ where: { roomId: cast.room } })).toBe(0)
      expect(await db.roomChannel.count({ where: { roomId: cast.room } })).toBe(0)
      expect(codeOf(await gql(t.url, DELETE, { r: cast.room }, tokenOf(cast, who)))).toBe('ROOM_NOT_FOUND')
    }
  })
})
