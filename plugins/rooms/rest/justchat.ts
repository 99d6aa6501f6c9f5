import { AppError, invalid, type ErrorCode } from '../../../src/errors.js'
import { defineRoutes, type JsonBody } from '../../../src/rest/route.js'
import { jcId, jcIdOrNull, readId, readOptionalId } from '../../../src/rest/justchat.js'

/**
 * JustChat's room routes (justchat-api.md: Создание комнаты … История сообщений, Kick / silence / ban, Назначение /
 * Уделение модератора). `session_key` in the body; ids travel as 24-hex ObjectIds (src/rest/justchat.ts). Room chat is chat's channel room/<id>,
 * sanctions and appointed moderators are moderation's (those routes exist while moderation is on). A room's password is
 * never returned.
 */

const JC_ROOM =
  'databaseId name hasPassword ownerId maxUsers createdAt occupants { databaseId } moderators { databaseId } ' +
  'visitors { databaseId } sanctions { userId kind until }'
interface Ref {
  databaseId: number
}
interface RoomOut {
  databaseId: number
  name: string
  hasPassword: boolean
  ownerId: number
  maxUsers: number
  createdAt: string
  occupants: Ref[]
  moderators: Ref[]
  visitors: Ref[]
  sanctions: { userId: number; kind: 'BAN' | 'SILENCE'; until: string | null }[]
}

const ids = (list: Ref[]) => list.map((u) => jcId(u.databaseId))

/** JustChat's RoomSchema: silently maps a user id to when their silence ends (ms). */
export const jcRoom = (r: RoomOut) => ({
  _id: jcId(r.databaseId),
  name: r.name,
  is_private: r.hasPassword,
  admin: jcId(r.ownerId),
  users: ids(r.occupants),
  moderators: ids(r.moderators),
  banned: r.sanctions.filter((s) => s.kind === 'BAN').map((s) => jcId(s.userId)),
  visiters: ids(r.visitors),
  silently: Object.fromEntries(
    r.sanctions.flatMap((s) =>
      s.kind === 'SILENCE' && s.until ? [[jcId(s.userId), new Date(s.until).getTime()] as const] : [],
    ),
  ),
  max_users: r.maxUsers,
  created_at: r.createdAt,
})

const objectIn = (v: unknown): JsonBody => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonBody) : {})
/** the chat channel of the room whose id is at `field` of the body */
const channelOf = (roomId: unknown, field: string) => `room/${readId(roomId, field)}`
const empty = () => ({})

interface MessageOut {
  databaseId: number
  channel: string
  text: string
  type: string
  time: string
  from: Ref | null
  to: Ref | null
  actor: Ref | null
  replyToId: number | null
}
const MESSAGE = 'databaseId channel text type time from { databaseId } to { databaseId } actor { databaseId } replyToId'
/** JustChat's MessageSchema; `room`: the room of room/<id>[/<channel>] */
const jcMessage = (m: MessageOut) => ({
  _id: jcId(m.databaseId),
  room: jcId(Number(m.channel.split('/')[1])),
  // a service message's author: who acted, where that is public (ChatMessage.actor)
  author: jcIdOrNull(m.from?.databaseId ?? m.actor?.databaseId),
  user: jcIdOrNull(m.to?.databaseId),
  text: m.text,
  type: m.type,
  ref_message: jcIdOrNull(m.replyToId),
  create_at: m.time,
})

/** A message chat dropped → JustChat's 403 (or 429 when it is a matter of pace). */
const DROPPED: Record<string, ErrorCode> = {
  KICKED: 'ROOM_NOT_INSIDE',
  BANNED: 'ROOM_BANNED',
  SILENCED: 'ROOM_SILENCED',
  SLOW_MODE: 'TOO_MANY_MESSAGES',
  RATE_LIMITED: 'TOO_MANY_MESSAGES',
}

/** JustChat `sort`: its first key and direction → RoomOrder; anything else the newest first. */
const SORTS: Record<string, [string, string]> = {
  create_at: ['CREATED_AT_ASC', 'CREATED_AT_DESC'],
  created_at: ['CREATED_AT_ASC', 'CREATED_AT_DESC'],
  name: ['NAME_ASC', 'NAME_DESC'],
  users: ['OCCUPANTS_ASC', 'OCCUPANTS_DESC'],
  rating: ['RATING_ASC', 'RATING_DESC'],
}
function orderIn(sort: unknown) {
  const first = Object.entries(objectIn(sort)).at(0)
  if (!first) return 'CREATED_AT_DESC'
  const [key, dir] = first
  const pair = Object.hasOwn(SORTS, key) ? SORTS[key] : undefined
  return pair ? pair[dir === 1 || dir === '1' || dir === 'asc' ? 0 : 1] : 'CREATED_AT_DESC'
}

const HISTORY_MAX = 100
/** JustChat's skip/limit (chatHistory reads skip -n as the oldest `limit` of the n latest); answered oldest first. */
const historyWindow = (b: JsonBody) => ({ skip: b.skip ?? 0, limit: b.limit ?? HISTORY_MAX })

const PER_PAGE = 40
const positive = (v: unknown, dflt: number, field: string, max: number) => {
  if (v === undefined || v === null) return dflt
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max)
    throw invalid(field, `must be an integer from 1 to ${max}`)
  return v
}

const sanction = (b: JsonBody) => ({
  channel: channelOf(b.room_id, 'room_id'),
  userId: readId(b.user_id, 'user_id'),
  refMessage: readOptionalId(b.ref_message, 'ref_message'),
})
const SANCTION_FIELDS = { channel: 'room_id', userId: 'user_id', refMessage: 'ref_message' }

export const justchatRoomRoutes = defineRoutes([
  {
    dialect: 'justchat',
    path: '/room/create',
    access: 'A',
    operation: `mutation($i: CreateRoomInput!) { createRoom(input: $i) { ${JC_ROOM} } }`,
    variables: (b) => {
      const r = objectIn(b.room)
      return {
        i: {
          name: r.name,
          ...(r.password !== undefined && r.password !== '' ? { password: r.password } : {}),
          ...(r.max_users !== undefined ? { maxUsers: r.max_users } : {}),
        },
      }
    },
    fields: { i: 'room', name: 'room.name', password: 'room.password', maxUsers: 'room.max_users' },
    status: () => 201,
    result: (d: { createRoom: RoomOut }) => ({ data: { room: jcRoom(d.createRoom) } }),
  },
  {
    dialect: 'justchat',
    path: '/room/enter',
    access: 'A',
    operation: `mutation($roomId: Int!, $password: String) { enterRoom(roomId: $roomId, password: $password) { ${JC_ROOM} } }`,
    variables: (b) => {
      const r = objectIn(b.room)
      return { roomId: readId(r.id, 'room.id'), password: typeof r.password === 'string' ? r.password : null }
    },
    fields: { roomId: 'room.id', password: 'room.password' },
    result: (d: { enterRoom: RoomOut }) => ({ data: { room: jcRoom(d.enterRoom) } }),
  },
  {
    dialect: 'justchat',
    path: '/room/get',
    access: 'A',
    operation:
      `query($id: Int, $one: Boolean!, $name: String, $filled: Boolean, $closed: Boolean, $orderBy: RoomOrder!, ` +
      `$offset: Int, $first: Int) { one: room(databaseId: $id) @include(if: $one) { ${JC_ROOM} } ` +
      `list: rooms(name: $name, filled: $filled, closed: $closed, orderBy: $orderBy, offset: $offset, first: $first) ` +
      `@skip(if: $one) { totalCount edges { node { ${JC_ROOM} } } } }`,
    variables: (b) => {
      const filter = objectIn(b.filter)
      const perPage = positive(b.per_page, PER_PAGE, 'per_page', 100)
      const page = positive(b.page, 1, 'page', 100_000)
      const one = b.room_id !== undefined && b.room_id !== null && b.room_id !== ''
      return {
        id: one ? readId(b.room_id, 'room_id') : null,
        one,
        name: typeof b.name === 'string' && b.name !== '' ? b.name : null,
        filled: typeof filter.filled === 'boolean' ? filter.filled : null,
        closed: filter.privated === true ? true : null,
        orderBy: orderIn(b.sort),
        offset: (page - 1) * perPage,
        first: perPage,
      }
    },
    fields: { id: 'room_id' },
    result: (d: { one?: RoomOut | null; list?: { totalCount: number; edges: { node: RoomOut }[] } }, body) => {
      if (!Array.isArray(body) && objectIn(body).filter && objectIn(objectIn(body).filter).countOnly === true)
        return { data: { count: d.list?.totalCount ?? (d.one ? 1 : 0) } }
      const rooms = d.list ? d.list.edges.map((e) => e.node) : d.one ? [d.one] : []
      return { data: { rooms: rooms.map(jcRoom) } }
    },
  },
  {
    dialect: 'justchat',
    path: '/room/remove',
    access: 'A',
    operation: 'mutation($roomId: Int!) { deleteRoom(roomId: $roomId) }',
    variables: (b) => ({ roomId: readId(objectIn(b.room).id, 'room.id') }),
    fields: { roomId: 'room.id' },
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/room/sendMessage',
    access: 'A',
    operation: `mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent dropReason dropMessage message { ${MESSAGE} } } }`,
    variables: (b) => {
      const m = objectIn(b.message)
      return { i: { channel: channelOf(m.room_id, 'message.room_id'), text: m.text } }
    },
    fields: { i: 'message', channel: 'message.room_id', text: 'message.text' },
    result: (d: {
      sendChatMessage: {
        isSent: boolean
        dropReason: string | null
        dropMessage: string | null
        message: MessageOut | null
      }
    }) => {
      const r = d.sendChatMessage
      if (!r.isSent || !r.message) {
        const code = r.dropReason && Object.hasOwn(DROPPED, r.dropReason) ? DROPPED[r.dropReason] : 'ROOM_NO_ACCESS'
        throw new AppError(code, r.dropMessage ?? undefined)
      }
      const m = jcMessage(r.message)
      return { data: { message: { room: m.room, text: m.text, author: m.author, create_at: m.create_at } } }
    },
  },
  {
    dialect: 'justchat',
    path: '/room/chat',
    access: 'A',
    operation: `query($channel: String!, $skip: Int!, $limit: Int!) { chatHistory(channel: $channel, skip: $skip, limit: $limit) { ${MESSAGE} } }`,
    variables: (b) => ({ channel: channelOf(b.room, 'room'), ...historyWindow(b) }),
    fields: { channel: 'room' },
    result: (d: { chatHistory: MessageOut[] }) => ({ data: { chat: [...d.chatHistory].reverse().map(jcMessage) } }),
  },
  {
    dialect: 'justchat',
    path: '/room/kick',
    access: 'A',
    withPlugins: ['moderation'],
    operation:
      'mutation($channel: String!, $userId: Int!, $refMessage: Int) { kickFromChannel(channel: $channel, userId: $userId, refMessage: $refMessage) { databaseId } }',
    variables: sanction,
    fields: SANCTION_FIELDS,
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/room/silence',
    access: 'A',
    withPlugins: ['moderation'],
    operation:
      'mutation($channel: String!, $userId: Int!, $until: DateTime!, $text: String, $refMessage: Int) { silenceInChannel(channel: $channel, userId: $userId, until: $until, text: $text, refMessage: $refMessage) { databaseId } }',
    variables: (b) => {
      const f = b.finished
      if (typeof f !== 'number' || !Number.isFinite(f) || f < 0 || f > 8_640_000_000_000_000)
        throw invalid('finished', 'must be a time in milliseconds since 1970')
      return {
        ...sanction(b),
        until: new Date(f).toISOString(),
        text: typeof b.text === 'string' ? b.text : null,
      }
    },
    fields: { ...SANCTION_FIELDS, until: 'finished' },
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/room/ban',
    access: 'A',
    withPlugins: ['moderation'],
    operation:
      'mutation($channel: String!, $userId: Int!, $refMessage: Int) { banFromChannel(channel: $channel, userId: $userId, refMessage: $refMessage) { databaseId } }',
    variables: sanction,
    fields: SANCTION_FIELDS,
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/room/add-moderator',
    access: 'A',
    withPlugins: ['moderation'],
    operation: 'mutation($channel: String!, $userId: Int!) { addChannelModerator(channel: $channel, userId: $userId) }',
    variables: (b) => ({ channel: channelOf(b.room_id, 'room_id'), userId: readId(b.user_id, 'user_id') }),
    fields: { channel: 'room_id', userId: 'user_id' },
    status: () => 201,
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/room/remove-moderator',
    access: 'A',
    withPlugins: ['moderation'],
    operation:
      'mutation($channel: String!, $userId: Int!) { removeChannelModerator(channel: $channel, userId: $userId) }',
    variables: (b) => ({ channel: channelOf(b.room_id, 'room_id'), userId: readId(b.user_id, 'user_id') }),
    fields: { channel: 'room_id', userId: 'user_id' },
    result: empty,
  },
])
