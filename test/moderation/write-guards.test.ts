// Bans, silences and kicks hold every write into a channel, not only new messages: a sanctioned user cannot edit an old
// message into new text, react, send typing, or (a banned channel moderator) pin — refused with the drop reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest, type GqlResult } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { accuse, check, REASON, say } from './support.js'
import { graphql } from '../generated/index.js'

// Threshold 2: one ordinary citizen's vote bans.
let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '2' })
})
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const EDIT = graphql(
  `mutation EditChatMessageWriteGuards($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { text } }`,
)
const REACT = graphql(
  `mutation AddChatReactionMessages($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }`,
)
const UNREACT = graphql(
  `mutation RemoveChatReaction($id: Int!, $e: String!) { removeChatReaction(id: $id, emoji: $e) { emoji count } }`,
)
const TYPING = graphql(`mutation SendChatTyping($c: String!) { sendChatTyping(channel: $c) }`)
const PIN = graphql(`mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }`)
const UNPIN = graphql(`mutation UnpinChatMessage($id: Int!) { unpinChatMessage(id: $id) { pinned } }`)

const refusedWith = (r: GqlResult, dropReason: string, what: string) => {
  expect(r.errors?.[0]?.extensions, what).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', dropReason })
  expect(r.data ?? null, what).toBeNull()
}
const ok = (r: GqlResult, what: string) => expect(r.errors, what).toBeUndefined()

async function streamWith(owner: TestUser, author: TestUser) {
  const channel = `stream/${owner.id}`
  const own = await say(t, author.token, channel, 'an old message')
  const theirs = await say(t, owner.token, channel, 'the streamer speaks')
  return { channel, own, theirs }
}

describe('channel sanctions hold every write in their channel', () => {
  it('silenced: no edits, reactions or typing there; taking a reaction back and other channels stay open', async () => {
    const [owner, user] = [await registerUser(t), await registerUser(t)]
    const { channel, own, theirs } = await streamWith(owner, user)
    const inMain = await say(t, user.token, 'main', 'said in main')
    ok(await gql(t.url, REACT, { id: theirs, e: '👍' }, user.token), 'react before the silence')
    const until = new Date(Date.now() + 3600_000).toISOString()
    ok(
      await gql(
        t.url,
        graphql(
          `mutation SilenceInChannel($c: String!, $u: Int!, $d: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $d) { databaseId } }`,
        ),
        { c: channel, u: user.id, d: until },
        owner.token,
      ),
      'silence',
    )

    const edit = await gql(t.url, EDIT, { id: own, text: 'new words after all' }, user.token)
    refusedWith(edit, 'SILENCED', 'edit')
    expect(edit.errors![0].extensions!.retryAfter).toBeGreaterThan(3000)
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: own } })).text).toBe('an old message')
    refusedWith(await gql(t.url, REACT, { id: theirs, e: '🔥' }, user.token), 'SILENCED', 'react')
    refusedWith(await gql(t.url, TYPING, { c: channel }, user.token), 'SILENCED', 'typing')
    expect(await db().chatReaction.count({ where: { messageId: theirs, userId: user.id } })).toBe(1)
    ok(await gql(t.url, UNREACT, { id: theirs, e: '👍' }, user.token), 'taking a reaction back')
    // elsewhere the silence does not hold
    ok(await gql(t.url, EDIT, { id: inMain, text: 'edited in main' }, user.token), 'edit in main')
    ok(await gql(t.url, TYPING, { c: 'main' }, user.token), 'typing in main')
  })

  it('channel-banned and kicked: refused with BANNED / KICKED; after rejoining, a kicked user writes again', async () => {
    const [owner, banned, kicked] = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const { channel, own } = await streamWith(owner, banned)
    const kickedOwn = await say(t, kicked.token, channel, 'mine too')
    ok(
      await gql(
        t.url,
        graphql(
          `mutation BanFromChannel($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }`,
        ),
        { c: channel, u: banned.id },
        owner.token,
      ),
      'ban',
    )
    ok(
      await gql(
        t.url,
        graphql(
          `mutation KickFromChannel($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }`,
        ),
        { c: channel, u: kicked.id },
        owner.token,
      ),
      'kick',
    )
    refusedWith(await gql(t.url, EDIT, { id: own, text: 'x' }, banned.token), 'BANNED', 'edit (banned)')
    refusedWith(await gql(t.url, TYPING, { c: channel }, banned.token), 'BANNED', 'typing (banned)')
    refusedWith(await gql(t.url, EDIT, { id: kickedOwn, text: 'x' }, kicked.token), 'KICKED', 'edit (kicked)')
    refusedWith(await gql(t.url, REACT, { id: own, e: '🙂' }, kicked.token), 'KICKED', 'react (kicked)')
    ok(
      await gql(
        t.url,
        graphql(`mutation RejoinChannel($c: String!) { rejoinChannel(channel: $c) }`),
        { c: channel },
        kicked.token,
      ),
      'rejoin',
    )
    ok(await gql(t.url, EDIT, { id: kickedOwn, text: 'back again' }, kicked.token), 'edit after rejoining')
    ok(await gql(t.url, TYPING, { c: channel }, kicked.token), 'typing after rejoining')
  })
})

describe('a chat ban holds every write in every channel but support', () => {
  it('a banned streamer cannot edit, react, type or pin even in their own channel; unpinning and support stay open', async () => {
    const [streamer, fan, voter] = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const { own: fanMsg, theirs: streamerMsg } = await streamWith(streamer, fan)
    ok(await gql(t.url, PIN, { id: streamerMsg }, streamer.token), 'pin before the ban')
    const q = await rest(
      t.url,
      '/api/support/ask',
      { category: 1, question: 'why was I banned?' },
      { token: streamer.token },
    )
    expect((await accuse(t, voter.token, { userId: streamer.id, reasonId: REASON.spam })).status).toBe(200)
    expect((await check(t, streamer.id)).banned).toBe(true)

    refusedWith(await gql(t.url, EDIT, { id: streamerMsg, text: 'new words' }, streamer.token), 'BANNED', 'edit')
    refusedWith(await gql(t.url, REACT, { id: fanMsg, e: '👍' }, streamer.token), 'BANNED', 'react')
    refusedWith(await gql(t.url, TYPING, { c: 'main' }, streamer.token), 'BANNED', 'typing in main')
    refusedWith(await gql(t.url, PIN, { id: fanMsg }, streamer.token), 'BANNED', 'pin')
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: fanMsg } })).pinnedAt).toBeNull()
    expect((await gql(t.url, UNPIN, { id: streamerMsg }, streamer.token)).data!.unpinChatMessage).toEqual({
      pinned: false,
    })
    // a banned user can still talk to support about the ban
    ok(await gql(t.url, TYPING, { c: `support/${q.body.id}` }, streamer.token), 'typing in support')
    // the fan is not banned
    ok(await gql(t.url, EDIT, { id: fanMsg, text: 'still here' }, fan.token), 'others edit')
  })
})
