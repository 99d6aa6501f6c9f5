import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { MODERATION_ERRORS } from '../../plugins/moderation/errors.js'
import { accuse, check, REASON } from './support.js'
import { graphql } from '../generated/index.js'

/**
 * Concurrency: requests fired together over real HTTP. On PostgreSQL (TEST_DATABASE_URL) the transactions truly
 * overlap and only the row locks keep the rules. The embedded database runs one transaction at a time, so there these
 * races would pass without racing: they are skipped, saying why.
 */
const racing = describe.skipIf(!process.env.TEST_DATABASE_URL)
let t: TestApp
let moderator: TestUser
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '4' })
  moderator = await userWithRoles(t, { moderator: 1 })
})
afterAll(() => closeAll(t))

const bansOf = async (userId: number) => {
  const r = await gql(
    t.url,
    graphql(
      `query BansRace($u: Int!) { bans(userId: $u, first: 100) { edges { node { databaseId active reason { code } } } } }`,
    ),
    { u: userId },
    moderator.token,
  )
  if (r.errors) throw new Error(JSON.stringify(r.errors))
  return r.data!.bans.edges.map((e: any) => e.node)
}

racing('races (needs PostgreSQL: PGlite is single-connection, so it serialises writers)', () => {
  it('accusations that cross the threshold together make exactly one ban', async () => {
    for (let round = 0; round < 3; round++) {
      const target = await registerUser(t)
      const voters = await Promise.all(Array.from({ length: 7 }, () => registerUser(t)))
      // one vote in already (weight 2 of 4): each of the six racing votes would cross the threshold on its own
      expect((await accuse(t, voters[0].token, { userId: target.id, reasonId: REASON.spam })).status).toBe(200)
      const results = await Promise.all(
        voters.slice(1).map((v) => accuse(t, v.token, { userId: target.id, reasonId: REASON.spam })),
      )
      expect(
        results.map((r) => r.status),
        JSON.stringify(results.map((r) => r.body)),
      ).toEqual([200, 200, 200, 200, 200, 200])
      const bans = await bansOf(target.id)
      expect(bans).toHaveLength(1)
      expect(await check(t, target.id)).toMatchObject({ banned: true, id: bans[0].databaseId })
    }
  })

  it('one voter racing themselves gets exactly 5 accusations in', async () => {
    const voter = await registerUser(t)
    const targets = await Promise.all(Array.from({ length: 8 }, () => registerUser(t)))
    const results = await Promise.all(
      targets.map((u) => accuse(t, voter.token, { userId: u.id, reasonId: REASON.flood })),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(5)
    for (const r of results.filter((x) => x.status !== 200))
      expect(r.body).toEqual({ message: MODERATION_ERRORS.TOO_MANY_ACCUSATIONS.message })
  })

  it('the same accusation sent several times at once counts once', async () => {
    const voter = await registerUser(t)
    const target = await registerUser(t)
    const results = await Promise.all(
      Array.from({ length: 4 }, () => accuse(t, voter.token, { userId: target.id, reasonId: REASON.insult })),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.body?.message === MODERATION_ERRORS.DUPLICATE_ACCUSATION.message)).toHaveLength(3)
  })

  it('two moderators undoing one ban at once: one wins, each voter is banned once', async () => {
    const other = await userWithRoles(t, { moderator: 1 })
    const target = await registerUser(t)
    const [a, b] = [await registerUser(t), await registerUser(t)]
    await accuse(t, a.token, { userId: target.id, reasonId: REASON.obscene })
    await accuse(t, b.token, { userId: target.id, reasonId: REASON.obscene })
    const { id } = await check(t, target.id)
    expect(id).toBeGreaterThan(0)
    const results = await Promise.all(
      [moderator, other].map((m) => rest(t.url, '/api/moderation/undo', { ban: id }, { token: m.token })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 500])
    expect(results.find((r) => r.status === 500)!.body).toEqual({
      message: MODERATION_ERRORS.BAN_ALREADY_UNDONE.message,
    })
    for (const v of [a, b]) expect((await bansOf(v.id)).map((x: any) => x.reason.code)).toEqual(['unfair'])
  })
})
