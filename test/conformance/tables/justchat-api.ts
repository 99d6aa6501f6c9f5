import { createHash, randomInt } from 'node:crypto'
import { encodeObjectId } from '../../../src/rest/object-ids.js'
import {
  EVENT_MS,
  jc,
  jcEvent,
  jcUpload,
  png,
  type ActorName,
  type Entry,
  type Outcome,
  type World,
} from '../harness.js'
import { openSocket } from '../sockets.js'
import { literal, nonEmpty, nullable, oneOf, optional, type Shape } from '../shape.js'
import { LEGACY_TOPUP_SECRET } from '../world.js'

/**
 * justchat-api.md: phone sign-up, `session_key` in every body, rooms with passwords and their moderation, personal
 * messages, gifts, coins, and the socket (socket.io 2 at its default path: `init` with the session key, then `ready`
 * and the room's and the user's events). Ids are 24-hex ObjectIds. The answers are mongoose documents of the models at
 * the end of the document: a field with a default (arrays, `balance`, `create_at`, `max_users`) is always there, an
 * unset one may be missing.
 *
 * Cast: a new phone user (sign-up, profile, balance); mike owns a room that liam and nina enter and get moderated in;
 * hank writes to ivan; oscar gives ivan a gift.
 */

const hex = (w: World, who: ActorName) => encodeObjectId(w.users[who].id)
const room = (w: World): string => w.vars.jcRoom
const session = (w: World): string => w.vars.jcSession

/** a JustChat date: mongoose serializes Date as ISO; some examples say "timestamp" (a number) */
const DATE = oneOf('iso', 'number')

const USER = {
  _id: 'objectId',
  __v: optional(oneOf('string', 'number')),
  phone: oneOf('string', 'number'),
  nickname: optional(nullable('string')),
  location: optional(nullable('string')),
  photo: optional(nullable('string')),
  dob: optional(nullable(oneOf('iso', 'string'))),
  gender: optional(nullable('number')),
  room: optional(nullable('objectId')),
  gifts: ['any'],
  rooms: ['objectId'],
  visitedRooms: ['objectId'],
  balance: 'number',
  create_at: 'iso',
} as const satisfies Shape

/** RoomSchema; the examples write the creation time `created_at`, the model `create_at`: either */
const roomShape = (extra: Record<string, Shape> = {}): Shape => {
  const base: Record<string, Shape> = {
    _id: 'objectId',
    name: 'string',
    is_private: 'boolean',
    max_users: 'number',
    admin: 'objectId',
    moderators: ['objectId'],
    users: ['objectId'],
    banned: ['objectId'],
    visiters: ['objectId'],
    silently: optional('object'),
    ...extra,
  }
  return oneOf({ ...base, created_at: DATE }, { ...base, create_at: DATE })
}

const MESSAGE = {
  _id: 'objectId',
  author: 'objectId',
  text: 'string',
  room: optional(nullable('objectId')),
  user: optional(nullable('objectId')),
  type: optional(nullable('string')),
  ref_message: optional('any'),
  create_at: 'iso',
} as const satisfies Shape
const ROOM_MESSAGE = { ...MESSAGE, room: 'objectId' } as const satisfies Shape
const DIRECT_MESSAGE = { ...MESSAGE, user: 'objectId' } as const satisfies Shape

/**
 * a service message; moderator changes name no message in their request, so theirs may have none. `author` is mike, the
 * room's owner, who is public (the room's `admin`); site staff acting there would be null (anonymous)
 */
const service = (type: string, extra: Record<string, Shape> = {}): Shape => ({
  error: literal(null),
  type: literal(type),
  room: 'objectId',
  user: 'objectId',
  author: 'objectId',
  ...extra,
  created_at: 'iso',
  ref_message: type.endsWith('moderator') ? nullable(ROOM_MESSAGE) : ROOM_MESSAGE,
})

/** the code the SMS gateway got for that phone */
async function smsCode(w: World, phone: string): Promise<string> {
  const digits = phone.replace(/\D/g, '')
  const end = Date.now() + EVENT_MS
  for (;;) {
    const m = [...w.inbox.messages].reverse().find((x) => x.to.replace(/\D/g, '') === digits && x.code)
    if (m?.code) return m.code
    if (Date.now() > end) throw new Error(`no SMS to ${phone}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** the id of the room's last message (read from the start: see the /room/chat gap) */
async function lastMessage(w: World): Promise<string> {
  if (!w.vars.jcMessageId) {
    const r = await jc('/room/chat', 'mike', (x) => ({ room: room(x), skip: 0, limit: 100 }))(w)
    w.vars.jcMessageId = (r.body as { data: { chat: { _id: string }[] } }).data.chat.at(-1)?._id
  }
  return w.vars.jcMessageId
}

/** mike's socket, inside his room, hears its chat */
async function ownerListens(w: World) {
  await w.justchatSocket('mike')
  await jc('/room/enter', 'mike', (x) => ({ room: { id: room(x), password: 'baz-secret' } }))(w)
}

/** a moderation request of mike's about `who`; kick, silence and ban name the message (`ref_message`) */
const moderate = (path: string, who: ActorName, extra: Record<string, unknown> = {}) =>
  jc(path, 'mike', async (w) => ({
    room_id: room(w),
    user_id: hex(w, who),
    ...(path.endsWith('moderator') ? {} : { ref_message: await lastMessage(w) }),
    ...extra,
  }))

const serviceEvent = (type: string, path: string, extra: Record<string, unknown> = {}) =>
  jcEvent(
    'service-message',
    'mike',
    async (w) => {
      await ownerListens(w)
      await moderate(path, 'nina', extra)(w)
    },
    (p) => p?.type === type,
  )

const silenceBody = () => ({ finished: Date.now() + 60_000, text: 'Комментарий' })

/** a fresh socket: `init` with the session key, and the `ready` it answers with */
const initSocket = async (w: World): Promise<Outcome> => {
  const s = await openSocket(w.url, 2, ['ready'], { path: '/socket.io/' })
  try {
    s.emit('init', { session_key: w.users.ivan.token })
    const ready = await s.take('ready', EVENT_MS)
    return ready ? { implemented: true, body: ready.payload } : { implemented: false, note: 'no ready event' }
  } finally {
    s.close()
  }
}

export const justchatApi: Entry[] = [
  {
    key: 'POST /init/reg',
    run: jc('/init/reg', null, (w) => {
      w.vars.jcPhone = `+7922${randomInt(1_000_000, 9_999_999)}`
      return { phone: w.vars.jcPhone }
    }),
    status: 201,
    response: {},
  },
  {
    key: 'POST /init/reg',
    variant: 'again: a new password',
    run: jc('/init/reg', null, (w) => ({ phone: w.vars.jcPhone })),
    response: {},
  },
  {
    key: 'POST /init/auth',
    run: jc('/init/auth', null, async (w) => {
      const code = await smsCode(w, w.vars.jcPhone)
      return { phone: w.vars.jcPhone, key: /^\d+$/.test(code) ? Number(code) : code }
    }),
    response: { data: { session_key: 'string', user: USER } },
    keep: (b, w) => {
      w.vars.jcSession = b.data.session_key
      w.vars.jcUser = b.data.user._id
    },
  },
  {
    key: 'POST /init/edit',
    run: jc('/init/edit', null, (w) => ({
      session_key: session(w),
      user: { nickname: `conformance-${w.users.admin.id}`, location: 'Perm', dob: '1990-02-08', gender: 0 },
    })),
    response: {
      data: {
        user: { ...USER, nickname: 'string', location: 'string', dob: oneOf('iso', 'string'), gender: 'number' },
      },
    },
  },
  {
    key: 'POST /init/getUser',
    run: jc('/init/getUser', 'mike', (w) => ({ user_id: w.vars.jcUser })),
    response: { data: { user: USER } },
    knownGaps: "another user's phone is null (the model requires it; phones are private here)",
  },
  {
    key: 'POST /init/invite',
    run: jc('/init/invite', null, (w) => ({
      session_key: session(w),
      phons: [`+7922${randomInt(1_000_000, 9_999_999)}`, Number(`8922${randomInt(1_000_000, 9_999_999)}`)],
    })),
    response: {},
  },
  {
    key: 'POST /user/updateBalance',
    run: jc('/user/updateBalance', null, (w) => ({
      session_key: session(w),
      balance: 200,
      secret: createHash('md5').update(`${LEGACY_TOPUP_SECRET}200`).digest('hex'),
    })),
    response: { data: { user: USER } },
  },
  {
    key: 'POST /room/create',
    run: jc('/room/create', 'mike', { room: { name: 'foo conformance', password: 'baz-secret' } }),
    status: 201,
    response: { data: { room: roomShape() } },
    keep: (b, w) => {
      w.vars.jcRoom = b.data.room._id
    },
  },
  {
    key: 'POST /room/enter',
    run: jc('/room/enter', 'liam', (w) => ({ room: { id: room(w), password: 'baz-secret' } })),
    response: { data: { room: roomShape({ silently: 'object' }) } },
  },
  {
    key: 'POST /room/get',
    run: jc('/room/get', 'mike', { name: 'CONFORMANCE', page: 1, per_page: 40, sort: { create_at: -1 } }),
    response: { data: { rooms: nonEmpty(roomShape()) } },
  },
  {
    key: 'POST /room/get',
    variant: 'one room',
    run: jc('/room/get', 'mike', (w) => ({ room_id: room(w) })),
    response: { data: { rooms: nonEmpty(roomShape()) } },
  },
  {
    key: 'POST /room/sendMessage',
    run: jc('/room/sendMessage', 'liam', (w) => ({ message: { room_id: room(w), text: 'SUP' } })),
    response: { data: { message: { room: 'objectId', text: 'string', author: 'objectId', create_at: DATE } } },
  },
  {
    key: 'server message',
    run: jcEvent('message', 'mike', async (w) => {
      await ownerListens(w)
      await jc('/room/sendMessage', 'liam', (x) => ({ message: { room_id: room(x), text: 'SUP again' } }))(w)
    }),
    response: { error: literal(null), text: 'string', author: 'objectId', created_at: 'iso' },
  },
  {
    key: 'POST /room/chat',
    run: jc('/room/chat', 'mike', (w) => ({ room: room(w), skip: -200, limit: 100 })),
    response: { data: { chat: nonEmpty(ROOM_MESSAGE) } },
  },
  {
    // ComplaintSchema's `message` is [MessageSchema]; the example shows one message object: either
    key: 'POST /complaints/new',
    run: jc('/complaints/new', 'nina', async (w) => {
      await jc('/room/enter', 'nina', (x) => ({ room: { id: room(x), password: 'baz-secret' } }))(w)
      return { message: await lastMessage(w), text: 'Комментарий к жалобе' }
    }),
    response: {
      complaint: {
        author: 'objectId',
        room: 'objectId',
        message: oneOf(ROOM_MESSAGE, nonEmpty(ROOM_MESSAGE)),
        create_at: 'iso',
      },
    },
  },
  {
    key: 'server service-message',
    variant: 'new moderator',
    run: serviceEvent('new moderator', '/room/add-moderator'),
    response: service('new moderator'),
  },
  {
    key: 'POST /room/add-moderator',
    run: moderate('/room/add-moderator', 'liam'),
    status: 201,
    response: {},
  },
  {
    key: 'server service-message',
    variant: 'remove moderator',
    run: serviceEvent('remove moderator', '/room/remove-moderator'),
    response: service('remove moderator'),
  },
  {
    key: 'POST /room/remove-moderator',
    run: moderate('/room/remove-moderator', 'liam'),
    response: {},
  },
  {
    key: 'server service-message',
    variant: 'silence',
    run: serviceEvent('silence', '/room/silence', silenceBody()),
    response: service('silence', { text: 'string' }),
  },
  {
    key: 'POST /room/silence',
    run: moderate('/room/silence', 'liam', silenceBody()),
    response: {},
  },
  {
    key: 'server service-message',
    variant: 'kick',
    run: serviceEvent('kick', '/room/kick'),
    response: service('kick'),
  },
  {
    key: 'POST /room/kick',
    run: moderate('/room/kick', 'liam'),
    response: {},
  },
  {
    key: 'server service-message',
    variant: 'ban',
    run: serviceEvent('ban', '/room/ban'),
    response: service('ban'),
  },
  {
    key: 'POST /room/ban',
    run: moderate('/room/ban', 'liam'),
    response: {},
  },
  {
    // the document writes `message: [MessageSchema]` here, and `message: MessageSchema` for mark-as-read
    key: 'POST /user/sendMessage',
    run: jc('/user/sendMessage', 'hank', (w) => ({ message: { user: hex(w, 'ivan'), text: 'Dude!' } })),
    response: { data: { message: nonEmpty(DIRECT_MESSAGE) } },
  },
  {
    key: 'server direct-message',
    run: jcEvent('direct-message', 'ivan', (w) =>
      jc('/user/sendMessage', 'hank', (x) => ({ message: { user: hex(x, 'ivan'), text: 'Dude, again!' } }))(w),
    ),
    response: {
      error: literal(null),
      type: literal('direct-message'),
      author: 'objectId',
      user: 'objectId',
      text: 'string',
      created_at: 'iso',
    },
  },
  {
    key: 'POST /user/messages',
    run: jc('/user/messages', 'ivan', { limit: 4, offset: 0 }),
    response: { data: { messages: nonEmpty(DIRECT_MESSAGE) } },
  },
  {
    key: 'POST /user/messages',
    variant: 'countOnly',
    run: jc('/user/messages', 'ivan', { countOnly: true, limit: 4, offset: 0 }),
    response: { data: { messages: [DIRECT_MESSAGE] } },
  },
  {
    key: 'POST /user/messages',
    variant: 'from an author',
    run: jc('/user/messages', 'ivan', (w) => ({ author: hex(w, 'hank') })),
    response: { data: { messages: nonEmpty(DIRECT_MESSAGE) } },
  },
  {
    key: 'POST /user/messages',
    variant: 'sent to a user',
    run: jc('/user/messages', 'hank', (w) => ({ user: hex(w, 'ivan') })),
    response: { data: { messages: nonEmpty(DIRECT_MESSAGE) } },
  },
  {
    key: 'POST /user/dialogs',
    run: jc('/user/dialogs', 'ivan', {}),
    response: { data: { dialogs: nonEmpty({ user: 'objectId', last_message: DIRECT_MESSAGE, unread: 'number' }) } },
  },
  {
    key: 'POST /user/dialog',
    run: jc('/user/dialog', 'ivan', (w) => ({ user: hex(w, 'hank'), skip: 0, limit: 100 })),
    response: { data: { dialog: nonEmpty(DIRECT_MESSAGE) } },
    keep: (b, w) => {
      w.vars.jcDirectId = b.data.dialog.at(-1)._id
    },
  },
  {
    key: 'POST /user/messages/mark-as-read',
    run: jc('/user/messages/mark-as-read', 'ivan', (w) => ({ message: w.vars.jcDirectId })),
    response: { data: { message: DIRECT_MESSAGE } },
  },
  {
    key: 'server read-message',
    run: jcEvent('read-message', 'hank', async (w) => {
      const sent = await jc('/user/sendMessage', 'hank', (x) => ({
        message: { user: hex(x, 'ivan'), text: 'read me' },
      }))(w)
      const body = sent.body as { data?: { message?: unknown } }
      const m = [body.data?.message].flat()[0] as { _id?: string } | undefined
      await jc('/user/messages/mark-as-read', 'ivan', { message: m?._id })(w)
    }),
    response: { error: literal(null), data: DIRECT_MESSAGE },
  },
  {
    key: 'POST /user/messages/remove',
    run: jc('/user/messages/remove', 'ivan', (w) => ({ message: w.vars.jcDirectId })),
    response: {},
  },
  {
    key: 'POST /user/remove-dialog',
    run: jc('/user/remove-dialog', 'ivan', (w) => ({ user: hex(w, 'hank') })),
    response: {},
  },
  {
    key: 'POST /gifts',
    run: jc('/gifts', 'oscar', async (w) => {
      await w.gql(
        'mutation($u: Int!) { adjustStoreBalance(userId: $u, currency: PEKOINS, amount: 20, reason: "gifts") { pekoins } }',
        { u: w.users.oscar.id },
        'admin',
      )
      await w.gql(
        'mutation($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }',
        { i: { name: 'Rose', image: '/uploads/rose.png', price: 5, active: true } },
        'admin',
      )
      return {}
    }),
    response: {
      data: {
        gifts: nonEmpty({ _id: 'objectId', name: 'string', image: 'string', price: 'number', create_at: 'iso' }),
      },
    },
    keep: (b, w) => {
      w.vars.jcGift = b.data.gifts[0]._id
    },
  },
  {
    key: 'POST /gifts/send',
    run: jc('/gifts/send', 'oscar', (w) => ({ gift: w.vars.jcGift, user: hex(w, 'ivan'), text: "It's for you <3" })),
    response: {},
  },
  {
    // a gift is not given in a room: `room` (a reference) may be null
    key: 'server gift-message',
    run: jcEvent('gift-message', 'ivan', (w) =>
      jc('/gifts/send', 'oscar', (x) => ({ gift: x.vars.jcGift, user: hex(x, 'ivan'), text: 'another' }))(w),
    ),
    response: {
      error: literal(null),
      room: nullable('objectId'),
      user: 'objectId',
      author: 'objectId',
      created_at: 'iso',
    },
  },
  {
    key: 'POST /user/free-coins',
    run: jc('/user/free-coins', 'ivan', { type: 'vk' }),
    response: {},
  },
  {
    key: 'POST /upload',
    run: jcUpload('/upload', 'ivan', { field: 'photo', name: 'photo.png', bytes: png(64, 64) }),
    status: 201,
    response: { url: 'string' },
  },
  {
    key: 'client init',
    run: initSocket,
    response: 'any',
  },
  {
    // the document shows no data of `ready`
    key: 'server ready',
    run: initSocket,
    response: 'any',
  },
  {
    key: 'POST /room/remove',
    run: jc('/room/remove', 'mike', (w) => ({ room: { id: room(w) } })),
    response: {},
  },
  {
    key: 'POST /init/exit',
    run: jc('/init/exit', null, (w) => ({ session_key: session(w) })),
    response: {},
  },
]
