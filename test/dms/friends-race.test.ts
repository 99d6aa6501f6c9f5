import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { friendsApi } from './friends-support.js'

/**
 * Concurrency: friend requests fired together over real HTTP. On PostgreSQL (TEST_DATABASE_URL) the transactions
 * truly overlap and only the per-user locks keep the rules. The embedded database runs one transaction at a time, so
 * there these races would pass without racing: they are skipped, saying why.
 */
const racing = describe.skipIf(!process.env.TEST_DATABASE_URL)
let t: TestApp
let api: ReturnType<typeof friendsApi>
beforeAll(async () => {
  t = await startTestApp()
  api = friendsApi(t)
})
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const users = (n: number) => Promise.all(Array.from({ length: n }, () => registerUser(t)))
const tally = (codes: (string | undefined)[]) =>
  codes.reduce<Record<string, number>>((m, c) => ({ ...m, [c ?? 'ok']: (m[c ?? 'ok'] ?? 0) + 1 }), {})

racing('races (needs PostgreSQL: PGlite is single-connection, so it serialises writers)', () => {
  it('two users asking each other at once end as friends, never with two crossing requests', async () => {
    for (let round = 0; round < 8; round++) {
      const [a, b] = await users(2)
      const [ra, rb] = await Promise.all([api.send(a, b.id), api.send(b, a.id)])
      expect([ra.errors, rb.errors]).toEqual([undefined, undefined])
      expect([ra.data?.sendFriendRequest, rb.data?.sendFriendRequest].sort()).toEqual(['ACCEPTED', 'REQUESTED'])
      const pair = { OR: [{ userId: a.id }, { userId: b.id }] }
      expect(await db().friendship.count({ where: pair })).toBe(2)
      expect(await db().friendRequest.count({ where: { OR: [{ fromId: a.id }, { fromId: b.id }] } })).toBe(0)
    }
  })

  it('parallel accepts never take a user past 1,000 friends', async () => {
    const [full, ...askers] = await users(7)
    // test setup in the database: 997 friends (ids no user has), so 3 of the 6 accepts fit
    await db().friendship.createMany({
      data: Array.from({ length: 997 }, (_, i) => ({ userId: full.id, friendId: 1_700_000_000 + i })),
    })
    for (const u of askers) expect((await api.send(u, full.id)).errors).toBeUndefined()
    const results = await Promise.all(askers.map((u) => api.accept(full, u.id)))
    expect(tally(results.map(codeOf))).toEqual({ ok: 3, FRIEND_LIMIT_REACHED: 3 })
    expect(await db().friendship.count({ where: { userId: full.id } })).toBe(1000)
    // each accepted friendship is there on both sides, each refused request still waits
    expect(await db().friendship.count({ where: { friendId: full.id } })).toBe(3)
    expect(await db().friendRequest.count({ where: { toId: full.id } })).toBe(3)
  })

  it('parallel accepts by both ends of the cap: the requester filling up elsewhere at the same time', async () => {
    const [asker, ...others] = await users(5)
    // the asker has 998 friends and asked four users, who all accept at once: only two fit
    await db().friendship.createMany({
      data: Array.from({ length: 998 }, (_, i) => ({ userId: asker.id, friendId: 1_800_000_000 + i })),
    })
    for (const u of others) expect((await api.send(asker, u.id)).errors).toBeUndefined()
    const results = await Promise.all(others.map((u) => api.accept(u, asker.id)))
    expect(tally(results.map(codeOf))).toEqual({ ok: 2, FRIEND_LIMIT_REACHED: 2 })
    expect(await db().friendship.count({ where: { userId: asker.id } })).toBe(1000)
  })

  it('parallel requests by one user never take them past 100 waiting for an answer', async () => {
    const [a, ...targets] = await users(11)
    // test setup in the database: 95 pending requests, so 5 of the 10 racing ones fit
    await db().friendRequest.createMany({
      data: Array.from({ length: 95 }, (_, i) => ({ fromId: a.id, toId: 1_900_000_000 + i })),
    })
    const results = await Promise.all(targets.map((u) => api.send(a, u.id)))
    expect(tally(results.map(codeOf))).toEqual({ ok: 5, TOO_MANY_FRIEND_REQUESTS: 5 })
    expect(await db().friendRequest.count({ where: { fromId: a.id } })).toBe(100)
  })
})
