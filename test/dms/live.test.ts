// directMessageEvents over graphql-ws: every kind of event of the viewer's conversations reaches both sides (and no
// one else), with its whole payload; what an ignored user does never arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw, subscribeRaw, until, wsClient, type WsSubscription, type SubEvent } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { channelOf, markRead, sent } from './dm-support.js'

const WAIT = 5000
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const EVENTS = `subscription { directMessageEvents {
  type channel clearedUpToId
  read { channel userId upToId time }
  chatEvent {
    __typename
    ... on ChatMessageAdded { channel message { databaseId text from { databaseId } to { databaseId } } }
    ... on ChatMessageEdited { channel message { databaseId text editedAt } }
    ... on ChatMessageRemoved { channel messageId reason }
    ... on ChatReactionsChanged { channel messageId emoji added reactions { emoji count } user { databaseId } }
    ... on ChatTyping { channel user { databaseId } expiresAt }
  }
} }`

interface Watch {
  sub: WsSubscription<SubEvent<any>>
  next(): Promise<any>
  close(): Promise<void>
}

async function watch(user: TestUser): Promise<Watch> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const client = wsClient(t.url, user.token)
  const sub = subscribeRaw(client, EVENTS)
  // its own stream and core's ignore topic
  await until(() => ps.listenerCount() >= before + 2, WAIT, 'directMessageEvents subscription')
  await ps.ready()
  return {
    sub,
    async next() {
      const ev = await sub.next(WAIT)
      if (ev.error || ev.complete || ev.errors || !ev.data) throw new Error(`subscription ended: ${JSON.stringify(ev)}`)
      return ev.data.directMessageEvents
    },
    async close() {
      sub.unsubscribe()
      await client.dispose()
    },
  }
}

const op = (u: TestUser, query: string, variables: Record<string, unknown>) =>
  gqlRaw(t.url, query, variables, u.token).then((r) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
    return r.data
  })

describe('directMessageEvents', () => {
  it('delivers messages, edits, reactions, typing, removals and read receipts to both sides, in full', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const eve = await registerUser(t)
    const channel = channelOf(a.id, b.id)
    const [wa, wb, we] = [await watch(a), await watch(b), await watch(eve)]
    try {
      const id = await sent(t, a, b.id, 'hello b')
      const added = { type: 'CHAT', channel, clearedUpToId: null, read: null }
      for (const w of [wa, wb])
        expect(await w.next()).toEqual({
          ...added,
          chatEvent: {
            __typename: 'ChatMessageAdded',
            channel,
            message: { databaseId: id, text: 'hello b', from: { databaseId: a.id }, to: null },
          },
        })
      await op(a, `mutation($id: Int!) { editChatMessage(id: $id, text: "hello, b") { text } }`, { id })
      for (const w of [wa, wb]) {
        const e = await w.next()
        expect(e.chatEvent).toMatchObject({
          __typename: 'ChatMessageEdited',
          channel,
          message: { databaseId: id, text: 'hello, b' },
        })
        expect(typeof e.chatEvent.message.editedAt).toBe('string')
      }
      await op(b, `mutation($id: Int!) { addChatReaction(id: $id, emoji: "👍") { emoji count } }`, { id })
      for (const w of [wa, wb])
        expect((await w.next()).chatEvent).toEqual({
          __typename: 'ChatReactionsChanged',
          channel,
          messageId: id,
          emoji: '👍',
          added: true,
          reactions: [{ emoji: '👍', count: 1 }],
          user: { databaseId: b.id },
        })
      await op(b, `mutation($c: String!) { sendChatTyping(channel: $c) }`, { c: channel })
      for (const w of [wa, wb]) {
        const e = await w.next()
        expect(e.chatEvent).toMatchObject({ __typename: 'ChatTyping', channel, user: { databaseId: b.id } })
      }
      const r = await markRead(t, b, id)
      expect(r.errors).toBeUndefined()
      for (const w of [wa, wb]) {
        const e = await w.next()
        expect(e).toMatchObject({ type: 'READ', channel, chatEvent: null, read: { channel, userId: b.id, upToId: id } })
      }
      await op(a, `mutation($id: Int!) { removeChatMessage(id: $id) }`, { id })
      for (const w of [wa, wb])
        expect((await w.next()).chatEvent).toEqual({
          __typename: 'ChatMessageRemoved',
          channel,
          messageId: id,
          reason: 'author',
        })
      await op(b, `mutation($u: Int!) { removeDirectDialog(user: $u) }`, { u: a.id })
      expect(await wb.next()).toMatchObject({ type: 'CLEARED', channel, chatEvent: null, read: null })
      // nothing of it reached the third user, nor the dialog removal the other side
      expect(await we.sub.nothingWithin(300)).toBe(true)
      expect(await wa.sub.nothingWithin(100)).toBe(true)
    } finally {
      await Promise.all([wa.close(), wb.close(), we.close()])
    }
  })

  it('an ignored user’s messages, typing and reactions never arrive; the sender still sees their own', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    await op(b, `mutation($i: Int!) { ignore(content: CHAT, item: $i) }`, { i: a.id })
    const [wa, wb] = [await watch(a), await watch(b)]
    try {
      const id = await sent(t, a, b.id, 'psst')
      expect((await wa.next()).chatEvent.message.databaseId).toBe(id)
      await op(a, `mutation($c: String!) { sendChatTyping(channel: $c) }`, { c: channelOf(a.id, b.id) })
      expect((await wa.next()).chatEvent.__typename).toBe('ChatTyping')
      expect(await wb.sub.nothingWithin(400)).toBe(true)
    } finally {
      await Promise.all([wa.close(), wb.close()])
    }
  })
})
