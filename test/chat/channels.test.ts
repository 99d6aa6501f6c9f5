// Channel ids and access rules (chat.md "Каналы чата") through GraphQL, graphql-ws and the peka2 REST route
// /api/channel/data (common.md); /api/channel/private is the dms plugin's (test/dms/peka2.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { countMessages, send, sendRaw, subscribeOnce } from './support.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let alice: TestUser, bob: TestUser, carol: TestUser, mod: TestUser, sup: TestUser
let priv: string
beforeAll(async () => {
  t = await startTestApp()
  ;[alice, bob, carol, mod, sup] = await Promise.all([
    registerUser(t),
    registerUser(t),
    registerUser(t),
    userWithRoles(t, { moderator: 1 }),
    userWithRoles(t, { support: 1 }),
  ])
  priv = `private/${Math.min(alice.id, bob.id)}/${Math.max(alice.id, bob.id)}`
})
afterAll(() => closeAll(t))

const CHANNEL = graphql(
  `query ChatChannel($id: String!) { chatChannel(id: $id) { id name ownerId messages(first: 5) { edges { node { text } } } } }`,
)
const HISTORY = graphql(`query ChatHistoryChannels($c: String!) { chatHistory(channel: $c, limit: 5) { text } }`)
const read = (id: string, token?: string) => gql(t.url, CHANNEL, { id }, token)
const SEND_ID = graphql(
  `mutation SendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { id } } }`,
)

describe('channel ids', () => {
  it('refuses malformed and unknown ids with CHANNEL_NOT_FOUND, on every path, writing nothing', async () => {
    const before = await countMessages(t)
    const bad = [
      '',
      'nope',
      'Main',
      'main/1',
      'admin/x',
      'stream',
      'stream/abc',
      'stream/0',
      'stream/01',
      'stream/1/2',
      'stream/99999999',
      'stream/2147483648',
      'stream/99999999999',
      'stream/-1',
      'stream/1.5',
      'private',
      `private/${alice.id}`,
      `private/${Math.max(alice.id, bob.id)}/${Math.min(alice.id, bob.id)}`,
      `private/${alice.id}/99999999`,
      `private/${alice.id}/${bob.id}/1`,
      `private/${alice.id}/9999999999`,
      'twitch.tv/abc',
      'goodgame.ru/99999999',
      'x'.repeat(200),
    ]
    for (const id of bad) {
      const r = await read(id, mod.token)
      expect(codeOf(r), `chatChannel(${id})`).toBe('CHANNEL_NOT_FOUND')
      expect(r.errors![0].extensions!.field).toBe('id')
      expect(codeOf(await gql(t.url, HISTORY, { c: id }, mod.token)), `chatHistory(${id})`).toBe('CHANNEL_NOT_FOUND')
      const s = await sendRaw(t, mod.token, { channel: id, text: 'hi' })
      expect(codeOf(s), `send(${id})`).toBe('CHANNEL_NOT_FOUND')
      expect(s.errors![0].extensions!.field).toBe('channel')
    }
    // the same answer over graphql-ws for a couple of them
    for (const id of ['nope', 'stream/abc']) {
      const ev = await subscribeOnce(t, alice.token, id)
      expect(ev.errors?.[0]?.extensions?.code ?? ev.error?.[0]?.extensions?.code, `chatEvents(${id})`).toBe(
        'CHANNEL_NOT_FOUND',
      )
    }
    expect(await countMessages(t)).toBe(before)
  })

  it('names channels and owners: main, stream/<id> (owned by the streamer), private', async () => {
    const main = await read('main')
    expect(main.data!.chatChannel).toMatchObject({ id: 'main', name: 'Main', ownerId: null })
    const stream = await read(`stream/${alice.id}`)
    expect(stream.data!.chatChannel).toMatchObject({ id: `stream/${alice.id}`, name: alice.name, ownerId: alice.id })
    expect((await read(priv, alice.token)).data!.chatChannel).toMatchObject({ id: priv, ownerId: null })
  })
})

describe('access rules', () => {
  it('main: anyone reads (anonymous too), logged-in users write, anonymous cannot', async () => {
    await send(t, alice.token, { channel: 'main', text: 'main for all' })
    expect((await read('main')).data!.chatChannel.messages.edges[0].node.text).toBe('main for all')
    const before = await countMessages(t)
    expect(codeOf(await sendRaw(t, undefined, { channel: 'main', text: 'anon' }))).toBe('UNAUTHENTICATED')
    expect(await countMessages(t)).toBe(before)
  })

  it('admin: only moderators and support read and write it', async () => {
    const m = await send(t, mod.token, { channel: 'admin', text: 'staff only' })
    await send(t, sup.token, { channel: 'admin', text: 'support here' })
    expect((await read('admin', sup.token)).data!.chatChannel.messages.edges.map((e: any) => e.node.text)).toEqual([
      'support here',
      'staff only',
    ])
    expect((await gql(t.url, HISTORY, { c: 'admin' }, mod.token)).data!.chatHistory).toHaveLength(2)

    const before = await countMessages(t)
    expect(codeOf(await read('admin', alice.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await read('admin'))).toBe('UNAUTHENTICATED')
    expect(codeOf(await gql(t.url, HISTORY, { c: 'admin' }, alice.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await sendRaw(t, alice.token, { channel: 'admin', text: 'let me in' }))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    const ev = await subscribeOnce(t, alice.token, 'admin')
    expect(ev.errors?.[0]?.extensions?.code ?? ev.error?.[0]?.extensions?.code).toBe('INSUFFICIENT_PERMISSIONS')
    // nor by reacting to a message found some other way
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation AddChatReactionChannels($id: Int!) { addChatReaction(id: $id, emoji: "👀") { emoji } }`),
          { id: m.databaseId },
          alice.token,
        ),
      ),
    ).toBe('INSUFFICIENT_PERMISSIONS')
    expect(await countMessages(t)).toBe(before)
    expect(await t.app.services.prisma.chatReaction.count({ where: { messageId: m.databaseId } })).toBe(0)
  })

  it('all: a read-only stream — nobody writes to it, not even a moderator', async () => {
    const before = await countMessages(t)
    for (const u of [alice, mod])
      expect(codeOf(await sendRaw(t, u.token, { channel: 'all', text: 'into all' }))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(await countMessages(t)).toBe(before)
    expect((await read('all')).errors).toBeUndefined()
  })

  it('system: readable, but users do not post into it', async () => {
    const before = await countMessages(t)
    expect(codeOf(await sendRaw(t, alice.token, { channel: 'system', text: 'sys' }))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(await countMessages(t)).toBe(before)
    expect((await read('system')).errors).toBeUndefined()
  })

  it('stream/<id>: anyone reads, logged-in users write', async () => {
    await send(t, bob.token, { channel: `stream/${alice.id}`, text: 'hi streamer' })
    expect((await read(`stream/${alice.id}`)).data!.chatChannel.messages.edges[0].node.text).toBe('hi streamer')
  })

  it('private/<a>/<b>: only those two read, write or subscribe', async () => {
    const first = await gql(t.url, SEND_ID, { i: { channel: priv, text: 'just us' } }, alice.token)
    const globalId = first.data!.sendChatMessage.message!.id
    await send(t, bob.token, { channel: priv, text: 'yes' })
    expect((await read(priv, bob.token)).data!.chatChannel.messages.edges.map((e: any) => e.node.text)).toEqual([
      'yes',
      'just us',
    ])
    const before = await countMessages(t)
    for (const u of [carol, mod, sup]) {
      expect(codeOf(await read(priv, u.token)), u.name).toBe('INSUFFICIENT_PERMISSIONS')
      expect(codeOf(await gql(t.url, HISTORY, { c: priv }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
      expect(codeOf(await sendRaw(t, u.token, { channel: priv, text: 'intrude' }))).toBe('INSUFFICIENT_PERMISSIONS')
    }
    expect(codeOf(await read(priv))).toBe('UNAUTHENTICATED')
    // nor by the message's global id (Relay node)
    const NODE = graphql(`query Node($id: ID!) { node(id: $id) { ... on ChatMessage { text } } }`)
    expect((await gql(t.url, NODE, { id: globalId }, bob.token)).data!.node).toEqual({ text: 'just us' })
    expect((await gql(t.url, NODE, { id: globalId }, carol.token)).data!.node).toBeNull()
    expect((await gql(t.url, NODE, { id: globalId })).data!.node).toBeNull()
    const ev = await subscribeOnce(t, carol.token, priv)
    expect(ev.errors?.[0]?.extensions?.code ?? ev.error?.[0]?.extensions?.code).toBe('INSUFFICIENT_PERMISSIONS')
    expect(await countMessages(t)).toBe(before)
  })
})

describe('REST /api/channel/data', () => {
  it('answers the documented shape for every id, in order', async () => {
    const r = await rest(
      t.url,
      '/api/channel/data',
      { channels: ['main', `stream/${alice.id}`, priv] },
      { token: alice.token },
    )
    expect(r.status).toBe(200)
    expect(r.body).toEqual([
      { id: 'main', name: 'Main', user: null },
      {
        id: `stream/${alice.id}`,
        name: alice.name,
        user: { id: alice.id, name: alice.name, slug: expect.any(String) },
      },
      { id: priv, name: 'Private', user: null },
    ])
    expect((await rest(t.url, '/api/channel/data', { channels: ['admin'] }, { token: sup.token })).body).toEqual([
      { id: 'admin', name: 'Admin', user: null },
    ])
  })

  it("a channel the caller may not read is answered as one that does not exist, in REST and GraphQL (chatChannel's read rule)", async () => {
    const CHANNELS = graphql(
      `query ChatChannels2($ids: [String!]!) { chatChannels(ids: $ids) { id name presence { amount users } } }`,
    )
    // a private channel of two users that do not exist: the answer of "no such channel"
    const none = 'private/99999998/99999999'
    const answers = async (id: string, token?: string) => {
      const g = await gql(t.url, CHANNELS, { ids: ['main', id] }, token)
      const r = await rest(t.url, '/api/channel/data', { channels: ['main', id] }, { token })
      return JSON.stringify({ data: g.data ?? null, errors: g.errors, status: r.status, body: r.body }).replaceAll(
        id,
        '<id>',
      )
    }
    const missing = await answers(none)
    expect(missing).toContain('CHANNEL_NOT_FOUND')
    for (const [id, token] of [
      [priv, undefined],
      [priv, carol.token],
      ['admin', undefined],
      ['admin', alice.token],
    ] as const) {
      expect(await answers(id, token), `${id} for ${token ? 'a user' : 'a guest'}`).toBe(missing)
    }
    // readers get it, presence included
    const ok = await gql(t.url, CHANNELS, { ids: [priv] }, bob.token)
    expect(ok.data!.chatChannels).toEqual([{ id: priv, name: 'Private', presence: { amount: 0, users: [] } }])
    expect((await gql(t.url, CHANNELS, { ids: ['admin'] }, mod.token)).data!.chatChannels).toEqual([
      { id: 'admin', name: 'Admin', presence: { amount: 0, users: [] } },
    ])
  })

  it('errors (HTTP 500 {message}) on an empty or missing list; an id it cannot resolve is left out', async () => {
    for (const body of [{ channels: [] }, {}]) {
      const r = await rest(t.url, '/api/channel/data', body)
      expect(r.status, JSON.stringify(body)).toBe(500)
      expect(Object.keys(r.body)).toEqual(['message'])
      expect(r.body.message).toEqual(expect.any(String))
    }
    for (const bad of ['stream/abc', 'nope']) {
      const r = await rest(t.url, '/api/channel/data', { channels: ['main', bad] })
      expect(r).toMatchObject({ status: 200, body: [{ id: 'main', name: 'Main', user: null }] })
    }
    expect(await rest(t.url, '/api/channel/data', { channels: ['stream/abc'] })).toMatchObject({
      status: 200,
      body: [],
    })
  })
})
