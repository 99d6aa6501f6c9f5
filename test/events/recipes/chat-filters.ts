// The filtered variants of chatEvents: what a viewer who ignores a user must not receive, and how every event type of a
// support conversation looks to its participants (nobody's id or name).
import type { TestApp } from '../../helpers/app.js'
import { registerUser, userWithRoles, type TestUser } from '../../helpers/users.js'
import { chatStream, ok, type Received, type Stream } from '../support.js'
import { chatUser, messageOf, sendAs } from './chat.js'

// ------------------------------------------------------------------------------------------------------ ignores

export interface IgnoreFixture {
  t: TestApp
  channel: string
  owner: TestUser
  ignored: TestUser
  other: TestUser
  /** ignores `ignored` */
  ignoring: Stream
  /** ignores nobody: sees everything, which shows the ignored user's events did go out */
  watching: Stream
  close(): Promise<void>
}

export async function ignoreFixture(t: TestApp): Promise<IgnoreFixture> {
  const owner = await registerUser(t)
  const ignored = await registerUser(t)
  const other = await registerUser(t)
  const v = await registerUser(t)
  const w = await registerUser(t)
  await ok(t, v, 'mutation($i: Int!) { ignore(content: CHAT, item: $i) }', { i: ignored.id })
  const channel = `stream/${owner.id}`
  const ignoring = await chatStream(t, v, channel)
  const watching = await chatStream(t, w, channel)
  for (const s of [ignoring, watching]) {
    for (;;) {
      const p = await s.next()
      if (p.__typename !== 'ChatPresenceChanged') throw new Error(`expected presence first, got ${JSON.stringify(p)}`)
      if (p.amount === 2) break
    }
  }
  for (const s of [ignoring, watching]) await s.expectQuiet(1200)
  return {
    t,
    channel,
    owner,
    ignored,
    other,
    ignoring,
    watching,
    async close() {
      await ignoring.close()
      await watching.close()
    },
  }
}

/** What an ignored user's action made: its payloads as the watcher gets them, and whatever else it sent. */
type IgnoreRecipe = (f: IgnoreFixture) => Promise<unknown[]>

const added = async (f: IgnoreFixture, u: TestUser, id: number, text: string) => ({
  __typename: 'ChatMessageAdded',
  channel: f.channel,
  message: await messageOf(f.t, { id, channel: f.channel, text, from: chatUser(u) }),
})

/**
 * Runs an ignored user's action, then a marker message by someone else: the watcher gets the action's payloads and the
 * marker, the ignoring viewer the marker alone — in order, so the missing events are known missing without waiting.
 */
export async function checkIgnored(f: IgnoreFixture, action: IgnoreRecipe): Promise<Received> {
  const payloads = await action(f)
  const marker = await sendAs(f.t, f.other, f.channel, 'marker')
  const markerAdded = await added(f, f.other, marker, 'marker')
  const got = await f.watching.expectNext(...payloads, markerAdded)
  await f.ignoring.expectNext(markerAdded)
  for (const s of [f.watching, f.ignoring]) await s.expectQuiet(100)
  return got
}

/** Per event type: the ignored user's action, or why the type has no author to ignore. */
export const IGNORE_RECIPES: Partial<Record<string, IgnoreRecipe | { noAuthor: string }>> = {
  async ChatMessageAdded(f) {
    const id = await sendAs(f.t, f.ignored, f.channel, 'hello')
    return [await added(f, f.ignored, id, 'hello')]
  },
  async ChatMessageEdited(f) {
    const id = await sendAs(f.t, f.ignored, f.channel, 'typo')
    const before = await added(f, f.ignored, id, 'typo')
    await ok(f.t, f.ignored, 'mutation($id: Int!) { editChatMessage(id: $id, text: "fixed") { databaseId } }', { id })
    const message = await messageOf(f.t, { id, channel: f.channel, text: 'fixed', from: chatUser(f.ignored) })
    return [before, { __typename: 'ChatMessageEdited', channel: f.channel, message }]
  },
  async ChatMessageRemoved(f) {
    const id = await sendAs(f.t, f.ignored, f.channel, 'oops')
    const before = await added(f, f.ignored, id, 'oops')
    await ok(f.t, f.ignored, 'mutation($id: Int!) { removeChatMessage(id: $id) }', { id })
    return [before, { __typename: 'ChatMessageRemoved', channel: f.channel, messageId: id, reason: 'author', data: {} }]
  },
  async ChatReactionsChanged(f) {
    const id = await sendAs(f.t, f.other, f.channel, 'react here')
    const theirs = await added(f, f.other, id, 'react here')
    // the other user's message reaches both viewers; the ignored user's reaction to it only the watcher
    await f.ignoring.expectNext(theirs)
    await ok(f.t, f.ignored, 'mutation($id: Int!) { addChatReaction(id: $id, emoji: "🙂") { count } }', { id })
    return [
      theirs,
      {
        __typename: 'ChatReactionsChanged',
        channel: f.channel,
        messageId: id,
        emoji: '🙂',
        added: true,
        reactions: [{ emoji: '🙂', count: 1 }],
        user: chatUser(f.ignored),
      },
    ]
  },
  async ChatTyping(f) {
    const d = await ok(f.t, f.ignored, 'mutation($c: String!) { sendChatTyping(channel: $c) }', { c: f.channel })
    return [{ __typename: 'ChatTyping', channel: f.channel, user: chatUser(f.ignored), expiresAt: d.sendChatTyping }]
  },
  async ChatPinChanged(f) {
    const id = await sendAs(f.t, f.ignored, f.channel, 'pin me')
    const before = await added(f, f.ignored, id, 'pin me')
    await ok(f.t, f.owner, 'mutation($id: Int!) { pinChatMessage(id: $id) { databaseId } }', { id })
    return [
      before,
      { __typename: 'ChatPinChanged', channel: f.channel, pinned: true, message: { ...before.message, pinned: true } },
    ]
  },
  ChatPresenceChanged: { noAuthor: 'presence counts whoever watches; an ignored viewer is counted like anyone' },
  ChatSlowModeChanged: { noAuthor: "a channel setting, not a user's content" },
}

// ------------------------------------------------------------------------------------------------ support channels

/** What a support conversation shows instead of a person. */
export const ASKER = { databaseId: 0, name: 'User', color: 0, nickColor: null }
export const STAFF = { databaseId: 0, name: 'Support', color: 0, nickColor: null }

export interface SupportFixture {
  t: TestApp
  channel: string
  asker: TestUser
  staff: TestUser
  /** the asker's and the staff member's streams: both must get the same anonymous payloads */
  streams: Stream[]
  expectBoth(payloads: unknown[]): Promise<Received>
  close(): Promise<void>
}

export async function supportFixture(t: TestApp): Promise<SupportFixture> {
  const asker = await registerUser(t)
  const staff = await userWithRoles(t, { support: 1 })
  // a colour of their own, which must not show either
  await ok(t, asker, 'mutation { updateSettings(settings: { chat: { namecolor: 9 } }) { chat { namecolor } } }')
  const channel = (await ok(t, asker, 'mutation { askSupport(categoryId: 1, question: "it broke") { channel } }'))
    .askSupport.channel as string
  const presence = (amount: number) => ({ __typename: 'ChatPresenceChanged', channel, amount, users: [] })
  const sa = await chatStream(t, asker, channel)
  await sa.expectNext(presence(1))
  const ss = await chatStream(t, staff, channel)
  for (const s of [sa, ss]) await s.expectNext(presence(2))
  const streams = [sa, ss]
  return {
    t,
    channel,
    asker,
    staff,
    streams,
    async expectBoth(payloads) {
      const got = await sa.expectNext(...payloads)
      await ss.expectNext(...payloads)
      for (const s of streams) await s.expectQuiet(100)
      return got
    },
    async close() {
      for (const s of streams) await s.close()
    },
  }
}

type SupportRecipe = (f: SupportFixture) => Promise<Received>

async function supportSay(f: SupportFixture, who: 'asker' | 'staff', text: string, to?: TestUser) {
  const id = await sendAs(f.t, f[who], f.channel, text, { to: to?.id })
  const message = await messageOf(f.t, {
    id,
    channel: f.channel,
    text,
    from: who === 'asker' ? ASKER : STAFF,
    to: to ? (to === f.asker ? ASKER : STAFF) : null,
  })
  const got = await f.expectBoth([{ __typename: 'ChatMessageAdded', channel: f.channel, message }])
  return { id, message, got }
}

export const SUPPORT_RECIPES: Partial<Record<string, SupportRecipe>> = {
  async ChatMessageAdded(f) {
    const a = await supportSay(f, 'asker', 'help')
    const s = await supportSay(f, 'staff', 'hello', f.asker)
    return [...a.got, ...s.got]
  },
  async ChatMessageEdited(f) {
    const { id, message } = await supportSay(f, 'staff', 'one momnet')
    await ok(f.t, f.staff, 'mutation($id: Int!) { editChatMessage(id: $id, text: "one moment") { databaseId } }', {
      id,
    })
    const edited = await messageOf(f.t, { id, channel: f.channel, text: 'one moment', from: message.from })
    return f.expectBoth([{ __typename: 'ChatMessageEdited', channel: f.channel, message: edited }])
  },
  async ChatMessageRemoved(f) {
    const { id } = await supportSay(f, 'asker', 'wrong ticket')
    await ok(f.t, f.asker, 'mutation($id: Int!) { removeChatMessage(id: $id) }', { id })
    return f.expectBoth([
      { __typename: 'ChatMessageRemoved', channel: f.channel, messageId: id, reason: 'author', data: {} },
    ])
  },
  async ChatReactionsChanged(f) {
    const { id } = await supportSay(f, 'staff', 'fixed it')
    await ok(f.t, f.asker, 'mutation($id: Int!) { addChatReaction(id: $id, emoji: "🙏") { count } }', { id })
    return f.expectBoth([
      {
        __typename: 'ChatReactionsChanged',
        channel: f.channel,
        messageId: id,
        emoji: '🙏',
        added: true,
        reactions: [{ emoji: '🙏', count: 1 }],
        user: ASKER,
      },
    ])
  },
  async ChatPinChanged(f) {
    const { id, message } = await supportSay(f, 'asker', 'my order number')
    await ok(f.t, f.staff, 'mutation($id: Int!) { pinChatMessage(id: $id) { databaseId } }', { id })
    return f.expectBoth([
      { __typename: 'ChatPinChanged', channel: f.channel, pinned: true, message: { ...message, pinned: true } },
    ])
  },
  async ChatTyping(f) {
    const got: Received = []
    for (const [who, label] of [
      ['asker', ASKER],
      ['staff', STAFF],
    ] as const) {
      const d = await ok(f.t, f[who], 'mutation($c: String!) { sendChatTyping(channel: $c) }', { c: f.channel })
      got.push(
        ...(await f.expectBoth([
          { __typename: 'ChatTyping', channel: f.channel, user: label, expiresAt: d.sendChatTyping },
        ])),
      )
    }
    return got
  },
  async ChatPresenceChanged(f) {
    const second = await userWithRoles(f.t, { support: 1 })
    const presence = (amount: number) => ({ __typename: 'ChatPresenceChanged', channel: f.channel, amount, users: [] })
    const s2 = await chatStream(f.t, second, f.channel)
    const got = await f.expectBoth([presence(3)])
    await s2.expectNext(presence(3))
    await s2.close()
    got.push(...(await f.expectBoth([presence(2)])))
    return got
  },
  async ChatSlowModeChanged(f) {
    const got: Received = []
    for (const seconds of [5, 0]) {
      await ok(f.t, f.staff, 'mutation($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }', {
        c: f.channel,
        s: seconds,
      })
      got.push(...(await f.expectBoth([{ __typename: 'ChatSlowModeChanged', channel: f.channel, seconds }])))
    }
    return got
  },
}
