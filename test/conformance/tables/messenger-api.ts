import { randomBytes } from 'node:crypto'
import { EVENT_MS, m, mEmit, mUpload, png, type ActorName, type Entry, type Outcome, type World } from '../harness.js'
import { literal, nonEmpty, nullable, oneOf, type Shape } from '../shape.js'

/**
 * messenger-api.md: the Discord-like REST API (JSON, a session cookie and X-CSRF-Token from POST /api/login) and its
 * socket.io events (socket.io 4 at its default path, `authenticate` with the user's token, rooms `g:<guild>:c:<channel>`).
 * The REST part is served by src/rest/dialects.ts `messenger`, the socket events by plugins/rooms/sockets-messenger.ts.
 * alice owns a guild that bob joins by invite; carol asks bob to be friends.
 *
 * Assumptions where the document is silent: the session is the cookies POST /api/login sets, the CSRF token a response
 * header or cookie named like it; the socket's `authenticate` takes the session token of GraphQL's login; joining a
 * room is answered with `messages_history`; an answer the document does not show is only checked for its status.
 */

const guild = (w: World) => w.vars.mGuild ?? 0
const channel = (w: World) => w.vars.mChannel ?? 0
const message = (w: World) => w.vars.mMessage ?? 0
const room = (w: World) => `g:${guild(w)}:c:${channel(w)}`

const ID = oneOf('number', 'string')
const FILE = { filename: 'string', path: 'string' } as const satisfies Shape
const MESSAGE = {
  id: 'number',
  content: 'string',
  username: 'string',
  timestamp: 'iso',
  pinned: 'boolean',
  files: [FILE],
} as const satisfies Shape
const GUILD = { id: 'number', name: 'string', owner_id: 'number', created_at: 'iso' } as const satisfies Shape
const POLL = {
  id: ID,
  question: 'string',
  options: nonEmpty({ id: 'string', text: 'string', votes: 'number' }),
  expires_at: 'iso',
  allow_multiple: 'boolean',
} as const satisfies Shape
const DONE = { message: 'string' } as const satisfies Shape

/** alice posts in the channel through REST */
const post = (w: World, content: string) => m('POST', `/api/channels/${channel(w)}/messages`, 'alice', { content })(w)

/** both join the channel's room (bob listens, alice acts) */
async function bothJoin(w: World) {
  for (const who of ['alice', 'bob'] as ActorName[]) (await w.messengerSocket(who)).emit('join_room', { room: room(w) })
  await new Promise((r) => setTimeout(r, 100))
}

/** a server event bob hears after `trigger` */
const heard =
  (event: string, trigger: (w: World) => Promise<unknown>) =>
  async (w: World): Promise<Outcome> => {
    if (w.vars.messengerSocketsDown) return { implemented: false, note: 'the server serves no messenger socket event' }
    const s = await w.messengerSocket('bob')
    s.clear(event)
    await bothJoin(w)
    await trigger(w)
    const got = await s.take(event, EVENT_MS)
    return got ? { implemented: true, body: got.payload } : { implemented: false, note: `no ${event} event` }
  }

/** `as` emits a client event in the room; `expect` must reach bob */
const emitIn =
  (event: string, as: ActorName, extra: (w: World) => Record<string, unknown>, expect: string) =>
  async (w: World): Promise<Outcome> => {
    if (!w.vars.messengerSocketsDown) await bothJoin(w)
    return mEmit(event, as, (x) => ({ room: room(x), ...extra(x) }), { event: expect, listener: 'bob' })(w)
  }

const reaction = (w: World) => ({ message_id: message(w), emoji: '👍' })
const pinned = (w: World) => ({ message_id: message(w) })

/** join_room: answered by the room's history (and the gate of every other socket entry) */
async function join(w: World): Promise<Outcome> {
  const o = await mEmit('join_room', 'bob', (x) => ({ room: room(x) }), { event: 'messages_history', ms: 2_000 })(w)
  if (!o.implemented) w.vars.messengerSocketsDown = true
  return o
}

export const messengerApi: Entry[] = [
  {
    key: 'POST /api/register',
    run: m('POST', '/api/register', null, (w) => {
      w.vars.mUser = { username: `m_${randomBytes(3).toString('hex')}`, password: 'securepassword-1' }
      return { ...w.vars.mUser, email: `${w.vars.mUser.username}@example.com` }
    }),
    status: 201,
    response: { id: 'number', username: 'string', email: 'string', created_at: 'iso' },
  },
  {
    key: 'POST /api/login',
    run: m('POST', '/api/login', null, (w) => w.vars.mUser),
    response: { id: 'number', username: 'string', email: 'string' },
  },
  {
    // `avatar` is written "avatar_url": a user without one may have null
    key: 'GET /api/users',
    run: m('GET', '/api/users', 'alice'),
    response: nonEmpty({ id: 'number', username: 'string', avatar: nullable('string'), status: 'string' }),
  },
  {
    key: 'GET /api/search/users',
    run: m('GET', (w) => `/api/search/users?q=${encodeURIComponent(w.users.bob.name.slice(0, 4))}`, 'alice'),
    response: { results: nonEmpty({ username: 'string', avatar: nullable('string') }), count: 'number' },
  },
  {
    key: 'POST /api/friends/request',
    run: m('POST', '/api/friends/request', 'alice', (w) => ({ to: w.users.bob.name })),
    response: DONE,
  },
  {
    key: 'GET /api/friends/status',
    run: m('GET', '/api/friends/status', 'bob'),
    response: { friends: ['string'], pending_in: nonEmpty('string'), pending_out: ['string'] },
  },
  {
    key: 'POST /api/friends/accept',
    run: m('POST', '/api/friends/accept', 'bob', (w) => ({ from: w.users.alice.name })),
    response: 'any',
  },
  {
    key: 'POST /api/friends/decline',
    run: m('POST', '/api/friends/decline', 'bob', async (w) => {
      await m('POST', '/api/friends/request', 'carol', { to: w.users.bob.name })(w)
      return { from: w.users.carol.name }
    }),
    response: 'any',
  },
  {
    key: 'POST /api/friends/remove',
    run: m('POST', '/api/friends/remove', 'alice', (w) => ({ username: w.users.bob.name })),
    response: 'any',
  },
  {
    key: 'POST /api/guilds',
    run: m('POST', '/api/guilds', 'alice', { name: 'My Server' }),
    status: 201,
    response: GUILD,
    keep: (b, w) => {
      w.vars.mGuild = b.id
    },
  },
  {
    key: 'GET /api/guilds',
    run: m('GET', '/api/guilds', 'alice'),
    response: nonEmpty(GUILD),
  },
  {
    key: 'POST /api/guilds/1/invites',
    run: m('POST', (w) => `/api/guilds/${guild(w)}/invites`, 'alice', { expires_hours: 24, max_uses: 10 }),
    status: 201,
    response: { code: 'string', expires_at: 'iso', max_uses: 'number', uses: 'number' },
    keep: (b, w) => {
      w.vars.mInvite = b.code
    },
  },
  {
    key: 'POST /api/invites/abc123/join',
    run: m('POST', (w) => `/api/invites/${w.vars.mInvite ?? 'none'}/join`, 'bob'),
    response: { message: 'string', guild_id: 'number' },
  },
  {
    // the example's category_id names a category this guild does not have: left out
    key: 'POST /api/guilds/1/channels',
    run: m('POST', (w) => `/api/guilds/${guild(w)}/channels`, 'alice', { name: 'general', type: 'text' }),
    status: 201,
    response: {
      id: 'number',
      name: 'string',
      type: 'string',
      guild_id: 'number',
      position: 'number',
      created_at: 'iso',
    },
    keep: (b, w) => {
      w.vars.mChannel = b.id
    },
  },
  {
    key: 'GET /api/guilds/1/channels',
    run: m('GET', (w) => `/api/guilds/${guild(w)}/channels`, 'alice'),
    response: nonEmpty({ id: 'number', name: 'string', type: 'string', guild_id: 'number', position: 'number' }),
  },
  {
    key: 'PUT /api/channels/1',
    run: m('PUT', (w) => `/api/channels/${channel(w)}`, 'alice', { name: 'new-name', read_only: false }),
    response: 'any',
  },
  {
    key: 'POST /api/channels/1/messages',
    run: m('POST', (w) => `/api/channels/${channel(w)}/messages`, 'alice', { content: 'Hello, everyone!' }),
    status: 201,
    response: MESSAGE,
    keep: (b, w) => {
      w.vars.mMessage = b.id
    },
  },
  {
    key: 'GET /api/channels/1/messages',
    run: m('GET', (w) => `/api/channels/${channel(w)}/messages?page=1&limit=50`, 'bob'),
    response: {
      messages: nonEmpty(MESSAGE),
      pagination: { page: 'number', limit: 'number', total: 'number', pages: 'number' },
    },
  },
  {
    key: 'PUT /api/messages/1',
    run: m('PUT', (w) => `/api/messages/${message(w)}`, 'alice', { content: 'Updated message' }),
    response: { id: 'number', content: 'string', username: 'string', timestamp: 'iso', edited_at: 'iso' },
  },
  {
    key: 'POST /api/messages/1/pin',
    run: m('POST', (w) => `/api/messages/${message(w)}/pin`, 'alice'),
    response: DONE,
  },
  {
    key: 'POST /api/messages/1/unpin',
    run: m('POST', (w) => `/api/messages/${message(w)}/unpin`, 'alice'),
    response: DONE,
  },
  {
    key: 'POST /api/upload',
    run: mUpload('/api/upload', 'alice', {}, () => ({ field: 'file', name: 'image.png', bytes: png(16, 16) })),
    status: 201,
    response: { filename: 'string', path: 'string', size: 'number', mimetype: 'string' },
    keep: (b, w) => {
      w.vars.mFile = b.path
    },
  },
  {
    key: 'GET /uploads/image.png',
    run: async (w) => {
      if (!w.vars.mFile) return { implemented: false, note: 'no file: POST /api/upload is not served' }
      const res = await fetch(`${w.url}/${String(w.vars.mFile).replace(/^\//, '')}`)
      const bytes = await res.arrayBuffer()
      return { implemented: true, status: res.status, body: { size: bytes.byteLength } }
    },
    response: { size: 'number' },
  },
  {
    // the message posted above was edited since ("Updated message"): one more to find
    key: 'GET /api/search/messages',
    run: async (w) => {
      await post(w, 'Hello, everyone!')
      return m('GET', `/api/search/messages?q=everyone&channel_id=${channel(w)}&limit=20`, 'alice')(w)
    },
    response: nonEmpty({
      id: 'number',
      content: 'string',
      username: 'string',
      channel_name: 'string',
      timestamp: 'iso',
    }),
  },
  {
    key: 'POST /api/guilds/1/emojis',
    run: mUpload(
      (w) => `/api/guilds/${guild(w)}/emojis`,
      'alice',
      { name: 'custom_emoji' },
      () => ({
        field: 'file',
        name: 'emoji.png',
        bytes: png(64, 64),
      }),
    ),
    status: 201,
    response: { id: ID, name: 'string', file_path: 'string', animated: 'boolean' },
    keep: (b, w) => {
      w.vars.mEmoji = b.id
    },
  },
  {
    key: 'GET /api/guilds/1/emojis',
    run: m('GET', (w) => `/api/guilds/${guild(w)}/emojis`, 'alice'),
    response: nonEmpty({ id: ID, name: 'string', file_path: 'string', animated: 'boolean', created_at: 'iso' }),
  },
  {
    key: 'DELETE /api/emojis/emoji_id',
    run: m('DELETE', (w) => `/api/emojis/${w.vars.mEmoji ?? 'none'}`, 'alice'),
    response: { success: literal(true) },
  },
  {
    key: 'POST /api/guilds/1/stickers',
    run: mUpload(
      (w) => `/api/guilds/${guild(w)}/stickers`,
      'alice',
      { name: 'custom_sticker', description: 'A custom sticker' },
      () => ({ field: 'file', name: 'sticker.png', bytes: png(64, 64) }),
    ),
    status: 201,
    response: { id: ID, name: 'string', file_path: 'string', description: 'string' },
  },
  {
    key: 'GET /api/guilds/1/stickers',
    run: m('GET', (w) => `/api/guilds/${guild(w)}/stickers`, 'alice'),
    response: nonEmpty({ id: ID, name: 'string', file_path: 'string', description: 'string', created_at: 'iso' }),
  },
  {
    key: 'POST /api/messages/1/poll',
    run: m('POST', (w) => `/api/messages/${message(w)}/poll`, 'alice', {
      question: 'What is your favorite color?',
      options: ['Red', 'Blue', 'Green'],
      allow_multiple: false,
      expires_hours: 24,
    }),
    status: 201,
    response: POLL,
    keep: (b, w) => {
      w.vars.mPoll = b.id
      w.vars.mOption = b.options[0].id
    },
  },
  {
    key: 'POST /api/polls/poll_id/vote',
    run: m(
      'POST',
      (w) => `/api/polls/${w.vars.mPoll ?? 'none'}/vote`,
      'bob',
      (w) => ({ option_id: w.vars.mOption ?? '1' }),
    ),
    response: POLL,
  },
  {
    key: 'GET /api/messages/1/poll',
    run: m('GET', (w) => `/api/messages/${message(w)}/poll`, 'bob'),
    response: { ...POLL, user_votes: nonEmpty('string') },
  },
  // ---- socket events (join_room first: it tells whether the server serves any)
  {
    key: 'client join_room',
    run: join,
    response: [MESSAGE],
  },
  {
    key: 'server messages_history',
    run: join,
    response: [MESSAGE],
  },
  {
    // authenticated: what bob writes carries his name
    key: 'client authenticate',
    run: emitIn('send_message', 'bob', () => ({ content: 'Hello!' }), 'new_message'),
    response: { username: 'string' },
  },
  {
    key: 'client send_message',
    run: emitIn('send_message', 'bob', () => ({ content: 'Hello!' }), 'new_message'),
    response: MESSAGE,
  },
  {
    key: 'server new_message',
    run: heard('new_message', (w) => post(w, 'Hello, world!')),
    response: MESSAGE,
  },
  {
    key: 'client typing',
    run: emitIn('typing', 'alice', () => ({}), 'user_typing'),
    response: { username: 'string', room: 'string' },
  },
  {
    key: 'server user_typing',
    run: emitIn('typing', 'alice', () => ({}), 'user_typing'),
    response: { username: 'string', room: 'string' },
  },
  {
    key: 'client stop_typing',
    run: emitIn('stop_typing', 'alice', () => ({}), 'user_stopped_typing'),
    response: { username: 'string', room: 'string' },
  },
  {
    key: 'server user_stopped_typing',
    run: emitIn('stop_typing', 'alice', () => ({}), 'user_stopped_typing'),
    response: { username: 'string', room: 'string' },
  },
  {
    key: 'client add_reaction',
    run: emitIn('add_reaction', 'alice', reaction, 'reaction_added'),
    response: { message_id: 'number', emoji: 'string', username: 'string' },
  },
  {
    key: 'server reaction_added',
    run: emitIn('add_reaction', 'carol', reaction, 'reaction_added'),
    response: { message_id: 'number', emoji: 'string', username: 'string' },
  },
  {
    key: 'client remove_reaction',
    run: emitIn('remove_reaction', 'alice', reaction, 'reaction_removed'),
    response: { message_id: 'number', emoji: 'string', username: 'string' },
  },
  {
    key: 'server reaction_removed',
    run: emitIn('remove_reaction', 'carol', reaction, 'reaction_removed'),
    response: { message_id: 'number', emoji: 'string', username: 'string' },
  },
  {
    key: 'client pin_message',
    run: emitIn('pin_message', 'alice', pinned, 'message_pinned'),
    response: { message_id: 'number', room: 'string' },
  },
  {
    key: 'client unpin_message',
    run: emitIn('unpin_message', 'alice', pinned, 'message_unpinned'),
    response: { message_id: 'number', room: 'string' },
  },
  {
    key: 'server message_pinned',
    run: heard('message_pinned', (w) => m('POST', `/api/messages/${message(w)}/pin`, 'alice')(w)),
    response: { message_id: 'number', room: 'string' },
  },
  {
    key: 'server message_unpinned',
    run: heard('message_unpinned', (w) => m('POST', `/api/messages/${message(w)}/unpin`, 'alice')(w)),
    response: { message_id: 'number', room: 'string' },
  },
  {
    key: 'server message_edited',
    run: heard('message_edited', (w) =>
      m('PUT', `/api/messages/${message(w)}`, 'alice', { content: 'Edited again' })(w),
    ),
    response: { id: 'number', content: 'string', edited_at: 'iso' },
  },
  {
    key: 'server message_deleted',
    run: heard('message_deleted', async (w) => {
      const made = await post(w, 'to be deleted')
      await m('DELETE', `/api/messages/${(made.body as { id?: number } | undefined)?.id ?? 0}`, 'alice')(w)
    }),
    response: { id: 'number' },
  },
  {
    // left: what is said in the room no longer reaches bob
    key: 'client leave_room',
    run: async (w) => {
      if (w.vars.messengerSocketsDown)
        return { implemented: false, note: 'the server serves no messenger socket event' }
      const s = await w.messengerSocket('bob')
      const acked = (await s.ask('leave_room', { room: room(w) }, 1_000)).acked
      s.clear('new_message')
      await post(w, 'after bob left')
      const after = await s.take('new_message', 1_000)
      return { implemented: true, body: { acked, heardAfterLeaving: after !== undefined } }
    },
    response: { acked: 'boolean', heardAfterLeaving: literal(false) },
  },
  // ---- last: what removes the things above
  {
    key: 'DELETE /api/messages/1',
    run: m('DELETE', (w) => `/api/messages/${message(w)}`, 'alice'),
    response: DONE,
  },
  {
    key: 'DELETE /api/guilds/1',
    run: m('DELETE', (w) => `/api/guilds/${guild(w)}`, 'alice'),
    response: DONE,
  },
  {
    key: 'POST /api/logout',
    run: m('POST', '/api/logout', 'alice'),
    response: { message: literal('Successfully logged out') },
  },
]
