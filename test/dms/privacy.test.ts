// A conversation's messages reach its two users and nobody else: not staff through any read path, not the logs; the
// one way staff see a DM is a report of it, and then that message alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw } from '../helpers/clients.js'
import { grantRoles, registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { createLogger } from '../../src/log.js'
import { channelOf, send, sent } from './dm-support.js'

const lines: string[] = []
let t: TestApp
let mod: TestUser
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '1' }, { log: createLogger('debug', (line) => void lines.push(line)) })
  mod = await userWithRoles(t, { moderator: 1, support: 1 })
})
afterAll(() => t.close())

const q = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
  gqlRaw(t.url, query, variables, u.token)

describe('privacy of direct messages', () => {
  it('site staff cannot read a conversation: history, node lookups, search, dialogs', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const id = await sent(t, a, b.id, 'between us ocelot')
    const history = await q(mod, `query($c: String!) { chatHistory(channel: $c) { text } }`, {
      c: channelOf(a.id, b.id),
    })
    expect(codeOf(history)).toBe('INSUFFICIENT_PERMISSIONS')
    const node = await q(mod, `query($id: ID!) { node(id: $id) { id } }`, {
      id: Buffer.from(`ChatMessage:${id}`).toString('base64'),
    })
    expect(node.data.node).toBeNull()
    const search = await q(mod, `{ searchChatMessages(text: "ocelot") { message { text } } }`)
    expect(search.data.searchChatMessages).toEqual([])
    const staffSend = await q(mod, `mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent } }`, {
      i: { channel: channelOf(a.id, b.id), text: 'staff here' },
    })
    expect(codeOf(staffSend)).toBe('INSUFFICIENT_PERMISSIONS')
    const remove = await q(mod, `mutation($id: Int!) { removeChatMessage(id: $id) }`, { id })
    expect(codeOf(remove)).toBe('INSUFFICIENT_PERMISSIONS')
  })

  it('a report of a DM shows moderators that message, and a ban made from one freezes no other message', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    await sent(t, a, b.id, 'earlier and private')
    await sent(t, b, a.id, 'my private answer')
    const bad = await sent(t, a, b.id, 'the insult')
    const filed = await q(b, `mutation($m: Int!) { fileComplaint(messageId: $m, text: "rude") { databaseId } }`, {
      m: bad,
    })
    expect(filed.errors).toBeUndefined()
    const list = await q(
      mod,
      `query($c: String) { complaints(channel: $c, first: 10) { edges { node { message { databaseId text } } } } }`,
      {
        c: channelOf(a.id, b.id),
      },
    )
    expect(list.errors).toBeUndefined()
    expect(list.data.complaints.edges.map((e: any) => e.node.message)).toEqual([
      { databaseId: bad, text: 'the insult' },
    ])
    // a citizen accusing on it: the ban carries the accused message only, none of the conversation around it
    await grantRoles(t, b.id, { citizen: 1 })
    const accused = await q(b, `mutation($u: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: 3, data: $d) }`, {
      u: a.id,
      d: { messageId: bad },
    })
    expect(accused.errors, JSON.stringify(accused.errors)).toBeUndefined()
    const bans = await q(
      mod,
      `query($u: Int) { bans(userId: $u, first: 5) { edges { node { messages { messageId text } } } } }`,
      {
        u: a.id,
      },
    )
    expect(bans.errors, JSON.stringify(bans.errors)).toBeUndefined()
    expect(bans.data.bans.edges[0].node.messages).toEqual([{ messageId: bad, text: 'the insult' }])
  })

  it('message texts never reach the log, sent or refused', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    lines.length = 0
    await sent(t, a, b.id, 'log-canary-one')
    await send(t, a, b.id, `log-canary-two ${'x'.repeat(2100)}`)
    await q(a, `mutation($i: SendDirectMessageInput!) { sendDirectMessage(input: $i) { isSent } }`, {
      i: { to: 'not-an-int', text: 'log-canary-three' },
    })
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.filter((l) => l.includes('log-canary'))).toEqual([])
  })
})
