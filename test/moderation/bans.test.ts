import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { ERRORS } from '../../src/errors.js'
import { MODERATION_ERRORS } from '../../plugins/moderation/errors.js'
import { accuse, check, notice, notifications, REASON, say, trySay } from './support.js'
import { graphql } from '../generated/index.js'

// Threshold 2: one ordinary citizen (weight 2) bans on their own, which keeps these tests short.
let t: TestApp
let moderator: TestUser
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '2' })
  moderator = await userWithRoles(t, { moderator: 1 })
})
afterAll(() => closeAll(t))

const ban = async (target: TestUser, reasonId: number, voter?: TestUser, messageId?: number) => {
  const v = voter ?? (await registerUser(t))
  const r = await accuse(t, v.token, { userId: target.id, reasonId, data: messageId ? { messageId } : null })
  expect(r.status).toBe(200)
  return (await check(t, target.id)).id as number
}
const list = (token: string, body: Record<string, unknown> = {}) => rest(t.url, '/api/moderation/list', body, { token })

describe('reasons', () => {
  it('lists reasons per content type, publicly; the unfair-accusation reason exists', async () => {
    const chat = await rest(t.url, '/api/moderation/reasons', { content: 'chat' })
    expect(chat.status).toBe(200)
    expect(chat.body).toContainEqual({ id: REASON.spam, name: 'Спам, реклама', content: 'chat' })
    expect(
      chat.body.every((r: any) => r.content === 'chat' && Object.keys(r).sort().join() === 'content,id,name'),
    ).toBe(true)
    expect((await rest(t.url, '/api/moderation/reasons', { content: 'moderation' })).body).toEqual([
      { id: REASON.unfair, name: 'Несправедливо обвинил другого', content: 'moderation' },
    ])
    const g = await gql(t.url, graphql(`query BanReasons { banReasons { databaseId code minRole durationSeconds } }`))
    expect(g.data!.banReasons).toContainEqual({
      databaseId: REASON.unfair,
      code: 'unfair',
      minRole: 'system',
      durationSeconds: 3600,
    })
  })

  it('refuses a wrong or missing content type', async () => {
    expect(await rest(t.url, '/api/moderation/reasons', { content: 'stream' })).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/content/) },
    })
    expect((await rest(t.url, '/api/moderation/reasons', {})).status).toBe(500)
  })
})

describe('check', () => {
  it('answers zeros for a user without a ban; refuses an empty or unknown user id', async () => {
    const u = await registerUser(t)
    expect(await rest(t.url, '/api/moderation/check', { userId: u.id })).toMatchObject({
      status: 200,
      body: { id: 0, banned: false, expire: 0, reason: 0 },
    })
    expect((await rest(t.url, '/api/moderation/check', {})).status).toBe(500)
    expect(await rest(t.url, '/api/moderation/check', { userId: 88_888_888 })).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/userId/) },
    })
  })

  it('of several bans, answers the one that ends last', async () => {
    const u = await registerUser(t)
    const provocation = await ban(u, REASON.provocation) // 4 h
    await ban(u, REASON.flood) // 30 min
    const c = await check(t, u.id)
    expect(c).toMatchObject({ id: provocation, banned: true, reason: REASON.provocation })
    expect(Math.abs(c.expire - (Math.floor(Date.now() / 1000) + 4 * 3600))).toBeLessThan(30)
  })
})

describe('list', () => {
  it("a user sees only their own bans; a moderator sees everyone's; filters by from/to/reason/banId", async () => {
    const [u1, u2] = [await registerUser(t), await registerUser(t)]
    const b1 = await ban(u1, REASON.spam)
    const b2 = await ban(u2, REASON.insult)
    const own = await list(u1.token)
    expect(own.body.map((b: any) => b.id)).toEqual([b1])
    expect(own.body[0]).toEqual({
      id: b1,
      start: expect.any(Number),
      end: expect.any(Number),
      reason: { id: REASON.spam, name: 'Спам, реклама', content: 'chat' },
      active: true,
      data: [],
    })
    expect((await list(u1.token, { banId: b2 })).body).toEqual([])
    const all = (await list(moderator.token)).body.map((b: any) => b.id)
    expect(all).toEqual(expect.arrayContaining([b1, b2]))
    expect((await list(moderator.token, { banId: b2 })).body.map((b: any) => b.id)).toEqual([b2])
    expect(
      (await list(moderator.token, { reason: REASON.insult })).body.every((b: any) => b.reason.id === REASON.insult),
    ).toBe(true)
    const start: number = own.body[0].start
    expect((await list(u1.token, { from: start, to: start + 1 })).body.map((b: any) => b.id)).toEqual([b1])
    expect((await list(u1.token, { from: start + 60 })).body).toEqual([])
    expect((await list(u1.token, { to: start - 60 })).body).toEqual([])
    // GraphQL: only moderators ask about someone else
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`query Bans2($u: Int) { bans(userId: $u) { edges { node { databaseId } } } }`),
          { u: u2.id },
          u1.token,
        ),
      ),
    ).toBe('INSUFFICIENT_PERMISSIONS')
  })

  it("pages through a user's bans as a Relay connection", async () => {
    const u = await registerUser(t)
    for (const r of [REASON.spam, REASON.flood, REASON.insult]) await ban(u, r)
    const q = graphql(
      `query Bans3($after: String) { bans(first: 2, after: $after) { edges { cursor node { databaseId } } pageInfo { hasNextPage endCursor } } }`,
    )
    const p1 = await gql(t.url, q, {}, u.token)
    expect(p1.data!.bans.edges).toHaveLength(2)
    expect(p1.data!.bans.pageInfo.hasNextPage).toBe(true)
    const p2 = await gql(t.url, q, { after: p1.data!.bans.pageInfo.endCursor }, u.token)
    expect(p2.data!.bans.edges).toHaveLength(1)
    expect(p2.data!.bans.pageInfo.hasNextPage).toBe(false)
    expect(
      codeOf(await gql(t.url, graphql(`query Bans4 { bans(first: 101) { edges { cursor } } }`), {}, u.token)),
    ).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, graphql(`query Bans5 { bans(first: -1) { edges { cursor } } }`), {}, u.token))).toBe(
      'INVALID_INPUT',
    )
    expect(
      codeOf(await gql(t.url, graphql(`query Bans6 { bans(after: "nope") { edges { cursor } } }`), {}, u.token)),
    ).toBe('INVALID_INPUT')
    // Relay node lookups answer the ban's owner and moderators only
    const id = (await gql(t.url, graphql(`query Bans7 { bans(first: 1) { edges { node { id } } } }`), {}, u.token))
      .data!.bans.edges[0].node.id
    const NODE = graphql(`query NodeBans($id: ID!) { node(id: $id) { ... on Ban { databaseId user { databaseId } } } }`)
    expect((await gql(t.url, NODE, { id }, u.token)).data!.node!.user).toEqual({ databaseId: u.id })
    expect((await gql(t.url, NODE, { id }, moderator.token)).data!.node!.user).toEqual({ databaseId: u.id })
    expect((await gql(t.url, NODE, { id }, (await registerUser(t)).token)).data!.node).toBeNull()
  })
})

describe('undo', () => {
  it('cancels the ban and bans each voter for an unfair accusation, with the reason and the message in its data', async () => {
    const target = await registerUser(t)
    const voter = await registerUser(t)
    const msg = await say(t, target.token, 'main', 'perfectly fine words')
    const banId = await ban(target, REASON.insult, voter, msg)
    const toTarget = await notifications(t, target.token)
    const toVoter = await notifications(t, voter.token)
    expect(await rest(t.url, '/api/moderation/undo', { ban: banId }, { token: moderator.token })).toMatchObject({
      status: 200,
      body: [],
    })
    expect(await notice(toTarget, 'chatBanUndo')).toMatchObject({ data: {} })
    expect(await check(t, target.id)).toMatchObject({ banned: false, id: 0 })
    expect((await trySay(t, target.token, 'main', 'free again')).isSent).toBe(true)
    const vc = await check(t, voter.id)
    expect(vc).toMatchObject({ banned: true, reason: REASON.unfair })
    expect((await notice(toVoter, 'chatBan')).data).toEqual(vc)
    expect((await list(target.token, { banId })).body[0]).toMatchObject({ id: banId, active: false })
    expect((await list(voter.token)).body).toEqual([
      {
        id: vc.id,
        start: expect.any(Number),
        end: vc.expire,
        active: true,
        reason: { id: REASON.unfair, name: 'Несправедливо обвинил другого', content: 'moderation' },
        data: [
          {
            text: 'perfectly fine words',
            attempt: true,
            accused: false,
            reason: { id: REASON.insult, name: 'Оскорбления', content: 'chat' },
          },
        ],
      },
    ])
    await Promise.all([toTarget.close(), toVoter.close()])
  })

  it('refuses an unknown ban, a second undo, and non-moderators', async () => {
    const target = await registerUser(t)
    const banId = await ban(target, REASON.spam)
    expect(await rest(t.url, '/api/moderation/undo', { ban: 77_777_777 }, { token: moderator.token })).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/ban/) },
    })
    expect(await rest(t.url, '/api/moderation/undo', { ban: banId }, { token: target.token })).toMatchObject({
      status: 500,
      body: { message: ERRORS.INSUFFICIENT_PERMISSIONS.message },
    })
    expect(await rest(t.url, '/api/moderation/undo', { ban: banId })).toMatchObject({
      status: 500,
      body: { message: ERRORS.UNAUTHENTICATED.message },
    })
    expect((await rest(t.url, '/api/moderation/undo', { ban: banId }, { token: moderator.token })).status).toBe(200)
    expect(await rest(t.url, '/api/moderation/undo', { ban: banId }, { token: moderator.token })).toMatchObject({
      status: 500,
      body: { message: MODERATION_ERRORS.BAN_ALREADY_UNDONE.message },
    })
  })
})

describe('block', () => {
  it("a blocker blocks through core's block: the account's tokens fail at once; unblock restores login", async () => {
    const blocker = await userWithRoles(t, { blocker: 1 })
    const u = await registerUser(t)
    expect(
      await rest(t.url, '/api/moderation/block', { userId: u.id, state: true }, { token: blocker.token }),
    ).toMatchObject({ status: 200, body: [] })
    expect((await rest(t.url, '/api/user/current', {}, { token: u.token })).body.guest).toBe(true)
    expect(await rest(t.url, '/api/moderation/list', {}, { token: u.token })).toMatchObject({
      status: 500,
      body: { message: ERRORS.UNAUTHENTICATED.message },
    })
    expect(
      (await rest(t.url, '/api/moderation/block', { userId: u.id, state: false }, { token: blocker.token })).status,
    ).toBe(200)
    const login = await gql(t.url, graphql(`mutation Login($i: LoginInput!) { login(input: $i) { token } }`), {
      i: { login: u.name, password: u.password },
    })
    expect(login.data!.login.token).toEqual(expect.any(String))
    expect(
      await rest(t.url, '/api/moderation/block', { userId: 66_666_666, state: true }, { token: blocker.token }),
    ).toMatchObject({ status: 500, body: { message: expect.stringMatching(/userId/) } })
    expect(
      await rest(t.url, '/api/moderation/block', { userId: u.id, state: true }, { token: moderator.token }),
    ).toMatchObject({ status: 500, body: { message: ERRORS.INSUFFICIENT_PERMISSIONS.message } })
  })
})
