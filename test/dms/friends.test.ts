import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { open, userRef, type Stream } from '../events/support.js'
import { areFriends } from '../../plugins/dms/friends/relations.js'
import { friendsApi, okData, refusedWith } from './friends-support.js'

/**
 * Friends (messenger "Система друзей") through the API: requests and each answer, what each side sees and hears, the
 * refusals, ignores (a request to someone who ignores you looks sent and reaches nobody), and the limits.
 */

let t: TestApp
let api: ReturnType<typeof friendsApi>
beforeAll(async () => {
  t = await startTestApp()
  api = friendsApi(t)
})
afterAll(() => closeAll(t))

const IGNORE = graphql(`mutation FriendsIgnore($u: Int!) { ignore(content: CHAT, item: $u) }`)
const UNIGNORE = graphql(`mutation FriendsUnignore($u: Int!) { unignore(content: CHAT, item: $u) }`)
const BLOCK = graphql(`mutation FriendsBlock($u: Int!) { setUserBlocked(userId: $u, state: true) }`)

const db = () => t.app.services.prisma
const users = (n: number) => Promise.all(Array.from({ length: n }, () => registerUser(t)))
const friendsInDb = (a: number, b: number) => Promise.all([areFriends(db(), a, b), areFriends(db(), b, a)])

/** Both users' friendEvents streams, opened one after the other (each waits for its own listener). */
async function streams(a: TestUser, b: TestUser): Promise<[Stream, Stream]> {
  const sa = await open(t, a, 'friendEvents')
  return [sa, await open(t, b, 'friendEvents')]
}
const heard = (change: string, other: TestUser) =>
  expect.objectContaining({ change, userId: other.id, user: userRef(other) })

describe('the request workflow', () => {
  it('request → both see it → accept: friends on both sides, the request gone; remove: friends no more', async () => {
    const [a, b] = await users(2)
    const [sa, sb] = await streams(a, b)

    expect(okData(await api.send(a, b.id)).sendFriendRequest).toBe('REQUESTED')
    await sa.expectNext(heard('REQUESTED', b))
    await sb.expectNext(heard('REQUESTED', a))
    const asked = await api.status(a)
    expect(asked).toMatchObject({ friends: [], incoming: [], outgoing: [b.id] })
    expect(asked.raw.outgoing[0].user).toEqual({ databaseId: b.id, name: b.name })
    const askedBy = await api.status(b)
    expect(askedBy).toMatchObject({ friends: [], incoming: [a.id], outgoing: [] })
    expect(askedBy.raw.incoming[0].user).toEqual({ databaseId: a.id, name: a.name })
    expect(Date.parse(askedBy.raw.incoming[0].createdAt)).toBeLessThanOrEqual(Date.now())
    expect(await friendsInDb(a.id, b.id)).toEqual([false, false])

    expect(okData(await api.accept(b, a.id)).acceptFriendRequest).toBe(true)
    await sa.expectNext(heard('ACCEPTED', b))
    await sb.expectNext(heard('ACCEPTED', a))
    expect(await api.status(a)).toMatchObject({ friends: [b.id], incoming: [], outgoing: [] })
    expect((await api.status(b)).raw.friends).toEqual([{ databaseId: a.id, name: a.name }])
    expect(await friendsInDb(a.id, b.id)).toEqual([true, true])
    expect(await db().friendRequest.count({ where: { OR: [{ fromId: a.id }, { fromId: b.id }] } })).toBe(0)

    expect(okData(await api.remove(a, b.id)).removeFriend).toBe(true)
    await sa.expectNext(heard('REMOVED', b))
    await sb.expectNext(heard('REMOVED', a))
    expect(await api.status(b)).toMatchObject({ friends: [], incoming: [], outgoing: [] })
    expect(await friendsInDb(a.id, b.id)).toEqual([false, false])
    await sa.expectQuiet(100)
    await sb.expectQuiet(100)
    await sa.close()
    await sb.close()
  })

  it('decline: the request gone, both told, and asking again is allowed', async () => {
    const [a, b] = await users(2)
    okData(await api.send(a, b.id))
    const [sa, sb] = await streams(a, b)
    expect(okData(await api.decline(b, a.id)).declineFriendRequest).toBe(true)
    await sa.expectNext(heard('DECLINED', b))
    await sb.expectNext(heard('DECLINED', a))
    expect(await api.status(a)).toMatchObject({ friends: [], outgoing: [] })
    expect(await api.status(b)).toMatchObject({ friends: [], incoming: [] })
    expect(okData(await api.send(a, b.id)).sendFriendRequest).toBe('REQUESTED')
    await sa.close()
    await sb.close()
  })

  it('cancel: the own request taken back, both told', async () => {
    const [a, b] = await users(2)
    okData(await api.send(a, b.id))
    const [sa, sb] = await streams(a, b)
    expect(okData(await api.cancel(a, b.id)).cancelFriendRequest).toBe(true)
    await sa.expectNext(heard('CANCELLED', b))
    await sb.expectNext(heard('CANCELLED', a))
    expect(await api.status(a)).toMatchObject({ outgoing: [] })
    expect(await api.status(b)).toMatchObject({ incoming: [] })
    refusedWith(await api.accept(b, a.id), 'FRIEND_REQUEST_NOT_FOUND')
    await sa.close()
    await sb.close()
  })

  it('asking someone who asked you first accepts their request (no crossing requests)', async () => {
    const [a, b] = await users(2)
    okData(await api.send(a, b.id))
    const [sa, sb] = await streams(a, b)
    expect(okData(await api.send(b, a.id)).sendFriendRequest).toBe('ACCEPTED')
    await sa.expectNext(heard('ACCEPTED', b))
    await sb.expectNext(heard('ACCEPTED', a))
    expect(await api.status(a)).toMatchObject({ friends: [b.id], incoming: [], outgoing: [] })
    expect(await api.status(b)).toMatchObject({ friends: [a.id], incoming: [], outgoing: [] })
    expect(await friendsInDb(a.id, b.id)).toEqual([true, true])
    await sa.close()
    await sb.close()
  })

  it('lists are newest first', async () => {
    const [me, x, y, z] = await users(4)
    okData(await api.send(me, x.id))
    okData(await api.send(me, y.id))
    okData(await api.send(z, me.id))
    okData(await api.send(y, me.id)) // accepts my request to y
    expect(await api.status(me)).toMatchObject({ friends: [y.id], incoming: [z.id], outgoing: [x.id] })
    okData(await api.accept(me, z.id))
    expect((await api.status(me)).friends).toEqual([z.id, y.id])
  })
})

describe('refusals', () => {
  it('to oneself: INVALID_INPUT', async () => {
    const [a] = await users(1)
    expect(refusedWith(await api.send(a, a.id), 'INVALID_INPUT').extensions?.field).toBe('userId')
  })

  it('an unknown and a blocked user get the same answer: USER_NOT_FOUND', async () => {
    const [a, target] = await users(2)
    const blocker = await userWithRoles(t, { blocker: 1 })
    okData(await gql(t.url, BLOCK, { u: target.id }, blocker.token))
    const unknown = refusedWith(await api.send(a, 2_000_000_000), 'USER_NOT_FOUND')
    const blocked = refusedWith(await api.send(a, target.id), 'USER_NOT_FOUND')
    expect(blocked).toEqual(unknown)
    expect(await db().friendRequest.count({ where: { fromId: a.id } })).toBe(0)
  })

  it('already friends: ALREADY_FRIENDS, either way', async () => {
    const [a, b] = await users(2)
    okData(await api.send(a, b.id))
    okData(await api.accept(b, a.id))
    refusedWith(await api.send(a, b.id), 'ALREADY_FRIENDS')
    refusedWith(await api.send(b, a.id), 'ALREADY_FRIENDS')
  })

  it('asking twice: FRIEND_REQUEST_EXISTS', async () => {
    const [a, b] = await users(2)
    okData(await api.send(a, b.id))
    refusedWith(await api.send(a, b.id), 'FRIEND_REQUEST_EXISTS')
    expect(await db().friendRequest.count({ where: { fromId: a.id } })).toBe(1)
  })

  it('no such request: accept, decline and cancel say FRIEND_REQUEST_NOT_FOUND (also the wrong way round)', async () => {
    const [a, b] = await users(2)
    for (const r of [await api.accept(a, b.id), await api.decline(a, b.id), await api.cancel(a, b.id)])
      refusedWith(r, 'FRIEND_REQUEST_NOT_FOUND')
    okData(await api.send(a, b.id))
    // a's own request is not one a may accept or decline, nor one b may cancel
    refusedWith(await api.accept(a, b.id), 'FRIEND_REQUEST_NOT_FOUND')
    refusedWith(await api.decline(a, b.id), 'FRIEND_REQUEST_NOT_FOUND')
    refusedWith(await api.cancel(b, a.id), 'FRIEND_REQUEST_NOT_FOUND')
    expect(await api.status(b)).toMatchObject({ incoming: [a.id] })
  })

  it('removing someone who is no friend: NOT_FRIENDS (a pending request is no friendship)', async () => {
    const [a, b] = await users(2)
    refusedWith(await api.remove(a, b.id), 'NOT_FRIENDS')
    okData(await api.send(a, b.id))
    refusedWith(await api.remove(a, b.id), 'NOT_FRIENDS')
    expect(await api.status(b)).toMatchObject({ incoming: [a.id] })
  })

  it('guests: UNAUTHENTICATED', async () => {
    const r = await gql(t.url, graphql(`query FriendsGuest { friends { outgoing { userId } } }`), {})
    refusedWith(r, 'UNAUTHENTICATED')
  })
})

describe('ignores', () => {
  it('a request to someone who ignores you looks sent, and they never see or hear it', async () => {
    const [a, b] = await users(2)
    okData(await gql(t.url, IGNORE, { u: a.id }, b.token))
    const [sa, sb] = await streams(a, b)

    expect(okData(await api.send(a, b.id)).sendFriendRequest).toBe('REQUESTED')
    await sa.expectNext(heard('REQUESTED', b))
    expect(await api.status(a)).toMatchObject({ outgoing: [b.id] })
    expect(await api.status(b)).toMatchObject({ incoming: [] })
    // asking again is answered as for anyone else
    refusedWith(await api.send(a, b.id), 'FRIEND_REQUEST_EXISTS')
    // taking it back: a is told, b still hears nothing
    okData(await api.cancel(a, b.id))
    await sa.expectNext(heard('CANCELLED', b))
    okData(await api.send(a, b.id))
    await sa.expectNext(heard('REQUESTED', b))
    await sb.expectQuiet(300)

    // once b stops ignoring a, the waiting request is there to answer
    okData(await gql(t.url, UNIGNORE, { u: a.id }, b.token))
    expect(await api.status(b)).toMatchObject({ incoming: [a.id] })
    okData(await api.accept(b, a.id))
    await sa.expectNext(heard('ACCEPTED', b))
    await sb.expectNext(heard('ACCEPTED', a))
    await sa.close()
    await sb.close()
  })
})

describe('limits', () => {
  it(`100 requests waiting for an answer: the next is TOO_MANY_FRIEND_REQUESTS until one is answered`, async () => {
    const [a, b] = await users(2)
    // test setup in the database: 100 pending requests (the API's own rate limit would take an hour to get there)
    const seeded = Array.from({ length: 100 }, (_, i) => 1_500_000_000 + i)
    await db().friendRequest.createMany({ data: seeded.map((toId) => ({ fromId: a.id, toId })) })
    const refusal = refusedWith(await api.send(a, b.id), 'TOO_MANY_FRIEND_REQUESTS')
    expect(refusal.extensions?.retryAfter).toBeUndefined()
    expect((await api.status(a)).outgoing).toHaveLength(100)
    expect(await api.status(b)).toMatchObject({ incoming: [] })
    okData(await api.cancel(a, seeded[0]))
    expect(okData(await api.send(a, b.id)).sendFriendRequest).toBe('REQUESTED')
    refusedWith(await api.send(a, (await registerUser(t)).id), 'TOO_MANY_FRIEND_REQUESTS')
  })

  it('20 requests in 10 minutes: the 21st is TOO_MANY_FRIEND_REQUESTS with retryAfter', async () => {
    const [a, ...targets] = await users(22)
    for (const u of targets.slice(0, 20)) expect(okData(await api.send(a, u.id)).sendFriendRequest).toBe('REQUESTED')
    const refusal = refusedWith(await api.send(a, targets[20].id), 'TOO_MANY_FRIEND_REQUESTS')
    const retryAfter = refusal.extensions?.retryAfter
    expect(typeof retryAfter === 'number' && retryAfter > 0 && retryAfter <= 600, String(retryAfter)).toBe(true)
    expect(await api.status(targets[20])).toMatchObject({ incoming: [] })
    // answering is not asking: the others may still answer a
    okData(await api.accept(targets[0], a.id))
  })

  it('1,000 friends: accepting is FRIEND_LIMIT_REACHED when either side is full, and a full user cannot ask', async () => {
    const [full, b, c] = await users(3)
    okData(await api.send(b, full.id))
    okData(await api.send(full, c.id))
    // test setup in the database: 1,000 friends (ids no user has: only the count matters)
    await db().friendship.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({ userId: full.id, friendId: 1_600_000_000 + i })),
    })
    refusedWith(await api.accept(full, b.id), 'FRIEND_LIMIT_REACHED')
    refusedWith(await api.accept(c, full.id), 'FRIEND_LIMIT_REACHED')
    refusedWith(await api.send(full, (await registerUser(t)).id), 'FRIEND_LIMIT_REACHED')
    // refused, the requests stay for later
    expect(await api.status(full)).toMatchObject({ incoming: [b.id], outgoing: [c.id] })
    expect(await friendsInDb(full.id, b.id)).toEqual([false, false])
    await db().friendship.deleteMany({ where: { userId: full.id, friendId: 1_600_000_000 } })
    okData(await api.accept(full, b.id))
    expect(await friendsInDb(full.id, b.id)).toEqual([true, true])
    refusedWith(await api.accept(c, full.id), 'FRIEND_LIMIT_REACHED')
  })
})
