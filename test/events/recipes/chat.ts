// chatEvents: how a client makes each event type happen, and the whole payload every viewer must then receive.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, userWithRoles, type TestUser } from '../../helpers/users.js'
import { chatStream, globalId, ok, type Received, type Stream } from '../support.js'

export const CHAT_SEND =
  'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent dropReason message { databaseId } } }'

/** A message author as chat shows one: id, name, colour, and no bought nick colour (anonymised in support channels). */
export const chatUser = (u: { id: number; name: string }, color = 0) => ({
  databaseId: u.id,
  name: u.name,
  color,
  nickColor: null,
})

export type ChatUserShape = ReturnType<typeof chatUser>

export interface MessageShape {
  id: number
  channel: string
  text: string
  from: ChatUserShape | null
  to?: ChatUserShape | null
  replyToId?: number | null
  pinned?: boolean
  reactions?: { emoji: string; count: number }[]
  type?: string
  attachments?: unknown[]
  /** who acted, on a service message whose actor is public (a room's owner or moderator); null otherwise */
  actor?: ChatUserShape | null
}

/** The whole ChatMessage as a payload carries it; time and editedAt are the stored row's. */
export async function messageOf(t: TestApp, m: MessageShape) {
  const row = await t.app.services.prisma.chatMessage.findUniqueOrThrow({ where: { id: m.id } })
  return {
    actor: m.actor ?? null,
    attachments: m.attachments ?? [],
    channel: m.channel,
    databaseId: m.id,
    editedAt: row.editedAt?.toISOString() ?? null,
    from: m.from,
    id: globalId('ChatMessage', m.id),
    pinned: m.pinned ?? false,
    // polls: the poll attached to the message (messenger): none in these recipes
    poll: null,
    // polls: end
    reactions: m.reactions ?? [],
    replyToId: m.replyToId ?? null,
    text: m.text,
    time: row.createdAt.toISOString(),
    to: m.to ?? null,
    type: m.type ?? 'message',
  }
}

export async function sendAs(
  t: TestApp,
  u: TestUser,
  channel: string,
  text: string,
  extra: { to?: number; replyTo?: number } = {},
): Promise<number> {
  const d = await ok(t, u, CHAT_SEND, { i: { channel, text, ...extra } })
  if (!d.sendChatMessage.isSent) throw new Error(`not sent: ${JSON.stringify(d)}`)
  return d.sendChatMessage.message.databaseId
}

/**
 * A public stream channel watched by a signed-in viewer, a guest, and a guest on the read-only `all` stream; its owner
 * moderates it. Every recipe takes every event it causes from every stream, so nothing unaccounted can slip between.
 */
export interface ChatFixture {
  t: TestApp
  channel: string
  owner: TestUser
  /** writes with name colour 7, so the colour is seen to travel */
  author: TestUser
  other: TestUser
  viewer: Stream
  guest: Stream
  all: Stream
  /** every stream (`all` only when the event type reaches it) gets exactly these payloads, then nothing */
  expectEverywhere(payloads: unknown[], opts?: { notOnAll?: boolean }): Promise<Received>
  close(): Promise<void>
}

export async function chatFixture(t: TestApp): Promise<ChatFixture> {
  const owner = await registerUser(t)
  const author = await registerUser(t)
  const other = await registerUser(t)
  const watcher = await registerUser(t)
  await ok(t, author, 'mutation { updateSettings(settings: { chat: { namecolor: 7 } }) { chat { namecolor } } }')
  const channel = `stream/${owner.id}`
  const viewer = await chatStream(t, watcher, channel)
  const guest = await chatStream(t, undefined, channel)
  const all = await chatStream(t, undefined, 'all')
  // presence settles first: once both watchers are counted, no announcement is pending
  for (const s of [viewer, guest]) {
    for (;;) {
      const p = await s.next()
      if (p.__typename !== 'ChatPresenceChanged') throw new Error(`expected presence first, got ${JSON.stringify(p)}`)
      if (p.amount === 2) break
    }
  }
  for (const s of [viewer, guest]) await s.expectQuiet(1200)
  return {
    t,
    channel,
    owner,
    author,
    other,
    viewer,
    guest,
    all,
    async expectEverywhere(payloads, opts = {}) {
      const streams = opts.notOnAll ? [viewer, guest] : [viewer, guest, all]
      const got = await viewer.expectNext(...payloads)
      for (const s of streams.slice(1)) await s.expectNext(...payloads)
      for (const s of streams) await s.expectQuiet(100)
      return got
    },
    async close() {
      for (const s of [viewer, guest, all]) await s.close()
    },
  }
}

type Recipe = (f: ChatFixture) => Promise<Received>

/** Sends as the author and takes the resulting ChatMessageAdded from every stream. */
async function post(f: ChatFixture, text: string, extra: { to?: TestUser; replyTo?: number } = {}) {
  const id = await sendAs(f.t, f.author, f.channel, text, { to: extra.to?.id, replyTo: extra.replyTo })
  const message = await messageOf(f.t, {
    id,
    channel: f.channel,
    text,
    from: chatUser(f.author, 7),
    to: extra.to ? chatUser(extra.to) : null,
    replyToId: extra.replyTo ?? null,
  })
  const got = await f.expectEverywhere([{ __typename: 'ChatMessageAdded', channel: f.channel, message }])
  return { id, message, got }
}

export const CHAT_RECIPES: Partial<Record<string, Recipe>> = {
  async ChatMessageAdded(f) {
    const first = await post(f, 'first')
    // a reply that names someone: to and replyToId travel too
    const second = await post(f, 'second', { to: f.other, replyTo: first.id })
    return [...first.got, ...second.got]
  },

  async ChatMessageEdited(f) {
    const { id, message } = await post(f, 'typo')
    await ok(f.t, f.author, 'mutation($id: Int!) { editChatMessage(id: $id, text: "fixed") { databaseId } }', { id })
    const edited = await messageOf(f.t, { ...message, id, text: 'fixed', from: message.from, to: message.to })
    return f.expectEverywhere([{ __typename: 'ChatMessageEdited', channel: f.channel, message: edited }])
  },

  async ChatMessageRemoved(f) {
    const { id } = await post(f, 'spam spam')
    await ok(f.t, f.owner, 'mutation($id: Int!) { removeChatMessage(id: $id, reason: "spam", data: { rule: 3 }) }', {
      id,
    })
    return f.expectEverywhere([
      { __typename: 'ChatMessageRemoved', channel: f.channel, messageId: id, reason: 'spam', data: { rule: 3 } },
    ])
  },

  async ChatPinChanged(f) {
    const { id, message } = await post(f, 'read the rules')
    await ok(f.t, f.owner, 'mutation($id: Int!) { pinChatMessage(id: $id) { databaseId } }', { id })
    const pinned = await f.expectEverywhere([
      { __typename: 'ChatPinChanged', channel: f.channel, pinned: true, message: { ...message, pinned: true } },
    ])
    await ok(f.t, f.owner, 'mutation($id: Int!) { unpinChatMessage(id: $id) { databaseId } }', { id })
    const unpinned = await f.expectEverywhere([
      { __typename: 'ChatPinChanged', channel: f.channel, pinned: false, message: { ...message, pinned: false } },
    ])
    return [...pinned, ...unpinned]
  },

  async ChatReactionsChanged(f) {
    const { id } = await post(f, 'react to me')
    await ok(f.t, f.other, 'mutation($id: Int!) { addChatReaction(id: $id, emoji: "👍") { count } }', { id })
    const added = await f.expectEverywhere([
      {
        __typename: 'ChatReactionsChanged',
        channel: f.channel,
        messageId: id,
        emoji: '👍',
        added: true,
        reactions: [{ emoji: '👍', count: 1 }],
        user: chatUser(f.other),
      },
    ])
    await ok(f.t, f.other, 'mutation($id: Int!) { removeChatReaction(id: $id, emoji: "👍") { count } }', { id })
    const removed = await f.expectEverywhere([
      {
        __typename: 'ChatReactionsChanged',
        channel: f.channel,
        messageId: id,
        emoji: '👍',
        added: false,
        reactions: [],
        user: chatUser(f.other),
      },
    ])
    return [...added, ...removed]
  },

  async ChatTyping(f) {
    const d = await ok(f.t, f.author, 'mutation($c: String!) { sendChatTyping(channel: $c) }', { c: f.channel })
    // typing is not carried by the `all` stream
    return f.expectEverywhere(
      [{ __typename: 'ChatTyping', channel: f.channel, user: chatUser(f.author, 7), expiresAt: d.sendChatTyping }],
      { notOnAll: true },
    )
  },

  async ChatSlowModeChanged(f) {
    const set = async (seconds: number) => {
      await ok(f.t, f.owner, 'mutation($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }', {
        c: f.channel,
        s: seconds,
      })
      return f.expectEverywhere([{ __typename: 'ChatSlowModeChanged', channel: f.channel, seconds }])
    }
    return [...(await set(5)), ...(await set(0))]
  },

  /** In a channel of its own: who watches, joining and leaving, users and guests. */
  async ChatPresenceChanged(f) {
    const { t } = f
    const channel = `stream/${(await registerUser(t)).id}`
    const a = await userWithRoles(t, {})
    const b = await registerUser(t)
    const presence = (amount: number, users: number[]) => ({
      __typename: 'ChatPresenceChanged',
      channel,
      amount,
      users,
    })
    const got: Received = []
    const sa = await chatStream(t, a, channel)
    got.push(...(await sa.expectNext(presence(1, [a.id]))))
    const guest = await chatStream(t, undefined, channel)
    for (const s of [sa, guest]) got.push(...(await s.expectNext(presence(2, [a.id]))))
    const sb = await chatStream(t, b, channel)
    const both = [a.id, b.id].sort((x, y) => x - y)
    for (const s of [sa, guest, sb]) got.push(...(await s.expectNext(presence(3, both))))
    await sb.close()
    for (const s of [sa, guest]) got.push(...(await s.expectNext(presence(2, [a.id]))))
    for (const s of [sa, guest]) await s.expectQuiet(300)
    await guest.close()
    await sa.close()
    return got
  },
}
