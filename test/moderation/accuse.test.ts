import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { ERRORS } from '../../src/errors.js'
import { MODERATION_ERRORS } from '../../plugins/moderation/errors.js'
import {
  accuse,
  channelEvents,
  check,
  history,
  nextEvent,
  notice,
  notifications,
  REASON,
  say,
  trySay,
} from './support.js'
import { graphql } from '../generated/index.js'

// Threshold 4: two ordinary citizens (weight 2 each) ban; one citizen of weight 4 bans alone.
let t: TestApp
let moderator: TestUser
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '4' })
  moderator = await userWithRoles(t, { moderator: 1 })
})
afterAll(() => closeAll(t))

const ACCUSE = graphql(
  `mutation AccuseUser($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }`,
)
const accuseCode = async (token: string | undefined, u: number, r: number, d?: unknown) =>
  codeOf(await gql(t.url, ACCUSE, { u, r, d }, token))
const now = () => Math.floor(Date.now() / 1000)

describe('accuse: every documented refusal', () => {
  it('refuses guests and invalid tokens (REST 500 {message}, GraphQL UNAUTHENTICATED)', async () => {
    const target = await registerUser(t)
    expect(await accuse(t, undefined, { userId: target.id, reasonId: REASON.spam })).toMatchObject({
      status: 500,
      body: { message: ERRORS.UNAUTHENTICATED.message },
    })
    expect(await accuse(t, 'not-a-token', { userId: target.id, reasonId: REASON.spam })).toMatchObject({
      status: 500,
      body: { message: ERRORS.UNAUTHENTICATED.message },
    })
    expect(await accuseCode(undefined, target.id, REASON.spam)).toBe('UNAUTHENTICATED')
  })

  it('refuses an unknown user or reason', async () => {
    const voter = await registerUser(t)
    const target = await registerUser(t)
    const r = await accuse(t, voter.token, { userId: 99_999_999, reasonId: REASON.spam })
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(/userId/)
    expect(await accuseCode(voter.token, 99_999_999, REASON.spam)).toBe('USER_NOT_FOUND')
    expect((await accuse(t, voter.token, { userId: target.id, reasonId: 999 })).body.message).toMatch(/reasonId/)
    expect(await accuseCode(voter.token, target.id, 999)).toBe('BAN_REASON_NOT_FOUND')
    expect((await accuse(t, voter.token, { reasonId: REASON.spam })).status).toBe(500)
  })

  it('refuses a reason the voter may not use: moderator-only reasons for citizens, the unfair reason for everyone', async () => {
    const voter = await registerUser(t)
    const target = await registerUser(t)
    expect(await accuseCode(voter.token, target.id, REASON.serious)).toBe('REASON_NOT_ALLOWED')
    expect((await accuse(t, voter.token, { userId: target.id, reasonId: REASON.serious })).status).toBe(500)
    expect(await accuseCode(moderator.token, target.id, REASON.unfair)).toBe('REASON_NOT_ALLOWED')
  })

  it('refuses users without citizenship (citizen 0)', async () => {
    const voter = await userWithRoles(t, { citizen: 0 })
    const target = await registerUser(t)
    expect(await accuseCode(voter.token, target.id, REASON.spam)).toBe('NO_CITIZENSHIP')
    expect((await accuse(t, voter.token, { userId: target.id, reasonId: REASON.spam })).body.message).toBe(
      MODERATION_ERRORS.NO_CITIZENSHIP.message,
    )
  })

  it('refuses a repeat accusation of the same user for the same reason, but not for another reason', async () => {
    const voter = await registerUser(t)
    const target = await registerUser(t)
    expect(await accuse(t, voter.token, { userId: target.id, reasonId: REASON.spam })).toMatchObject({
      status: 200,
      body: [],
    })
    expect(await accuse(t, voter.token, { userId: target.id, reasonId: REASON.spam })).toMatchObject({
      status: 500,
      body: { message: MODERATION_ERRORS.DUPLICATE_ACCUSATION.message },
    })
    expect(await accuseCode(voter.token, target.id, REASON.spam)).toBe('DUPLICATE_ACCUSATION')
    expect((await accuse(t, voter.token, { userId: target.id, reasonId: REASON.flood })).status).toBe(200)
  })

  it('refuses a sixth accusation within 10 minutes', async () => {
    const voter = await registerUser(t)
    for (let i = 0; i < 5; i++)
      expect((await accuse(t, voter.token, { userId: (await registerUser(t)).id, reasonId: REASON.spam })).status).toBe(
        200,
      )
    const sixth = await accuse(t, voter.token, { userId: (await registerUser(t)).id, reasonId: REASON.spam })
    expect(sixth).toMatchObject({ status: 500, body: { message: MODERATION_ERRORS.TOO_MANY_ACCUSATIONS.message } })
  })

  it("refuses self-accusation and a message that is not the accused user's", async () => {
    const voter = await registerUser(t)
    const target = await registerUser(t)
    expect(await accuseCode(voter.token, voter.id, REASON.spam)).toBe('INVALID_INPUT')
    const mine = await say(t, voter.token, 'main', 'my own words')
    expect(await accuseCode(voter.token, target.id, REASON.spam, { messageId: mine })).toBe('MESSAGE_NOT_FOUND')
    expect(await accuseCode(voter.token, target.id, REASON.spam, { messageId: 'x' })).toBe('INVALID_INPUT')
    expect(await accuseCode(voter.token, target.id, REASON.spam, [1])).toBe('INVALID_INPUT')
  })
})

describe('accuse: weighted votes', () => {
  it('bans at the threshold: removes the recent messages, freezes the context, notifies, refuses publishing', async () => {
    const [a, b, bystander, target] = [
      await registerUser(t),
      await registerUser(t),
      await registerUser(t),
      await registerUser(t),
    ]
    const channel = `stream/${bystander.id}`
    const c1 = await say(t, bystander.token, channel, 'context one')
    const c2 = await say(t, target.token, channel, 'context two')
    const bad = await say(t, target.token, channel, 'the accused words')
    const later = await say(t, target.token, channel, 'written after')
    const toTarget = await notifications(t, target.token)
    const toModerator = await notifications(t, moderator.token)
    const events = await channelEvents(t, bystander.token, channel)

    expect(
      (await accuse(t, a.token, { userId: target.id, reasonId: REASON.spam, data: { messageId: bad } })).status,
    ).toBe(200)
    expect(await notice(toTarget, 'chatBanAttempt')).toMatchObject({ data: { messageId: bad, channel } })
    expect(await notice(toModerator, 'chatBanAttempt')).toMatchObject({
      data: { messageId: bad, channel, userId: target.id },
    })
    expect(await check(t, target.id)).toEqual({ id: 0, banned: false, expire: 0, reason: 0 })

    expect(
      (await accuse(t, b.token, { userId: target.id, reasonId: REASON.spam, data: { messageId: bad } })).status,
    ).toBe(200)
    const status = await check(t, target.id)
    expect(status).toMatchObject({ banned: true, reason: REASON.spam, id: expect.any(Number) })
    expect(Math.abs(status.expire - (now() + 3600))).toBeLessThan(30)
    expect((await notice(toTarget, 'chatBan')).data).toEqual(status)
    expect((await notice(toModerator, 'chatBan')).data).toEqual({ ...status, userId: target.id })

    // every recent message of the banned user in that channel goes, with reason "ban" and data {banId, reasonId}
    const removed = []
    for (let i = 0; i < 3; i++) removed.push(await nextEvent(events, 'ChatMessageRemoved'))
    expect(removed.map((r) => r.messageId).sort((x, y) => x - y)).toEqual([c2, bad, later])
    for (const r of removed)
      expect(r).toMatchObject({ reason: 'ban', data: { banId: status.id, reasonId: REASON.spam } })
    expect((await history(t, bystander.token, channel)).map((m) => m.databaseId)).toEqual([c1])

    // the ban records the accused message and the context before it
    const list = await rest(t.url, '/api/moderation/list', {}, { token: target.token })
    expect(list.status, JSON.stringify(list.body)).toBe(200)
    expect(list.body).toEqual([
      {
        id: status.id,
        start: expect.any(Number),
        end: status.expire,
        active: true,
        reason: { id: REASON.spam, name: 'Спам, реклама', content: 'chat' },
        data: [
          { text: 'context one', attempt: false, accused: false },
          { text: 'context two', attempt: false, accused: true },
          { text: 'the accused words', attempt: true, accused: true },
        ],
      },
    ])
    const drop = await trySay(t, target.token, 'main', 'let me speak')
    expect(drop).toMatchObject({ isSent: false, dropReason: 'BANNED' })
    expect(drop.retryAfter).toBeGreaterThan(3500)
    await Promise.all([toTarget.close(), toModerator.close(), events.close()])
  })

  it('weighs votes by citizen value; a moderator decides alone and may use moderator reasons', async () => {
    const heavy = await userWithRoles(t, { citizen: 4 })
    const t1 = await registerUser(t)
    await accuse(t, heavy.token, { userId: t1.id, reasonId: REASON.flood })
    expect(await check(t, t1.id)).toMatchObject({ banned: true, reason: REASON.flood })
    const t2 = await registerUser(t)
    expect((await accuse(t, moderator.token, { userId: t2.id, reasonId: REASON.serious })).status).toBe(200)
    expect(await check(t, t2.id)).toMatchObject({ banned: true, reason: REASON.serious })
  })

  it('a vote against someone already banned for the reason joins that ban instead of making another', async () => {
    const target = await registerUser(t)
    const voters = [await registerUser(t), await registerUser(t), await registerUser(t)]
    for (const v of voters)
      expect((await accuse(t, v.token, { userId: target.id, reasonId: REASON.insult })).status).toBe(200)
    const r = await gql(
      t.url,
      graphql(`query Bans($u: Int!) { bans(userId: $u) { edges { node { databaseId reason { code } } } } }`),
      { u: target.id },
      moderator.token,
    )
    expect(r.data!.bans.edges).toHaveLength(1)
  })
})
