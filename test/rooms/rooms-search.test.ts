import { afterAll, describe, expect, it } from 'vitest'
import { codeOf, gql } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import type { RoomsTQueryVariables } from '../generated/graphql.js'
import { addMember, hex, makeRoom, startRoomsApp } from './rooms-support.js'

const t = await startRoomsApp({ ROOMS_PER_USER: '20' })
afterAll(() => t.close())

const ROOMS = graphql(`
  query RoomsT($name: String, $filled: Boolean, $closed: Boolean, $categoryId: Int, $ownerId: Int, $includeHidden: Boolean,
    $orderBy: RoomOrder!, $first: Int, $after: String, $offset: Int, $last: Int) {
    rooms(name: $name, filled: $filled, closed: $closed, categoryId: $categoryId, ownerId: $ownerId, includeHidden: $includeHidden,
      orderBy: $orderBy, first: $first, after: $after, offset: $offset, last: $last) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { databaseId name } }
    }
  }
`)
const MY_ROOMS = graphql(`query MyRoomsT { myRooms { role room { databaseId } } }`)

// every room of this file carries the tag, so other files' rooms never count
const tag = `srch${hex()}`
const owner = await registerUser(t)
const other = await registerUser(t)
const staff = await userWithRoles(t, { moderator: 1 })
const cat = (await t.app.services.prisma.roomCategory.create({ data: { name: 'S', slug: `s-${hex()}` } })).id
const db = t.app.services.prisma

const ids: Record<string, number> = {}
for (const [key, input] of [
  ['alpha', { name: `${tag} Alpha`, categoryId: cat }],
  ['beta', { name: `${tag} BETA`, mode: 'PRIVATE' as const }],
  ['gamma', { name: `${tag} gamma`, password: 'gamma-pass' }],
  ['delta', { name: `${tag} delta`, maxUsers: 2 }],
  ['hidden', { name: `${tag} hidden`, hidden: true }],
] as const)
  ids[key] = await makeRoom(t, owner, input)
ids.othersHidden = await makeRoom(t, other, { name: `${tag} other hidden`, hidden: true })
// ratings and occupants straight in the database: test setup for the orders
await db.room.update({ where: { id: ids.gamma }, data: { rating: 50 } })
await db.room.update({ where: { id: ids.alpha }, data: { rating: 10 } })
const sitters = await Promise.all([registerUser(t), registerUser(t), registerUser(t)])
await db.roomOccupant.createMany({
  data: [
    { userId: sitters[0].id, roomId: ids.delta },
    { userId: sitters[1].id, roomId: ids.delta },
    { userId: sitters[2].id, roomId: ids.alpha },
  ],
})

const names = (r: Awaited<ReturnType<typeof search>>) => r.edges.map((e) => e.node.name.slice(tag.length + 1))
async function search(vars: Partial<RoomsTQueryVariables>, token?: string) {
  const r = await gql(t.url, ROOMS, { name: tag, orderBy: 'NAME_ASC', ...vars }, token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!.rooms
}

describe('rooms: search and filters (JustChat /room/get)', () => {
  it('name is a case-insensitive substring; hidden rooms are left out', async () => {
    const all = await search({})
    expect(names(all)).toEqual(['Alpha', 'BETA', 'delta', 'gamma'])
    expect(all.totalCount).toBe(4)
    expect(names(await search({ name: `${tag} bEt` }))).toEqual(['BETA'])
    expect((await search({ name: 'no such room anywhere' })).totalCount).toBe(0)
  })

  it('includeHidden: staff see every hidden room, the owner their own, guests and others none', async () => {
    expect(names(await search({ includeHidden: true }, staff.token))).toEqual([
      'Alpha',
      'BETA',
      'delta',
      'gamma',
      'hidden',
      'other hidden',
    ])
    expect(names(await search({ includeHidden: true }, owner.token))).toContain('hidden')
    expect(names(await search({ includeHidden: true }, owner.token))).not.toContain('other hidden')
    expect(names(await search({ includeHidden: true }, other.token))).toEqual([
      'Alpha',
      'BETA',
      'delta',
      'gamma',
      'other hidden',
    ])
    expect(names(await search({ includeHidden: true }))).toEqual(['Alpha', 'BETA', 'delta', 'gamma'])
  })

  it('closed (PRIVATE or a password), filled (occupants = maxUsers), category, owner', async () => {
    expect(names(await search({ closed: true }))).toEqual(['BETA', 'gamma'])
    expect(names(await search({ closed: false }))).toEqual(['Alpha', 'delta'])
    expect(names(await search({ filled: true }))).toEqual(['delta'])
    expect(names(await search({ filled: false }))).toEqual(['Alpha', 'BETA', 'gamma'])
    expect(names(await search({ categoryId: cat }))).toEqual(['Alpha'])
    expect(names(await search({ ownerId: other.id, includeHidden: true }, other.token))).toEqual(['other hidden'])
    expect(names(await search({ closed: false, filled: false }))).toEqual(['Alpha'])
  })

  it('orders: name, rating, occupants, creation, each both ways', async () => {
    expect(names(await search({ orderBy: 'NAME_DESC' }))).toEqual(['gamma', 'delta', 'BETA', 'Alpha'])
    expect(names(await search({ orderBy: 'RATING_DESC' }))).toEqual(['gamma', 'Alpha', 'delta', 'BETA'])
    expect(names(await search({ orderBy: 'RATING_ASC' }))).toEqual(['BETA', 'delta', 'Alpha', 'gamma'])
    expect(names(await search({ orderBy: 'OCCUPANTS_DESC' })).slice(0, 2)).toEqual(['delta', 'Alpha'])
    expect(names(await search({ orderBy: 'OCCUPANTS_ASC' })).slice(2)).toEqual(['Alpha', 'delta'])
    expect(names(await search({ orderBy: 'CREATED_AT_ASC' }))).toEqual(['Alpha', 'BETA', 'gamma', 'delta'])
    expect(names(await search({ orderBy: 'CREATED_AT_DESC' }))).toEqual(['delta', 'gamma', 'BETA', 'Alpha'])
  })

  it('paging: first, after, offset; totalCount alone with first: 0 (countOnly); bounds refused', async () => {
    const p1 = await search({ first: 2 })
    expect(names(p1)).toEqual(['Alpha', 'BETA'])
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false })
    const p2 = await search({ first: 2, after: p1.pageInfo.endCursor })
    expect(names(p2)).toEqual(['delta', 'gamma'])
    expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true })
    expect(names(await search({ first: 1, offset: 2 }))).toEqual(['delta'])
    expect(names(await search({ first: 1, after: p1.edges[0].cursor, offset: 1 }))).toEqual(['delta'])
    const count = await search({ first: 0 })
    expect(count).toMatchObject({ totalCount: 4, edges: [] })
    expect(count.pageInfo.hasNextPage).toBe(true)
    for (const vars of [{ first: 101 }, { first: -1 }, { offset: -1 }, { after: 'abc' }, { last: 2 }]) {
      const r = await gql(t.url, ROOMS, { name: tag, orderBy: 'NAME_ASC', ...vars })
      expect(codeOf(r), JSON.stringify(vars)).toBe('INVALID_INPUT')
    }
    // 100 is the largest page, the default is 40
    expect((await search({ first: 100 })).totalCount).toBe(4)
  })
})

describe('myRooms (peka2 /api/room/my)', () => {
  it("the viewer's own rooms (OWNER) and those they are on the access list of (ADMIN, MEMBER); guests refused", async () => {
    const u = await registerUser(t)
    const own = await makeRoom(t, u)
    await addMember(t, ids.alpha, u.id, 'ADMIN')
    await addMember(t, ids.beta, u.id, 'MEMBER')
    const r = await gql(t.url, MY_ROOMS, {}, u.token)
    expect(r.data!.myRooms.map((a) => [a.room.databaseId, a.role]).sort()).toEqual(
      [
        [own, 'OWNER'],
        [ids.alpha, 'ADMIN'],
        [ids.beta, 'MEMBER'],
      ].sort(),
    )
    expect((await gql(t.url, MY_ROOMS, {}, other.token)).data!.myRooms.map((a) => a.room.databaseId)).toEqual([
      ids.othersHidden,
    ])
    expect(codeOf(await gql(t.url, MY_ROOMS))).toBe('UNAUTHENTICATED')
  })
})
