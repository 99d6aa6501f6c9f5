// Two instances on one database and one Redis (as behind a load balancer): what is published on A reaches
// subscribers on B, presence is one picture across both, and a socket dying on A is seen from B.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { WAIT, live, presence, rawSocket, send } from './support.js'
import { graphql } from '../generated/index.js'

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)

describe.runIf(!!process.env.TEST_REDIS_URL)('two instances on one Redis', () => {
  let a: TestApp, b: TestApp
  let alice: TestUser, bob: TestUser, carol: TestUser
  beforeAll(async () => {
    // instances behind one load balancer share the session secret: a token from A is valid on B
    const env = { SESSION_SECRET: randomBytes(32).toString('hex') }
    a = await startTestApp(env)
    b = await startTestApp(env, { share: a })
    ;[alice, bob, carol] = await Promise.all([registerUser(a), registerUser(b), registerUser(a)])
  })
  afterAll(async () => {
    await closeAll(b, a)
  })

  it('publish on A, receive on B (the channel and the `all` stream); edits and removals follow', async () => {
    const onB = await live(b, bob.token, 'main')
    const allOnB = await live(b, undefined, 'all')
    try {
      const m = await send(a, alice.token, { channel: 'main', text: 'from A [i]with love[/i]' })
      expect(await onB.next('ChatMessageAdded')).toMatchObject({
        channel: 'main',
        message: { databaseId: m.databaseId, text: 'from A [i]with love[/i]', from: { databaseId: alice.id } },
      })
      expect((await allOnB.next('ChatMessageAdded')).message.databaseId).toBe(m.databaseId)
      await gql(
        a.url,
        graphql(`mutation EditChatMessage($id: Int!) { editChatMessage(id: $id, text: "edited on A") { databaseId } }`),
        { id: m.databaseId },
        alice.token,
      )
      expect((await onB.next('ChatMessageEdited')).message.text).toBe('edited on A')
      await gql(
        a.url,
        graphql(`mutation RemoveChatMessageCluster($id: Int!) { removeChatMessage(id: $id, reason: "oops") }`),
        { id: m.databaseId },
        alice.token,
      )
      expect(await onB.next('ChatMessageRemoved')).toMatchObject({ messageId: m.databaseId, reason: 'oops' })
      // and the other way round, with history read back on A
      const back = await send(b, bob.token, { channel: 'main', text: 'from B' })
      expect((await onB.next('ChatMessageAdded')).message.databaseId).toBe(back.databaseId)
      const h = await gql(
        a.url,
        graphql(`query ChatHistoryCluster { chatHistory(channel: "main", limit: 1) { databaseId } }`),
      )
      expect(h.data!.chatHistory[0].databaseId).toBe(back.databaseId)
    } finally {
      await onB.close()
      await allOnB.close()
    }
  })

  it('an ignore added through A filters live delivery on B', async () => {
    const viewer = await registerUser(a)
    const channel = `stream/${carol.id}`
    const onB = await live(b, viewer.token, channel)
    try {
      await gql(
        a.url,
        graphql(`mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }`),
        { i: alice.id },
        viewer.token,
      )
      await send(a, alice.token, { channel, text: 'ignored' })
      await send(a, carol.token, { channel, text: 'heard' })
      expect((await onB.next('ChatMessageAdded')).message.text).toBe('heard')
    } finally {
      await onB.close()
    }
  })

  it('presence is shared: sessions on A are seen from B, and a socket dying on A drops out on B', async () => {
    const streamer = await registerUser(a)
    const channel = `stream/${streamer.id}`
    const psA = a.app.services.pubsub
    const before = psA.listenerCount()
    const aliceSock = await rawSocket(a, alice.token)
    aliceSock.subscribe('p1', channel)
    await until(() => psA.listenerCount() >= before + 2, WAIT, "alice's subscription on A")
    expect(await presence(b, channel)).toEqual({ amount: 1, users: [alice.id] })

    const bobOnB = await live(b, bob.token, channel)
    const anonOnB = await live(b, undefined, channel)
    try {
      const both = await presence(a, channel)
      expect(both.amount).toBe(3)
      expect(both.users).toEqual(sorted([alice.id, bob.id]))
      expect(await presence(b, channel)).toEqual(both)

      // A's socket dies without a goodbye: B's view and B's subscribers follow
      aliceSock.sock.terminate()
      await until(
        async () => (await presence(b, channel)).amount === 2,
        WAIT,
        'presence on B after the socket on A died',
      )
      expect(await presence(b, channel)).toEqual({ amount: 2, users: [bob.id] })
      let ev = await bobOnB.next('ChatPresenceChanged')
      while (ev.users.includes(alice.id)) ev = await bobOnB.next('ChatPresenceChanged')
      expect(ev).toMatchObject({ channel, amount: 2, users: [bob.id] })
    } finally {
      await bobOnB.close()
      await anonOnB.close()
    }
    await until(async () => (await presence(a, channel)).amount === 0, WAIT, 'empty channel')
  })
})
