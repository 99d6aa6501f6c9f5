// dms: direct messages — directMessageEvents: each event type made through the API, received whole by both users of
// the conversation (CLEARED by the one who cleared only), and nothing more.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, type TestUser } from '../../helpers/users.js'
import { isoSince, ok, open, type Received, type Stream } from '../support.js'
import { chatUser, messageOf } from './chat.js'

type Recipe = (t: TestApp) => Promise<Received>

const SEND =
  'mutation($i: SendDirectMessageInput!) { sendDirectMessage(input: $i) { isSent dropReason message { databaseId } } }'

interface Conversation {
  a: TestUser
  b: TestUser
  channel: string
  sa: Stream
  sb: Stream
}

/** Two users, each following their own directMessageEvents (its stream and core's ignore topic: 2 listeners). */
async function conversation(t: TestApp): Promise<Conversation> {
  const a = await registerUser(t)
  const b = await registerUser(t)
  const channel = `private/${Math.min(a.id, b.id)}/${Math.max(a.id, b.id)}`
  return {
    a,
    b,
    channel,
    sa: await open(t, a, 'directMessageEvents', {}, 2),
    sb: await open(t, b, 'directMessageEvents', {}, 2),
  }
}

async function sendDm(t: TestApp, from: TestUser, to: TestUser, text: string): Promise<number> {
  const d = await ok(t, from, SEND, { i: { to: to.id, text } })
  if (!d.sendDirectMessage.isSent) throw new Error(`not sent: ${JSON.stringify(d)}`)
  return d.sendDirectMessage.message.databaseId
}

async function expectOnBoth(c: Conversation, ...payloads: unknown[]) {
  const got = await c.sa.expectNext(...payloads)
  await c.sb.expectNext(...payloads)
  for (const s of [c.sa, c.sb]) {
    await s.expectQuiet(100)
    await s.close()
  }
  return got
}

const base = { chatEvent: null, read: null, clearedUpToId: null }

export const DIRECT_MESSAGE_EVENTS_RECIPES: Partial<Record<string, Recipe>> = {
  async CHAT(t) {
    const c = await conversation(t)
    const id = await sendDm(t, c.a, c.b, 'hello over there')
    const message = await messageOf(t, { id, channel: c.channel, text: 'hello over there', from: chatUser(c.a) })
    return expectOnBoth(c, {
      ...base,
      type: 'CHAT',
      channel: c.channel,
      chatEvent: { __typename: 'ChatMessageAdded', channel: c.channel, message },
    })
  },
  async READ(t) {
    const c = await conversation(t)
    const id = await sendDm(t, c.a, c.b, 'read me')
    await c.sa.next()
    await c.sb.next()
    const since = Date.now()
    await ok(t, c.b, 'mutation($m: Int!) { markDirectMessagesRead(message: $m) { upToId } }', { m: id })
    return expectOnBoth(c, {
      ...base,
      type: 'READ',
      channel: c.channel,
      read: { channel: c.channel, userId: c.b.id, upToId: id, time: isoSince(since), message: null },
    })
  },
  async CLEARED(t) {
    const c = await conversation(t)
    const id = await sendDm(t, c.a, c.b, 'clear me')
    await c.sa.next()
    await c.sb.next()
    await ok(t, c.b, 'mutation($u: Int!) { removeDirectDialog(user: $u) }', { u: c.a.id })
    const got = await c.sb.expectNext({ ...base, type: 'CLEARED', channel: c.channel, clearedUpToId: id })
    // the other side is not told
    for (const s of [c.sa, c.sb]) {
      await s.expectQuiet(100)
      await s.close()
    }
    return got
  },
}
