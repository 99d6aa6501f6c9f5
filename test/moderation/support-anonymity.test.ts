// Support anonymity against moderation's own tools: accusations cannot be used to test who asked a question, the audit
// log names nobody in a support conversation (query, filters, node lookup, live feed), and a support channel's
// existence is confirmed only to those who may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { live, REASON, say } from './support.js'
import { graphql } from '../generated/index.js'
import type { AnonymousAuditQueryVariables } from '../generated/graphql.js'

// A high threshold: no accusation here turns into a ban.
let t: TestApp
let staff: TestUser, moderator: TestUser
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '1000' })
  ;[staff, moderator] = await Promise.all([userWithRoles(t, { support: 1 }), userWithRoles(t, { moderator: 1 })])
})
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const ACCUSE = graphql(
  `mutation AccuseUser($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }`,
)

/** A support question with one message by its asker and one by support staff. */
async function ticket() {
  const asker = await registerUser(t)
  const q = await rest(t.url, '/api/support/ask', { category: 1, question: 'a private matter' }, { token: asker.token })
  expect(q.status, JSON.stringify(q.body)).toBe(200)
  const channel = `support/${q.body.id}`
  const askerMsg = await say(t, asker.token, channel, 'here are my details')
  const staffMsg = await say(t, staff.token, channel, 'thank you, we are on it')
  return { asker, ticketId: q.body.id as number, channel, askerMsg, staffMsg }
}

/** Everything a caller learns from one accusation attempt: the GraphQL answer, and the peka2 REST answer. */
async function answers(token: string, userId: number, reasonId: number, messageId: number) {
  const g = await gql(t.url, ACCUSE, { u: userId, r: reasonId, d: { messageId } }, token)
  const r = await rest(t.url, '/api/moderation/accuse', { userId, reasonId, data: { messageId } }, { token })
  return { graphql: { status: g.status, data: g.data, errors: g.errors }, rest: { status: r.status, body: r.body } }
}

describe('accusing with a support message', () => {
  it('support staff guessing who asked get one answer for every user id, and nothing is recorded', async () => {
    const { asker, askerMsg, staffMsg } = await ticket()
    const other = await registerUser(t)
    // an accusation of the asker that exists already (without a message): a repeat must not answer DUPLICATE_ACCUSATION
    expect((await gql(t.url, ACCUSE, { u: asker.id, r: REASON.flood }, staff.token)).data!.accuseUser).toBe(true)
    const votesBefore = await db().banVote.count()

    const guesses = [
      await answers(staff.token, asker.id, REASON.spam, askerMsg), // the asker: the message is theirs
      await answers(staff.token, asker.id, REASON.flood, askerMsg), // the asker, already accused for this reason
      await answers(staff.token, other.id, REASON.spam, askerMsg), // someone else
      await answers(staff.token, 99_999_999, REASON.spam, askerMsg), // nobody
      await answers(staff.token, staff.id, REASON.spam, askerMsg), // the caller
    ]
    expect(guesses[0].graphql.errors?.[0]).toMatchObject({
      message: 'data.messageId: support conversations cannot be accused',
      extensions: { code: 'INSUFFICIENT_PERMISSIONS', field: 'data.messageId' },
    })
    expect(guesses[0].rest).toEqual({
      status: 500,
      body: { message: 'data.messageId: support conversations cannot be accused' },
    })
    for (const g of guesses) expect(g).toEqual(guesses[0])

    // the asker gets the same refusal for support's messages in their own conversation
    expect(await answers(asker.token, staff.id, REASON.spam, staffMsg)).toEqual(guesses[0])
    expect(await answers(asker.token, other.id, REASON.spam, staffMsg)).toEqual(guesses[0])

    // someone outside the conversation cannot read the message: "not found", whoever they name
    const stranger = await registerUser(t)
    const outside = [
      await answers(stranger.token, asker.id, REASON.spam, askerMsg),
      await answers(stranger.token, other.id, REASON.spam, askerMsg),
      await answers(stranger.token, asker.id, REASON.spam, 99_999_999),
    ]
    expect(outside[0].graphql.errors?.[0]?.extensions?.code).toBe('MESSAGE_NOT_FOUND')
    for (const o of outside) expect(o).toEqual(outside[0])

    expect(await db().banVote.count()).toBe(votesBefore)
    expect(await db().banVote.count({ where: { messageId: { in: [askerMsg, staffMsg] } } })).toBe(0)
  })
})

graphql(`fragment AnonymousAuditEntry on ModerationAuditEntry {
  id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time
}`)
// the entry's fields written out: a fragment spread here would count as one more level against the depth limit
const AUDIT = graphql(`query AnonymousAudit($actor: Int, $target: Int, $channel: String, $first: Int) {
  moderationAudit(actorId: $actor, targetUserId: $target, channel: $channel, first: $first) { edges { node {
    id databaseId action actorId actorName actor { databaseId name } targetUserId targetName target { databaseId name } reasonId channel banId complaintId ticketId messageId data time
  } } }
}`)
const audit = async (vars: AnonymousAuditQueryVariables = {}) => {
  const r = await gql(t.url, AUDIT, { first: 100, ...vars }, moderator.token)
  expect(r.errors).toBeUndefined()
  return r.data!.moderationAudit.edges.map((e) => e.node)
}

/** Fails when a payload names the asker (id or name) or a support channel. */
function expectAnonymous(payload: unknown, asker: TestUser) {
  const text = JSON.stringify(payload)
  expect(text).not.toContain(asker.name)
  expect(text).not.toContain('support/')
  const ids: unknown[] = []
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk)
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (['actorId', 'targetUserId'].includes(k)) ids.push(v)
        if (['actor', 'target'].includes(k) && v) ids.push((v as { databaseId: number }).databaseId)
        walk(v)
      }
    }
  }
  walk(payload)
  expect(ids).not.toContain(asker.id)
}

describe('the audit log of support conversations', () => {
  it('names neither the asker nor the conversation: query, filters, node lookup and live feed', async () => {
    const feed = await live(
      t,
      moderator.token,
      graphql(`subscription AnonymousAuditLive { moderationAuditEvents { ...AnonymousAuditEntry } }`),
    )
    const { asker, ticketId, channel, askerMsg, staffMsg } = await ticket()
    // Entries as an accusation of a support message wrote them before it was refused: support accusing the asker, the
    // asker accusing support.
    const legacy = [
      await db().moderationAudit.create({
        data: {
          action: 'ACCUSE',
          actorId: staff.id,
          targetUserId: asker.id,
          reasonId: REASON.spam,
          channel,
          messageId: askerMsg,
          data: { weight: 2 },
        },
      }),
      await db().moderationAudit.create({
        data: {
          action: 'ACCUSE',
          actorId: asker.id,
          targetUserId: staff.id,
          reasonId: REASON.spam,
          channel,
          messageId: staffMsg,
          data: { weight: 2 },
        },
      }),
    ]
    // what happens now: refused accusations (nothing recorded), a support ban of the question (recorded), then a
    // plain accusation elsewhere that closes the feed's window
    await gql(t.url, ACCUSE, { u: asker.id, r: REASON.spam, d: { messageId: askerMsg } }, staff.token)
    await gql(t.url, ACCUSE, { u: staff.id, r: REASON.spam, d: { messageId: staffMsg } }, asker.token)
    expect((await rest(t.url, '/api/support/ban', { questionId: ticketId }, { token: staff.token })).status).toBe(200)
    const [voter, last] = [await registerUser(t), await registerUser(t)]
    expect((await gql(t.url, ACCUSE, { u: last.id, r: REASON.spam }, voter.token)).data!.accuseUser).toBe(true)

    const events: any[] = []
    for (;;) {
      const e = (await feed.next()).moderationAuditEvents
      events.push(e)
      if (e.action === 'ACCUSE' && e.targetUserId === last.id) break
    }
    await feed.close()
    expect(events.map((e) => e.action)).toEqual(['SUPPORT_BAN', 'ACCUSE'])
    expect(events[0]).toMatchObject({ actorId: staff.id, ticketId, targetUserId: null, channel: null })
    expectAnonymous(events, asker)

    const all = await audit()
    expectAnonymous(all, asker)
    const [byStaff, byAsker] = legacy.map((row) => all.find((e) => e.databaseId === row.id)!)
    // the staff member stays accountable; everything that would point at the asker is gone
    expect(byStaff).toMatchObject({
      action: 'ACCUSE',
      actorId: staff.id,
      actorName: staff.name,
      targetUserId: null,
      targetName: null,
      target: null,
      channel: null,
      messageId: null,
    })
    expect(byAsker).toMatchObject({
      action: 'ACCUSE',
      actorId: null,
      actorName: null,
      actor: null,
      channel: null,
      messageId: null,
      targetUserId: null,
    })

    // filters cannot single the entries out either
    const ids = (rows: { databaseId: number }[]) => rows.map((e) => e.databaseId)
    expect(ids(await audit({ target: asker.id }))).toEqual([])
    expect(ids(await audit({ actor: asker.id }))).toEqual([])
    expect(ids(await audit({ channel }))).toEqual([])
    expect(ids(await audit({ target: staff.id }))).not.toContain(legacy[1].id)
    expect(ids(await audit({ actor: staff.id }))).not.toContain(legacy[0].id)

    // nor a node lookup
    const nodes = await gql(
      t.url,
      graphql(
        `query AnonymousAuditNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on ModerationAuditEntry { ...AnonymousAuditEntry } } }`,
      ),
      { ids: [byStaff.id, byAsker.id] },
      moderator.token,
    )
    expect(nodes.errors).toBeUndefined()
    expect(nodes.data!.nodes.map((n) => n && 'databaseId' in n && n.databaseId)).toEqual(legacy.map((r) => r.id))
    expectAnonymous(nodes.data, asker)
  })
})

describe('support channels exist only for those who may read them', () => {
  it('a guest, a stranger and a moderator get the same answer for a real question as for none, on every path', async () => {
    const { channel } = await ticket()
    const none = 'support/99999999'
    const stranger = await registerUser(t)
    const READ = graphql(`query SupportChannelRead($c: String!) { chatChannel(id: $c) { id } }`)
    const HISTORY = graphql(`query SupportChannelHistory($c: String!) { chatHistory(channel: $c) { text } }`)
    const SEND = graphql(
      `mutation SupportChannelSend($c: String!) { sendChatMessage(input: { channel: $c, text: "hello?" }) { isSent } }`,
    )
    const TYPING = graphql(`mutation SupportChannelTyping($c: String!) { sendChatTyping(channel: $c) }`)
    const CHANNELS = graphql(
      `query ChatChannelsSupportAnonymity($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount } } }`,
    )
    const answer = async (token: string | undefined, c: string) => {
      const out = []
      out.push((await gql(t.url, READ, { c }, token)).errors)
      out.push((await gql(t.url, HISTORY, { c }, token)).errors)
      if (token)
        out.push((await gql(t.url, SEND, { c }, token)).errors, (await gql(t.url, TYPING, { c }, token)).errors)
      out.push((await gql(t.url, CHANNELS, { ids: [c] }, token)).errors)
      out.push((await rest(t.url, '/api/channel/data', { channels: [c] }, { token })).body)
      return JSON.stringify(out).replaceAll(c, '<channel>')
    }
    for (const token of [undefined, stranger.token, moderator.token]) {
      const real = await answer(token, channel)
      expect(real).toContain('CHANNEL_NOT_FOUND')
      expect(real).not.toContain('INSUFFICIENT_PERMISSIONS')
      expect(real).toBe(await answer(token, none))
    }
    // the asker and support staff still see it
    expect((await gql(t.url, CHANNELS, { ids: [channel] }, staff.token)).data!.chatChannels).toEqual([
      { id: channel, name: expect.stringContaining('#'), presence: { amount: 0 } },
    ])
  })
})
