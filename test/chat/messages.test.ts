// Messages: publish (text, mentions, types, replies), edit, remove, pin, reactions, and flow control (slow mode, the
// 60-events-a-minute budget, publish guards) — every refusal with a clear code and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { countMessages, send, sendRaw } from './support.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let alice: TestUser, bob: TestUser, carol: TestUser, mod: TestUser, streamer: TestUser
let stream: string
beforeAll(async () => {
  t = await startTestApp()
  ;[alice, bob, carol, mod, streamer] = await Promise.all([
    registerUser(t),
    registerUser(t),
    registerUser(t),
    userWithRoles(t, { moderator: 1 }),
    registerUser(t),
  ])
  stream = `stream/${streamer.id}`
})
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const EDIT = graphql(
  `mutation EditChatMessageMessages($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId text editedAt time } }`,
)
const REMOVE = graphql(
  `mutation RemoveChatMessageMessages($id: Int!, $reason: String, $data: JSON) { removeChatMessage(id: $id, reason: $reason, data: $data) }`,
)
const PIN = graphql(`mutation PinChatMessageMessages($id: Int!) { pinChatMessage(id: $id) { databaseId pinned } }`)
const UNPIN = graphql(
  `mutation UnpinChatMessageMessages($id: Int!) { unpinChatMessage(id: $id) { databaseId pinned } }`,
)
const REACT = graphql(
  `mutation AddChatReactionMessages($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }`,
)
const UNREACT = graphql(
  `mutation RemoveChatReaction($id: Int!, $e: String!) { removeChatReaction(id: $id, emoji: $e) { emoji count } }`,
)
const SLOW = graphql(
  `mutation SetChatSlowModeMessages($c: String!, $s: Int!) { setChatSlowMode(channel: $c, seconds: $s) }`,
)
const TYPING = graphql(`mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }`)
const texts = async (channel: string, token?: string) =>
  (
    await gql(
      t.url,
      graphql(`query ChatHistoryMessages($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text } }`),
      { c: channel },
      token,
    )
  ).data!.chatHistory as { databaseId: number; text: string }[]

describe('publish', () => {
  it('keeps bbcode verbatim and stores what it returns', async () => {
    const text = '[b]bold[/b] [url=https://example.com]link[/url] [quote]q[/quote] <script>x</script> :smile:'
    const m = await send(t, alice.token, { channel: 'main', text })
    expect(m).toMatchObject({
      channel: 'main',
      text,
      type: 'message',
      from: { databaseId: alice.id, name: alice.name, color: 0 },
      to: null,
      editedAt: null,
      replyToId: null,
      pinned: false,
      reactions: [],
    })
    expect(new Date(m.time).getTime()).toBeGreaterThan(Date.now() - 60_000)
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })).text).toBe(text)
  })

  it('accepts exactly 2,000 characters and refuses 2,001, empty or blank text with INVALID_INPUT, writing nothing', async () => {
    const max = 'я'.repeat(2000)
    expect((await send(t, alice.token, { channel: 'main', text: max })).text).toBe(max)
    const before = await countMessages(t)
    for (const text of ['я'.repeat(2001), '', '   ']) {
      const r = await sendRaw(t, alice.token, { channel: 'main', text })
      expect(codeOf(r)).toBe('INVALID_INPUT')
      expect(r.errors![0].extensions!.field).toBe('text')
    }
    expect(await countMessages(t)).toBe(before)
  })

  it('carries an optional mention (`to`); an unknown user is refused', async () => {
    const m = await send(t, alice.token, { channel: 'main', text: 'hey bob', to: bob.id })
    expect(m.to).toEqual({ databaseId: bob.id, name: bob.name })
    const before = await countMessages(t)
    const r = await sendRaw(t, alice.token, { channel: 'main', text: 'hey nobody', to: 99_999_999 })
    expect(codeOf(r)).toBe('USER_NOT_FOUND')
    expect(await countMessages(t)).toBe(before)
  })

  it('types: message by default; system/announce for channel moderators; donate/fastdonate never from clients; unknown refused', async () => {
    expect((await send(t, mod.token, { channel: 'main', text: 'maintenance at 5', type: 'system' })).type).toBe(
      'system',
    )
    expect((await send(t, mod.token, { channel: 'main', text: 'big stream tonight', type: 'announce' })).type).toBe(
      'announce',
    )
    // the streamer moderates their own stream, not main
    expect((await send(t, streamer.token, { channel: stream, text: 'going live', type: 'announce' })).type).toBe(
      'announce',
    )
    const before = await countMessages(t)
    for (const [u, channel, type] of [
      [alice, 'main', 'announce'],
      [alice, 'main', 'system'],
      [streamer, 'main', 'announce'],
      [alice, 'main', 'donate'],
      [mod, 'main', 'donate'],
      [mod, 'main', 'fastdonate'],
      [streamer, stream, 'donate'],
    ] as const) {
      expect(codeOf(await sendRaw(t, u.token, { channel, text: 'x', type })), `${type} by ${u.name}`).toBe(
        'INSUFFICIENT_PERMISSIONS',
      )
    }
    const r = await sendRaw(t, mod.token, { channel: 'main', text: 'x', type: 'shout' })
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(r.errors![0].extensions!.field).toBe('type')
    expect(await countMessages(t)).toBe(before)
  })

  it('replies point to a live message of the same channel', async () => {
    const parent = await send(t, alice.token, { channel: stream, text: 'question?' })
    const reply = await send(t, bob.token, { channel: stream, text: 'answer', replyTo: parent.databaseId })
    expect(reply.replyToId).toBe(parent.databaseId)
    const elsewhere = await send(t, alice.token, { channel: 'main', text: 'in main' })
    const gone = await send(t, alice.token, { channel: stream, text: 'soon removed' })
    await gql(t.url, REMOVE, { id: gone.databaseId }, alice.token)
    const before = await countMessages(t)
    for (const replyTo of [elsewhere.databaseId, gone.databaseId, 99_999_999]) {
      const r = await sendRaw(t, bob.token, { channel: stream, text: 'reply', replyTo })
      expect(codeOf(r)).toBe('MESSAGE_NOT_FOUND')
      expect(r.errors![0].extensions!.field).toBe('replyTo')
    }
    expect(await countMessages(t)).toBe(before)
  })
})

describe('edit', () => {
  it('only the author edits; editedAt is set; bounds apply', async () => {
    const m = await send(t, alice.token, { channel: 'main', text: 'tpyo' })
    const r = await gql(t.url, EDIT, { id: m.databaseId, text: 'typo [i]fixed[/i]' }, alice.token)
    expect(r.errors).toBeUndefined()
    expect(r.data!.editChatMessage).toMatchObject({
      databaseId: m.databaseId,
      text: 'typo [i]fixed[/i]',
      editedAt: expect.any(String),
    })
    expect(new Date(r.data!.editChatMessage.editedAt!).getTime()).toBeGreaterThanOrEqual(new Date(m.time).getTime())
    for (const u of [bob, mod])
      expect(codeOf(await gql(t.url, EDIT, { id: m.databaseId, text: 'hijack' }, u.token))).toBe(
        'INSUFFICIENT_PERMISSIONS',
      )
    expect(codeOf(await gql(t.url, EDIT, { id: m.databaseId, text: 'x'.repeat(2001) }, alice.token))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(await gql(t.url, EDIT, { id: m.databaseId, text: 'anon' }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await gql(t.url, EDIT, { id: 99_999_999, text: 'x' }, alice.token))).toBe('MESSAGE_NOT_FOUND')
    const row = await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })
    expect(row.text).toBe('typo [i]fixed[/i]')
    expect(row.editedAt).not.toBeNull()
  })
})

describe('remove', () => {
  it('the author removes their own message; history no longer shows it', async () => {
    const m = await send(t, bob.token, { channel: 'main', text: 'oops, wrong chat' })
    expect((await gql(t.url, REMOVE, { id: m.databaseId }, bob.token)).data!.removeChatMessage).toBe(true)
    const row = await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })
    expect(row.deletedAt).not.toBeNull()
    expect(row.deleteReason).toBe('author')
    expect((await texts('main')).map((x) => x.databaseId)).not.toContain(m.databaseId)
    expect(codeOf(await gql(t.url, REMOVE, { id: m.databaseId }, bob.token))).toBe('MESSAGE_NOT_FOUND')
  })

  it('a channel moderator removes with a reason and data (peka2 /chat/message/remove); others may not', async () => {
    const m = await send(t, bob.token, { channel: 'main', text: 'spam spam' })
    for (const u of [alice, streamer])
      expect(codeOf(await gql(t.url, REMOVE, { id: m.databaseId, reason: 'ban' }, u.token))).toBe(
        'INSUFFICIENT_PERMISSIONS',
      )
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })).deletedAt).toBeNull()
    for (const bad of [
      { reason: 'r'.repeat(65) },
      { reason: 'ban', data: [1, 2] },
      { reason: 'ban', data: 'x' },
      { reason: 'ban', data: { note: 'x'.repeat(2001) } },
    ]) {
      const r = await gql(t.url, REMOVE, { id: m.databaseId, ...bad }, mod.token)
      expect(codeOf(r), JSON.stringify(bad).slice(0, 40)).toBe('INVALID_INPUT')
      expect(r.errors![0].extensions!.field).toBe('data' in bad ? 'data' : 'reason')
    }
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })).deletedAt).toBeNull()

    const r = await gql(t.url, REMOVE, { id: m.databaseId, reason: 'ban', data: { banId: 7, reasonId: 3 } }, mod.token)
    expect(r.data!.removeChatMessage).toBe(true)
    const row = await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })
    expect(row).toMatchObject({ deleteReason: 'ban', deleteData: { banId: 7, reasonId: 3 } })

    // the streamer moderates their own stream
    const s = await send(t, bob.token, { channel: stream, text: 'rude' })
    expect(
      (await gql(t.url, REMOVE, { id: s.databaseId, reason: 'rude' }, streamer.token)).data!.removeChatMessage,
    ).toBe(true)
  })
})

describe('pin', () => {
  it('moderators pin and unpin; pinned messages are listed; others may not', async () => {
    const m = await send(t, alice.token, { channel: stream, text: 'rules: be nice' })
    for (const u of [alice, bob])
      expect(codeOf(await gql(t.url, PIN, { id: m.databaseId }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })).pinnedAt).toBeNull()
    expect((await gql(t.url, PIN, { id: m.databaseId }, streamer.token)).data!.pinChatMessage).toEqual({
      databaseId: m.databaseId,
      pinned: true,
    })
    const pins = await gql(
      t.url,
      graphql(`query ChatChannelMessages($c: String!) { chatChannel(id: $c) { pinned { databaseId text pinned } } }`),
      {
        c: stream,
      },
    )
    expect(pins.data!.chatChannel.pinned).toEqual([{ databaseId: m.databaseId, text: 'rules: be nice', pinned: true }])
    expect(codeOf(await gql(t.url, UNPIN, { id: m.databaseId }, bob.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect((await gql(t.url, UNPIN, { id: m.databaseId }, mod.token)).data!.unpinChatMessage.pinned).toBe(false)
    expect(
      (
        await gql(
          t.url,
          graphql(`query ChatChannelMessages2($c: String!) { chatChannel(id: $c) { pinned { databaseId } } }`),
          { c: stream },
        )
      ).data!.chatChannel.pinned,
    ).toEqual([])
  })

  it('holds at most 50 pinned messages per channel', async () => {
    const owner = await registerUser(t)
    const channel = `stream/${owner.id}`
    // 49 pinned messages set up in the database; the 50th and 51st go through the API
    await db().chatMessage.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        channel,
        fromId: owner.id,
        text: `m${i}`,
        pinnedAt: i < 49 ? new Date() : null,
      })),
    })
    const [fiftieth, fiftyFirst] = await db().chatMessage.findMany({
      where: { channel, pinnedAt: null },
      orderBy: { id: 'asc' },
    })
    expect((await gql(t.url, PIN, { id: fiftieth.id }, owner.token)).data!.pinChatMessage.pinned).toBe(true)
    // pinning an already pinned message is not a new pin
    expect((await gql(t.url, PIN, { id: fiftieth.id }, owner.token)).errors).toBeUndefined()
    const r = await gql(t.url, PIN, { id: fiftyFirst.id }, owner.token)
    expect(codeOf(r)).toBe('CONFLICT')
    expect(r.errors![0].message).toMatch(/50/)
    expect(await db().chatMessage.count({ where: { channel, pinnedAt: { not: null } } })).toBe(50)
    // unpin one, and there is room again
    await gql(t.url, UNPIN, { id: fiftieth.id }, owner.token)
    expect((await gql(t.url, PIN, { id: fiftyFirst.id }, owner.token)).data!.pinChatMessage.pinned).toBe(true)
  })
})

describe('reactions', () => {
  it('any user reacts; one reaction per user per emoji; removal counts down', async () => {
    const m = await send(t, alice.token, { channel: 'main', text: 'react to me' })
    expect((await gql(t.url, REACT, { id: m.databaseId, e: '👍' }, bob.token)).data!.addChatReaction).toEqual([
      { emoji: '👍', count: 1 },
    ])
    expect((await gql(t.url, REACT, { id: m.databaseId, e: '👍' }, bob.token)).data!.addChatReaction).toEqual([
      { emoji: '👍', count: 1 },
    ])
    expect((await gql(t.url, REACT, { id: m.databaseId, e: '👍' }, carol.token)).data!.addChatReaction).toEqual([
      { emoji: '👍', count: 2 },
    ])
    expect((await gql(t.url, REACT, { id: m.databaseId, e: ':kappa:' }, alice.token)).data!.addChatReaction).toEqual([
      { emoji: '👍', count: 2 },
      { emoji: ':kappa:', count: 1 },
    ])
    expect((await gql(t.url, UNREACT, { id: m.databaseId, e: '👍' }, bob.token)).data!.removeChatReaction).toEqual([
      { emoji: '👍', count: 1 },
      { emoji: ':kappa:', count: 1 },
    ])
    expect(await db().chatReaction.count({ where: { messageId: m.databaseId } })).toBe(2)
    const h = await gql(
      t.url,
      graphql(
        `query ChatHistoryMessages2 { chatHistory(channel: "main", limit: 1) { databaseId reactions { emoji count } } }`,
      ),
    )
    expect(h.data!.chatHistory[0]).toEqual({
      databaseId: m.databaseId,
      reactions: [
        { emoji: '👍', count: 1 },
        { emoji: ':kappa:', count: 1 },
      ],
    })
    expect(codeOf(await gql(t.url, REACT, { id: m.databaseId, e: '👍' }))).toBe('UNAUTHENTICATED')
  })

  it('holds at most 20 distinct emoji per message; bad emoji and unknown messages are refused', async () => {
    const m = await send(t, alice.token, { channel: 'main', text: 'so many feelings' })
    // 19 distinct emoji set up in the database, the 20th through the API
    await db().chatReaction.createMany({
      data: Array.from({ length: 19 }, (_, i) => ({ messageId: m.databaseId, userId: alice.id, emoji: `:e${i}:` })),
    })
    expect((await gql(t.url, REACT, { id: m.databaseId, e: ':e19:' }, bob.token)).data!.addChatReaction).toHaveLength(
      20,
    )
    const r = await gql(t.url, REACT, { id: m.databaseId, e: ':one-too-many:' }, bob.token)
    expect(codeOf(r)).toBe('CONFLICT')
    expect(r.errors![0].extensions!.field).toBe('emoji')
    // an emoji already there can still be added by someone else
    expect((await gql(t.url, REACT, { id: m.databaseId, e: ':e0:' }, carol.token)).data!.addChatReaction[0]).toEqual({
      emoji: ':e0:',
      count: 2,
    })
    for (const e of ['', 'two words', 'x'.repeat(33)])
      expect(codeOf(await gql(t.url, REACT, { id: m.databaseId, e }, bob.token)), JSON.stringify(e)).toBe(
        'INVALID_INPUT',
      )
    expect(codeOf(await gql(t.url, REACT, { id: 99_999_999, e: '👍' }, bob.token))).toBe('MESSAGE_NOT_FOUND')
    expect(await db().chatReaction.count({ where: { messageId: m.databaseId } })).toBe(21)
    expect((await db().chatReaction.findMany({ where: { messageId: m.databaseId }, distinct: ['emoji'] })).length).toBe(
      20,
    )
  })
})

describe('flow control', () => {
  it('slow mode: set by channel moderators; others get a typed SLOW_MODE refusal with retryAfter, nothing written', async () => {
    const viewer = await registerUser(t)
    expect(codeOf(await gql(t.url, SLOW, { c: stream, s: 30 }, viewer.token))).toBe('INSUFFICIENT_PERMISSIONS')
    for (const s of [-1, 3601])
      expect(codeOf(await gql(t.url, SLOW, { c: stream, s }, streamer.token))).toBe('INVALID_INPUT')
    expect((await gql(t.url, SLOW, { c: stream, s: 30 }, streamer.token)).data!.setChatSlowMode).toBe(30)
    expect(
      (
        await gql(
          t.url,
          graphql(`query ChatChannelMessages3($c: String!) { chatChannel(id: $c) { slowModeSeconds } }`),
          { c: stream },
        )
      ).data!.chatChannel.slowModeSeconds,
    ).toBe(30)

    await send(t, viewer.token, { channel: stream, text: 'first' })
    const r = await sendRaw(t, viewer.token, { channel: stream, text: 'second' })
    expect(r.errors).toBeUndefined()
    expect(r.data!.sendChatMessage).toMatchObject({
      isSent: false,
      dropReason: 'SLOW_MODE',
      message: null,
      dropMessage: expect.stringMatching(/30/),
    })
    expect(r.data!.sendChatMessage.retryAfter).toBeGreaterThanOrEqual(1)
    expect(r.data!.sendChatMessage.retryAfter).toBeLessThanOrEqual(30)
    expect(await countMessages(t, { channel: stream, fromId: viewer.id })).toBe(1)
    // moderators are exempt; other channels are not slowed
    await send(t, streamer.token, { channel: stream, text: 'mod 1' })
    await send(t, streamer.token, { channel: stream, text: 'mod 2' })
    await send(t, viewer.token, { channel: 'main', text: 'main is fast' })
    await send(t, viewer.token, { channel: 'main', text: 'still fast' })
    // off again
    expect((await gql(t.url, SLOW, { c: stream, s: 0 }, mod.token)).data!.setChatSlowMode).toBe(0)
    await send(t, viewer.token, { channel: stream, text: 'free again' })
  })

  it('60 chat events a minute per user (publish, typing, edits, reactions share it): then a typed RATE_LIMITED refusal', async () => {
    const chatty = await registerUser(t)
    const m = await send(t, chatty.token, { channel: 'main', text: 'event 1' })
    await gql(t.url, EDIT, { id: m.databaseId, text: 'event 2' }, chatty.token)
    await gql(t.url, REACT, { id: m.databaseId, e: '🔥' }, chatty.token)
    for (let batch = 0; batch < 57; batch += 19) {
      const rs = await Promise.all(Array.from({ length: 19 }, () => gql(t.url, TYPING, { c: 'main' }, chatty.token)))
      for (const r of rs) expect(r.errors).toBeUndefined()
    }
    const before = await countMessages(t)
    const r = await sendRaw(t, chatty.token, { channel: 'main', text: 'event 61' })
    expect(r.errors).toBeUndefined()
    expect(r.data!.sendChatMessage).toMatchObject({
      isSent: false,
      dropReason: 'RATE_LIMITED',
      message: null,
      dropMessage: expect.stringMatching(/60/),
    })
    expect(r.data!.sendChatMessage.retryAfter).toBeGreaterThanOrEqual(1)
    expect(r.data!.sendChatMessage.retryAfter).toBeLessThanOrEqual(60)
    expect(await countMessages(t)).toBe(before)
    // the other event kinds are refused too (they have no result type to carry a refusal: an error with retryAfter)
    const typing = await gql(t.url, TYPING, { c: 'main' }, chatty.token)
    expect(codeOf(typing)).toBe('TOO_MANY_MESSAGES')
    expect(typing.errors![0].extensions!.retryAfter).toBeGreaterThanOrEqual(1)
    expect(codeOf(await gql(t.url, EDIT, { id: m.databaseId, text: 'event 63' }, chatty.token))).toBe(
      'TOO_MANY_MESSAGES',
    )
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: m.databaseId } })).text).toBe('event 2')
    // another user's budget is untouched
    await send(t, carol.token, { channel: 'main', text: 'I can still talk' })
  })

  it("publish guards (moderation's bans and silences) refuse with a typed result, nothing written", async () => {
    const silenced = await registerUser(t)
    const guard = (_ctx: unknown, channel: string, userId: number) =>
      Promise.resolve(
        userId === silenced.id && channel === 'main'
          ? { reason: 'SILENCED' as const, message: 'You are silenced', retryAfterSeconds: 42 }
          : null,
      )
    const unguard = t.app.api('chat')!.addPublishGuard(guard)
    try {
      const before = await countMessages(t)
      const r = await sendRaw(t, silenced.token, { channel: 'main', text: 'let me speak' })
      expect(r.data!.sendChatMessage).toEqual({
        isSent: false,
        dropReason: 'SILENCED',
        dropMessage: 'You are silenced',
        retryAfter: 42,
        message: null,
      })
      expect(await countMessages(t)).toBe(before)
      await send(t, silenced.token, { channel: stream, text: 'elsewhere is fine' })
    } finally {
      unguard()
    }
  })

  it('the same guards hold every other write: edit, adding a reaction, typing, pinning (an error with the drop reason)', async () => {
    const silenced = await registerUser(t)
    const old = await send(t, silenced.token, { channel: 'main', text: 'said before the silence' })
    const other = await send(t, alice.token, { channel: 'main', text: 'something to react to' })
    const elsewhere = await send(t, silenced.token, { channel: stream, text: 'said elsewhere' })
    expect((await gql(t.url, REACT, { id: other.databaseId, e: ':old:' }, silenced.token)).errors).toBeUndefined()
    expect((await gql(t.url, PIN, { id: old.databaseId }, mod.token)).errors).toBeUndefined()
    // the silenced user, and the moderator too (a site-wide chat ban binds moderators as well), in main only
    const guard = (_ctx: unknown, channel: string, userId: number) =>
      Promise.resolve(
        (userId === silenced.id || userId === mod.id) && channel === 'main'
          ? { reason: 'SILENCED' as const, message: 'You are silenced', retryAfterSeconds: 42 }
          : null,
      )
    const unguard = t.app.api('chat')!.addPublishGuard(guard)
    try {
      const refused = (r: Awaited<ReturnType<typeof gql>>, what: string) => {
        expect(r.errors?.[0], what).toMatchObject({
          message: 'You are silenced',
          extensions: { code: 'INSUFFICIENT_PERMISSIONS', dropReason: 'SILENCED', retryAfter: 42 },
        })
        expect(r.data ?? null, what).toBeNull()
      }
      refused(await gql(t.url, EDIT, { id: old.databaseId, text: 'new words after all' }, silenced.token), 'edit')
      expect((await db().chatMessage.findUniqueOrThrow({ where: { id: old.databaseId } })).text).toBe(
        'said before the silence',
      )
      refused(await gql(t.url, REACT, { id: other.databaseId, e: ':new:' }, silenced.token), 'react')
      expect(await db().chatReaction.count({ where: { messageId: other.databaseId, userId: silenced.id } })).toBe(1)
      refused(await gql(t.url, TYPING, { c: 'main' }, silenced.token), 'typing')
      refused(await gql(t.url, PIN, { id: other.databaseId }, mod.token), 'pin')
      expect((await db().chatMessage.findUniqueOrThrow({ where: { id: other.databaseId } })).pinnedAt).toBeNull()
      // taking things back stays open: one's own reaction, a pin
      expect(
        (await gql(t.url, UNREACT, { id: other.databaseId, e: ':old:' }, silenced.token)).data!.removeChatReaction,
      ).toEqual([])
      expect((await gql(t.url, UNPIN, { id: old.databaseId }, mod.token)).data!.unpinChatMessage).toEqual({
        databaseId: old.databaseId,
        pinned: false,
      })
      // and the guard holds where it says only
      expect(
        (await gql(t.url, EDIT, { id: elsewhere.databaseId, text: 'edited elsewhere' }, silenced.token)).data!
          .editChatMessage.text,
      ).toBe('edited elsewhere')
      expect((await gql(t.url, TYPING, { c: stream }, silenced.token)).errors).toBeUndefined()
    } finally {
      unguard()
    }
  })
})
