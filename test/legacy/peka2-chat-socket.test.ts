import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { legacyClient, type LegacyClient, type Revision } from '../helpers/legacy-sockets.js'
import { graphql } from '../generated/index.js'

let t: TestApp
const clients: LegacyClient[] = []
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  for (const c of clients) c.close()
  await closeAll(t)
})

const connect = async (revision: Revision, opts?: { path?: string; transports?: string[] }) => {
  const c = await legacyClient(t.url, revision, opts)
  clients.push(c)
  return c
}
const OK = (result: unknown) => ({ status: 'ok', result })
const ERROR = { status: 'error', result: { message: expect.any(String) } }

/** chat.md "Новое сообщение": every field, with its documented type. */
const messageShape = (over: Record<string, unknown>) => ({
  id: expect.any(Number),
  channel: expect.any(String),
  from: { id: expect.any(Number), name: expect.any(String), color: expect.any(Number) },
  to: null,
  text: expect.any(String),
  time: expect.any(Number),
  type: 'message',
  store: { bonuses: [], icon: 0, subscriptions: [] },
  ...over,
})

// The documented example flows (peka2-full/chat-client-examples.md, chat.md) with each protocol revision: socket.io 1–2
// clients speak engine.io 3, current ones 4.
describe.each([2, 4] as const)('peka2 chat socket, socket.io-client %i', (revision) => {
  it('join, login, publish, live message, history with conditions, channel list, removal, leave, logout', async () => {
    const channel = `stream/${(await registerUser(t)).id}`
    const guest = await connect(revision)
    expect(await guest.ask('/chat/join', { channel })).toEqual(OK({}))

    const author = await registerUser(t)
    const other = await registerUser(t)
    const socket = await connect(revision)
    expect(await socket.ask('/chat/login', { token: author.token })).toEqual(OK({}))
    const sent = await socket.ask('/chat/publish', {
      channel,
      from: { id: author.id, name: author.name },
      to: { id: other.id, name: other.name },
      text: '[b]hello[/b] peka',
    })
    expect(sent).toEqual(OK({ id: expect.any(Number) }))
    const id: number = sent.result.id

    const live = await guest.next('/chat/message')
    expect(live).toEqual(
      messageShape({
        id,
        channel,
        from: { id: author.id, name: author.name, color: expect.any(Number) },
        to: { id: other.id, name: other.name, color: expect.any(Number) },
        text: '[b]hello[/b] peka',
      }),
    )
    expect(Math.abs(live.time * 1000 - Date.now())).toBeLessThan(60_000)

    // a second message by someone else, then history filtered to the author's messages (chat.md's first example)
    const second = await connect(revision)
    await second.ask('/chat/login', { token: other.token })
    expect((await second.ask('/chat/publish', { channel, text: 'second' })).status).toBe('ok')
    expect((await guest.next('/chat/message')).text).toBe('second')
    const all = await guest.ask('/chat/history', { channel, amount: 10 })
    expect(all.status).toBe('ok')
    expect(all.result.map((m: { text: string }) => m.text)).toEqual(['second', '[b]hello[/b] peka'])
    expect(all.result[1]).toEqual(live)
    const query = {
      conditions: [],
      groups: [
        {
          conditions: [{ field: 'from', operation: '=', value: [String(author.id)], glue: 'or' }],
          groups: [],
          glue: 'and',
        },
      ],
      glue: 'and',
    }
    const mine = await guest.ask('/chat/history', { channel, amount: 10, query })
    expect(mine).toEqual(OK([live]))

    // who is in the channel: the guest's session; the author once joined
    expect(await guest.ask('/chat/channel/list', { channel })).toEqual(OK({ amount: 1, users: [] }))
    expect(await socket.ask('/chat/join', { channel })).toEqual(OK({}))
    await until(async () => (await guest.ask('/chat/channel/list', { channel })).result.amount === 2)
    expect((await guest.ask('/chat/channel/list', { channel })).result.users).toEqual([author.id])

    // the author removes their message over GraphQL: the socket hears of it
    const removed = await gql(
      t.url,
      graphql(`mutation RemoveOwn($id: Int!) { removeChatMessage(id: $id) }`),
      { id },
      author.token,
    )
    expect(removed.errors).toBeUndefined()
    expect(await guest.next('/chat/message/remove')).toEqual({
      id,
      channel,
      reason: expect.any(String),
      data: expect.any(Object),
    })

    // after leaving, nothing more arrives
    expect(await guest.ask('/chat/leave', { channel })).toEqual(OK({}))
    await socket.ask('/chat/publish', { channel, text: 'after leave' })
    expect((await socket.next('/chat/message')).text).toBe('after leave')
    expect(await guest.nothingWithin('/chat/message', 300)).toBe(true)

    // logout: publishing needs a login again
    expect(await socket.ask('/chat/logout')).toEqual(OK({}))
    expect(await socket.ask('/chat/publish', { channel, text: 'x' })).toEqual(ERROR)
  })

  it('refusals are acknowledged as errors with a message', async () => {
    const guest = await connect(revision)
    expect(await guest.ask('/chat/publish', { channel: 'main', text: 'hi' })).toEqual(ERROR)
    expect(await guest.ask('/chat/login', { token: 'not-a-token' })).toEqual(ERROR)
    expect(await guest.ask('/chat/join', { channel: 'nosuchkind/1' })).toEqual(ERROR)
    expect(await guest.ask('/chat/history', { channel: 'main', amount: 'ten' })).toEqual({
      status: 'error',
      result: { message: expect.stringContaining('amount') },
    })
    // a private channel of others cannot be joined or read
    const [a, b] = [await registerUser(t), await registerUser(t)]
    const priv = `private/${Math.min(a.id, b.id)}/${Math.max(a.id, b.id)}`
    expect(await guest.ask('/chat/join', { channel: priv })).toEqual(ERROR)
    expect(await guest.ask('/chat/history', { channel: priv, amount: 5 })).toEqual(ERROR)
    // a null token (the Node.js example) stays a guest
    expect(await guest.ask('/chat/login', { token: null })).toEqual(OK({}))
    expect(await guest.ask('/chat/logout')).toEqual(ERROR)
  })

  it('/notifier/message brings the signed-in user’s notifications, and stops after logout', async () => {
    const streamer = await registerUser(t)
    const fan = await registerUser(t)
    const socket = await connect(revision)
    expect(await socket.ask('/chat/login', { token: streamer.token })).toEqual(OK({}))
    await t.app.services.pubsub.ready()
    const follow = graphql(`mutation FollowStream($id: Int!) { follow(content: STREAM, id: $id) }`)
    expect((await gql(t.url, follow, { id: streamer.id }, fan.token)).errors).toBeUndefined()
    expect(await socket.next('/notifier/message')).toEqual({
      userId: streamer.id,
      sid: '',
      channel: '',
      type: 'subscriber',
      data: { userId: fan.id, name: fan.name },
    })
    await socket.ask('/chat/logout')
    const unfollow = graphql(`mutation UnfollowStream($id: Int!) { unfollow(content: STREAM, id: $id) }`)
    await gql(t.url, unfollow, { id: streamer.id }, fan.token)
    await gql(t.url, follow, { id: streamer.id }, fan.token)
    expect(await socket.nothingWithin('/notifier/message', 300)).toBe(true)
  })
})

describe('peka2 chat socket, as the other documented clients connect', () => {
  it('socket.io’s default path and long-polling (Node.js example), a JSON text payload (C# example)', async () => {
    const polling = await connect(2, { path: '/socket.io/', transports: ['polling'] })
    expect(await polling.ask('/chat/login', { token: null })).toEqual(OK({}))
    expect(await polling.ask('/chat/join', JSON.stringify({ channel: 'main' }))).toEqual(OK({}))
    const u = await registerUser(t)
    const writer = await connect(4, { path: '/socket.io/' })
    await writer.ask('/chat/login', { token: u.token })
    await writer.ask('/chat/publish', { channel: 'main', text: 'to the main channel' })
    expect((await polling.next('/chat/message')).text).toBe('to the main channel')
  })

  it('GraphQL and the REST shim still answer next to the sockets', async () => {
    const r = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(await r.json()).toEqual({ data: { __typename: 'Query' } })
    expect((await fetch(`${t.url}/?EIO=9&transport=polling`)).status).not.toBe(200)
  })
})
