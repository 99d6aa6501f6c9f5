import { expect } from 'vitest'
// notifications: each type a plugin or the core sends, made through the API, and the whole notification its recipient
// (and, for moderation's, every moderator as a copy naming the user) must receive.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, userWithRoles, type TestUser } from '../../helpers/users.js'
import { ADD_SMILE, freshCode, gqlUpload, smilePng } from '../../smiles/support.js'
import { isoSince, ok, open, type Received, type Stream } from '../support.js'
import { rest } from '../../helpers/clients.js'
import type { Stub } from '../../helpers/thirdparty-provider.js'
import { sendAs } from './chat.js'
import { STORE_NOTIFICATION_RECIPES } from './store.js'
// rooms: members
import { ROOM_MEMBER_NOTIFICATION_RECIPES } from './rooms-members.js'
// polls: poll/update
import { POLL_NOTIFICATION_RECIPES } from './polls.js'
// polls: end

type Recipe = (t: TestApp) => Promise<Received>

/** The stub provider the app was configured with (thirdpartyLogin), set by the test that starts both. */
let provider: Stub | null = null
export const useProvider = (stub: Stub) => {
  provider = stub
}

const REDIRECT = 'https://site.example/thirdparty/done'
/** Signs in at the provider as `who` and hands the code to the app: a session, or a registration token. */
async function providerSignIn(t: TestApp, who: { id: string; login: string }) {
  if (!provider) throw new Error('no third-party provider: the test must call useProvider')
  const url = await ok(
    t,
    undefined,
    'query($r: String!) { thirdPartyAuthorizeUrl(provider: "stub", redirectUri: $r) }',
    {
      r: REDIRECT,
    },
  )
  const state = new URL(url.thirdPartyAuthorizeUrl as string).searchParams.get('state')
  const code = `code-${Math.random()}`
  provider.codes.set(code, who)
  const d = await ok(
    t,
    undefined,
    `mutation($c: String!, $s: String!, $r: String!) { signInWithThirdParty(provider: "stub", code: $c, state: $s,
      redirectUri: $r) { session { token } registration { token } } }`,
    { c: code, s: state, r: REDIRECT },
  )
  return d.signInWithThirdParty as { session: { token: string } | null; registration: { token: string } | null }
}

const notice = (type: string, data: unknown, since: number) => ({ type, data, time: isoSince(since) })
const inbox = (t: TestApp, u: TestUser) => open(t, u, 'notifications')

async function expectOnly(s: Stream, ...expected: unknown[]) {
  const got = await s.expectNext(...expected)
  await s.expectQuiet(100)
  await s.close()
  return got
}

const SPAM = 1
const ACCUSE = 'mutation($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }'

/** A user with a message in a stream channel, accused by a moderator (whose vote bans at once). */
async function banned(t: TestApp) {
  const x = await registerUser(t)
  const channel = `stream/${(await registerUser(t)).id}`
  const messageId = await sendAs(t, x, channel, 'to be accused')
  const mod = await userWithRoles(t, { moderator: 1 })
  return { x, channel, messageId, mod }
}

async function smilesDecision(t: TestApp, decision: 'approve' | 'reject'): Promise<Received> {
  const smiler = await userWithRoles(t, { smiler: 1 })
  const ms = await userWithRoles(t, { masterstreamer: 1 })
  const r = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('n')}.png`, bytes: smilePng() }, ms.token)
  if (r.errors) throw new Error(JSON.stringify(r.errors))
  await ok(t, ms, 'mutation { submitSmileChanges }')
  const s = await inbox(t, ms)
  const since = Date.now()
  await ok(t, smiler, `mutation($u: Int!) { ${decision}SmileChanges(userId: $u) }`, { u: ms.id })
  const type = decision === 'approve' ? 'smilesApproved' : 'smilesRejected'
  return expectOnly(s, notice(type, { smiler: { id: smiler.id, name: smiler.name } }, since))
}

export const NOTIFICATION_RECIPES: Partial<Record<string, Recipe>> = {
  async thirdpartyLogin(t) {
    const who = { id: `ext-${Math.random()}`, login: `Tp_${Date.now() % 1_000_000}` }
    const first = await providerSignIn(t, who)
    const reg = await rest(t.url, '/api/oauth/thirdparty/register', {
      name: who.login,
      token: first.registration?.token,
    })
    const user = { id: reg.body.current.id as number, token: reg.body.token as string }
    const s = await open(t, { ...user, name: who.login, email: '', password: '' }, 'notifications')
    const since = Date.now()
    await providerSignIn(t, who)
    return expectOnly(
      s,
      notice('thirdpartyLogin', expect.objectContaining({ id: user.id, name: who.login, guest: false }), since),
    )
  },
  async subscriber(t) {
    const streamer = await registerUser(t)
    const fan = await registerUser(t)
    const s = await inbox(t, streamer)
    const since = Date.now()
    await ok(t, fan, 'mutation($id: Int!) { follow(content: STREAM, id: $id) }', { id: streamer.id })
    return expectOnly(s, notice('subscriber', { userId: fan.id, name: fan.name }, since))
  },

  async roleChanged(t) {
    const admin = await userWithRoles(t, { roleAdmin: 1 })
    const x = await registerUser(t)
    const s = await inbox(t, x)
    const since = Date.now()
    // raised, not lowered: a lowered role closes the user's sockets (4403) instead of leaving them open
    await ok(t, admin, 'mutation($u: Int!) { setRole(userId: $u, role: "citizen", value: 5) }', { u: x.id })
    await ok(t, admin, 'mutation($u: Int!) { setRole(userId: $u, role: "smiler", value: true) }', { u: x.id })
    return expectOnly(
      s,
      notice('roleChanged', { role: 'citizen', value: 5 }, since),
      notice('roleChanged', { role: 'smiler', value: true }, since),
    )
  },

  async chatBanAttempt(t) {
    const x = await registerUser(t)
    const channel = `stream/${(await registerUser(t)).id}`
    const messageId = await sendAs(t, x, channel, 'hm')
    const s = await inbox(t, x)
    const since = Date.now()
    // two citizens of weight 2: votes, no ban; with and without a message
    await ok(t, await registerUser(t), ACCUSE, { u: x.id, r: SPAM, d: { messageId } })
    await ok(t, await registerUser(t), ACCUSE, { u: x.id, r: SPAM })
    return expectOnly(
      s,
      notice('chatBanAttempt', { messageId, channel }, since),
      notice('chatBanAttempt', { messageId: 0, channel: '' }, since),
    )
  },

  async chatBan(t) {
    const { x, channel, messageId, mod } = await banned(t)
    // a moderator's copy names the user
    const watcher = await userWithRoles(t, { moderator: 1 })
    const s = await inbox(t, x)
    const w = await inbox(t, watcher)
    const since = Date.now()
    await ok(t, mod, ACCUSE, { u: x.id, r: SPAM, d: { messageId } })
    const ban = await t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: x.id } })
    const check = { id: ban.id, banned: true, expire: Math.floor(ban.endAt.getTime() / 1000), reason: SPAM }
    const attempt = { messageId, channel }
    const got = await expectOnly(s, notice('chatBanAttempt', attempt, since), notice('chatBan', check, since))
    await expectOnly(
      w,
      notice('chatBanAttempt', { ...attempt, userId: x.id }, since),
      notice('chatBan', { ...check, userId: x.id }, since),
    )
    return got
  },

  async chatBanUndo(t) {
    const { x, messageId, mod } = await banned(t)
    await ok(t, mod, ACCUSE, { u: x.id, r: SPAM, d: { messageId } })
    const ban = await t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: x.id } })
    const s = await inbox(t, x)
    const since = Date.now()
    await ok(t, await userWithRoles(t, { moderator: 1 }), 'mutation($b: Int!) { undoBan(banId: $b) }', { b: ban.id })
    return expectOnly(s, notice('chatBanUndo', {}, since))
  },

  smilesApproved: (t) => smilesDecision(t, 'approve'),
  smilesRejected: (t) => smilesDecision(t, 'reject'),
  ...STORE_NOTIFICATION_RECIPES,
  // rooms: members — roomUserSet / roomUserRemoved
  ...ROOM_MEMBER_NOTIFICATION_RECIPES,
  // polls: poll/update — peka2's, to the users watching the channel
  ...POLL_NOTIFICATION_RECIPES,
  // polls: end

  // rooms: video — a new video in a room: its owner (in it) gets the getCurrentVideo object
  async roomVideo(t) {
    const owner = await registerUser(t)
    const d = await ok(t, owner, 'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }', {
      i: { name: `video ${owner.id}` },
    })
    const roomId: number = d.createRoom.databaseId
    const items = [
      {
        position: 0,
        url: 'https://video.example.test/1',
        start: new Date().toISOString(),
        main: true,
        persistent: false,
      },
    ]
    await ok(
      t,
      owner,
      'mutation($r: Int!, $i: [RoomPlaylistItemInput!]!) { setRoomPlaylist(roomId: $r, items: $i) { url } }',
      { r: roomId, i: items },
    )
    const s = await inbox(t, owner)
    const since = Date.now()
    const v = await ok(
      t,
      owner,
      'mutation($r: Int!) { setRoomCurrentVideo(roomId: $r, position: 0) { code { started paused } } }',
      { r: roomId },
    )
    const code: unknown = v.setRoomCurrentVideo.code
    return expectOnly(s, notice('roomVideo', { roomId, url: items[0].url, playlistPosition: 0, code }, since))
  },
  // rooms: rooms — a room's main data changed: its owner (and access list) get peka2's room object
  async roomModify(t) {
    const owner = await registerUser(t)
    const d = await ok(
      t,
      owner,
      'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId slug owner { slug } } }',
      { i: { name: `modify ${owner.id}`, mode: 'PRIVATE' } },
    )
    const roomId: number = d.createRoom.databaseId
    const s = await inbox(t, owner)
    const since = Date.now()
    await ok(t, owner, 'mutation($r: Int!) { updateRoom(roomId: $r, input: { hidden: true }) { databaseId } }', {
      r: roomId,
    })
    const data = {
      id: roomId,
      name: `modify ${owner.id}`,
      owner: { id: owner.id, name: owner.name, slug: d.createRoom.owner.slug },
      category: null,
      mode: 'private',
      hidden: true,
      rating: 0,
      image: '',
      thumbnail: '',
      slug: d.createRoom.slug,
      available: true,
    }
    return expectOnly(s, notice('roomModify', { roomId, data }, since))
  },
}
