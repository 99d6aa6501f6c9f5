// Live chat over graphql-ws: every event kind, the read-only `all` stream, live ignore filtering, presence and its
// clean-up when a socket dies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest, until } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { WAIT, countMessages, live, presence, rawSocket, send } from './support.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let alice: TestUser, bob: TestUser, carol: TestUser, mod: TestUser
beforeAll(async () => {
  t = await startTestApp()
  ;[alice, bob, carol, mod] = await Promise.all([
    registerUser(t),
    registerUser(t),
    registerUser(t),
    userWithRoles(t, { moderator: 1 }),
  ])
})
afterAll(() => closeAll(t))

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)

describe('chatEvents', () => {
  it('delivers added, edited, reactions, pin, typing, slow mode and removed events of a channel', async () => {
    const streamer = await registerUser(t)
    const channel = `stream/${streamer.id}`
    const watch = await live(t, carol.token, channel)
    try {
      const m = await send(t, alice.token, { channel, text: '[b]hi[/b]', to: bob.id })
      expect(await watch.next('ChatMessageAdded')).toEqual({
        __typename: 'ChatMessageAdded',
        channel,
        message: {
          databaseId: m.databaseId,
          channel,
          text: '[b]hi[/b]',
          type: 'message',
          from: { databaseId: alice.id, name: alice.name },
          to: { databaseId: bob.id },
          replyToId: null,
        },
      })

      const reply = await send(t, bob.token, { channel, text: 'hello back', replyTo: m.databaseId })
      expect((await watch.next('ChatMessageAdded')).message).toMatchObject({
        databaseId: reply.databaseId,
        replyToId: m.databaseId,
      })

      await gql(
        t.url,
        graphql(
          `mutation EditChatMessageLive($id: Int!) { editChatMessage(id: $id, text: "hi (edited)") { databaseId } }`,
        ),
        { id: m.databaseId },
        alice.token,
      )
      const edited = await watch.next('ChatMessageEdited')
      expect(edited).toMatchObject({
        channel,
        message: { databaseId: m.databaseId, text: 'hi (edited)', editedAt: expect.any(String) },
      })

      await gql(
        t.url,
        graphql(`mutation AddChatReactionLive($id: Int!) { addChatReaction(id: $id, emoji: "❤️") { count } }`),
        { id: m.databaseId },
        bob.token,
      )
      expect(await watch.next('ChatReactionsChanged')).toMatchObject({
        channel,
        messageId: m.databaseId,
        emoji: '❤️',
        added: true,
        user: { databaseId: bob.id },
        reactions: [{ emoji: '❤️', count: 1 }],
      })
      await gql(
        t.url,
        graphql(`mutation RemoveChatReactionLive($id: Int!) { removeChatReaction(id: $id, emoji: "❤️") { count } }`),
        { id: m.databaseId },
        bob.token,
      )
      expect(await watch.next('ChatReactionsChanged')).toMatchObject({
        messageId: m.databaseId,
        emoji: '❤️',
        added: false,
        reactions: [],
      })

      await gql(
        t.url,
        graphql(`mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }`),
        { id: m.databaseId },
        streamer.token,
      )
      expect(await watch.next('ChatPinChanged')).toEqual({
        __typename: 'ChatPinChanged',
        channel,
        pinned: true,
        message: { databaseId: m.databaseId, pinned: true },
      })
      await gql(
        t.url,
        graphql(`mutation UnpinChatMessage($id: Int!) { unpinChatMessage(id: $id) { pinned } }`),
        { id: m.databaseId },
        mod.token,
      )
      expect(await watch.next('ChatPinChanged')).toMatchObject({ pinned: false, message: { pinned: false } })

      // typing: an expiry a few seconds ahead, never stored
      const stored = await countMessages(t)
      const sentAt = Date.now()
      const typed = await gql(
        t.url,
        graphql(`mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }`),
        { c: channel },
        alice.token,
      )
      const typing = await watch.next('ChatTyping')
      expect(typing).toMatchObject({
        channel,
        user: { databaseId: alice.id, name: alice.name },
        expiresAt: typed.data!.sendChatTyping,
      })
      const ahead = new Date(typing.expiresAt).getTime() - sentAt
      expect(ahead).toBeGreaterThanOrEqual(2_000)
      expect(ahead).toBeLessThanOrEqual(15_000)
      expect(await countMessages(t)).toBe(stored)

      await gql(
        t.url,
        graphql(`mutation SetChatSlowMode($c: String!) { setChatSlowMode(channel: $c, seconds: 10) }`),
        { c: channel },
        streamer.token,
      )
      expect(await watch.next('ChatSlowModeChanged')).toEqual({
        __typename: 'ChatSlowModeChanged',
        channel,
        seconds: 10,
      })

      await gql(
        t.url,
        graphql(
          `mutation RemoveChatMessageLive($id: Int!, $d: JSON) { removeChatMessage(id: $id, reason: "ban", data: $d) }`,
        ),
        { id: m.databaseId, d: { banId: 5, reasonId: 2 } },
        streamer.token,
      )
      expect(await watch.next('ChatMessageRemoved')).toEqual({
        __typename: 'ChatMessageRemoved',
        channel,
        messageId: m.databaseId,
        reason: 'ban',
        data: { banId: 5, reasonId: 2 },
      })
    } finally {
      await watch.close()
    }
  })

  it('`all` streams main and stream/* messages, never private or admin ones', async () => {
    const watch = await live(t, carol.token, 'all')
    try {
      const priv = `private/${Math.min(alice.id, bob.id)}/${Math.max(alice.id, bob.id)}`
      await send(t, alice.token, { channel: priv, text: 'secret' })
      await send(t, mod.token, { channel: 'admin', text: 'staff only' })
      const a = await send(t, alice.token, { channel: 'main', text: 'to main' })
      const b = await send(t, bob.token, { channel: `stream/${alice.id}`, text: 'to a stream' })
      // the private and admin messages were published first: had they reached `all`, they would come first
      expect(await watch.next('ChatMessageAdded')).toMatchObject({
        channel: 'main',
        message: { databaseId: a.databaseId, channel: 'main' },
      })
      expect(await watch.next('ChatMessageAdded')).toMatchObject({
        channel: `stream/${alice.id}`,
        message: { databaseId: b.databaseId },
      })
      // other events of public channels follow too
      await gql(
        t.url,
        graphql(`mutation RemoveChatMessage($id: Int!) { removeChatMessage(id: $id) }`),
        { id: a.databaseId },
        alice.token,
      )
      expect(await watch.next('ChatMessageRemoved')).toMatchObject({ channel: 'main', messageId: a.databaseId })
    } finally {
      await watch.close()
    }
  })
})

describe('the chat API other plugins use (plugins/chat/public.ts)', () => {
  it('postSystem and remove publish like the GraphQL mutations do', async () => {
    const api = t.app.api('chat')!
    const watch = await live(t, carol.token, 'main')
    const allWatch = await live(t, undefined, 'all')
    try {
      const m = await send(t, alice.token, { channel: 'main', text: 'rude words' })
      expect((await watch.next('ChatMessageAdded')).message.databaseId).toBe(m.databaseId)
      const notice = await api.postSystem('main', `${alice.name} was banned`, {
        toId: alice.id,
        replyToId: m.databaseId,
      })
      expect(notice).toMatchObject({
        channel: 'main',
        type: 'system',
        from: null,
        to: { id: alice.id },
        replyToId: m.databaseId,
      })
      expect(await watch.next('ChatMessageAdded')).toMatchObject({
        message: {
          databaseId: notice.id,
          type: 'system',
          from: null,
          to: { databaseId: alice.id },
          replyToId: m.databaseId,
        },
      })
      await api.remove([m.databaseId], 'ban', { banId: 9, reasonId: 1 })
      expect(await watch.next('ChatMessageRemoved')).toEqual({
        __typename: 'ChatMessageRemoved',
        channel: 'main',
        messageId: m.databaseId,
        reason: 'ban',
        data: { banId: 9, reasonId: 1 },
      })
      expect(
        (await t.app.services.prisma.chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })).deleteReason,
      ).toBe('ban')
      // `all` saw the same sequence
      expect((await allWatch.next('ChatMessageAdded')).message.databaseId).toBe(m.databaseId)
      expect((await allWatch.next('ChatMessageAdded')).message.databaseId).toBe(notice.id)
      expect((await allWatch.next('ChatMessageRemoved')).messageId).toBe(m.databaseId)
    } finally {
      await watch.close()
      await allWatch.close()
    }
  })
})

describe('ignored users, live', () => {
  it('are filtered out for the viewer who ignores them, also when the ignore is added while subscribed', async () => {
    const viewer = await registerUser(t)
    const channel = `stream/${carol.id}`
    const watch = await live(t, viewer.token, channel)
    const other = await live(t, mod.token, channel)
    try {
      await send(t, alice.token, { channel, text: 'before the ignore' })
      expect((await watch.next('ChatMessageAdded')).message.text).toBe('before the ignore')

      // alice through GraphQL, bob through the legacy REST route — both while subscribed
      await gql(
        t.url,
        graphql(`mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }`),
        { i: alice.id },
        viewer.token,
      )
      await rest(t.url, '/api/ignore/add', { content: 'chat', item: bob.id }, { token: viewer.token })
      const hidden = await send(t, alice.token, { channel, text: 'ignored by viewer' })
      await send(t, bob.token, { channel, text: 'also ignored' })
      await gql(
        t.url,
        graphql(`mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }`),
        { c: channel },
        alice.token,
      )
      await gql(
        t.url,
        graphql(`mutation AddChatReactionLive2($id: Int!) { addChatReaction(id: $id, emoji: "👍") { count } }`),
        { id: hidden.databaseId },
        bob.token,
      )
      await send(t, carol.token, { channel, text: 'visible' })
      await gql(
        t.url,
        graphql(`mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }`),
        { c: channel },
        carol.token,
      )
      // had anything of alice or bob come through, it would be first in line
      expect((await watch.next('ChatMessageAdded')).message.text).toBe('visible')
      expect((await watch.next('ChatTyping')).user.databaseId).toBe(carol.id)
      // someone who ignores nobody saw everything
      expect((await other.next('ChatMessageAdded')).message.text).toBe('before the ignore')
      expect((await other.next('ChatMessageAdded')).message.text).toBe('ignored by viewer')
      expect((await other.next('ChatMessageAdded')).message.text).toBe('also ignored')
      expect((await other.next('ChatReactionsChanged')).user.databaseId).toBe(bob.id)

      await gql(
        t.url,
        graphql(`mutation Unignore($i: Int!) { unignore(content: CHAT, item: $i) }`),
        { i: alice.id },
        viewer.token,
      )
      await send(t, alice.token, { channel, text: 'heard again' })
      expect((await watch.next('ChatMessageAdded')).message.text).toBe('heard again')
    } finally {
      await watch.close()
      await other.close()
    }
  })
})

describe('presence', () => {
  it('counts people (a user once however many tabs, each guest), and cleans up on unsubscribe and when a socket dies', async () => {
    const streamer = await registerUser(t)
    const channel = `stream/${streamer.id}`
    const ps = t.app.services.pubsub
    const baseline = ps.listenerCount()
    expect(await presence(t, channel)).toEqual({ amount: 0, users: [] })

    const tab1 = await live(t, alice.token, channel)
    expect(await presence(t, channel)).toEqual({ amount: 1, users: [alice.id] })
    const tab2 = await live(t, alice.token, channel)
    const anon = await live(t, undefined, channel)
    // alice's second tab does not count her twice; the guest counts
    expect(await presence(t, channel)).toEqual({ amount: 2, users: [alice.id] })

    // bob on a raw socket, so it can be killed without a goodbye
    const before = ps.listenerCount()
    const bobSock = await rawSocket(t, bob.token)
    bobSock.subscribe('p1', channel)
    await until(() => ps.listenerCount() >= before + 2, WAIT, "bob's subscription")
    const p = await presence(t, channel)
    expect(p.amount).toBe(3)
    expect(sorted(p.users)).toEqual(sorted([alice.id, bob.id]))
    // presence changes are announced on the channel
    let ev = await tab1.next('ChatPresenceChanged')
    while (ev.amount !== 3) ev = await tab1.next('ChatPresenceChanged')
    expect(sorted(ev.users)).toEqual(sorted([alice.id, bob.id]))

    // the TCP connection dies: no complete, no close frame
    bobSock.sock.terminate()
    await until(async () => (await presence(t, channel)).amount === 2, WAIT, 'presence after the socket died')
    expect(await presence(t, channel)).toEqual({ amount: 2, users: [alice.id] })
    ev = await tab1.next('ChatPresenceChanged')
    while (ev.amount !== 2) ev = await tab1.next('ChatPresenceChanged')
    expect(ev).toEqual({ __typename: 'ChatPresenceChanged', channel, amount: 2, users: [alice.id] })

    // an ordinary unsubscribe; alice stays while one of her tabs is open
    await tab2.close()
    await anon.close()
    await until(async () => (await presence(t, channel)).amount === 1, WAIT, 'presence after unsubscribe')
    expect(await presence(t, channel)).toEqual({ amount: 1, users: [alice.id] })
    await tab1.close()
    await until(async () => (await presence(t, channel)).amount === 0, WAIT, 'empty channel')
    expect(await presence(t, channel)).toEqual({ amount: 0, users: [] })
    await until(() => ps.listenerCount() === baseline, WAIT, 'listeners released')
  })

  it('a socket killed while its subscription is still being set up leaves no presence behind', async () => {
    const streamer = await registerUser(t)
    const channel = `stream/${streamer.id}`
    const ps = t.app.services.pubsub
    const baseline = ps.listenerCount()
    const sock = await rawSocket(t, bob.token)
    for (let i = 0; i < 10; i++) sock.subscribe(`s${i}`, channel)
    sock.sock.terminate()
    // a probe on a new socket goes through the same pipeline after them; its close is not counted on its own (the
    // killed socket's listeners come and go meanwhile): everything is released once the count is back at its start
    const probe = await live(t, carol.token, channel)
    probe.sub.unsubscribe()
    await probe.client.dispose()
    await until(() => ps.listenerCount() === baseline, WAIT, 'listeners released')
    await until(async () => (await presence(t, channel)).amount === 0, WAIT, 'no presence left')
    expect(await presence(t, channel)).toEqual({ amount: 0, users: [] })
  })
})
