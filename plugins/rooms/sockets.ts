import { Buffer } from 'node:buffer'
import { defineSocketStreams, type SocketSession } from '../../src/sockets/events.js'
import { encodeObjectId } from '../../src/rest/object-ids.js'

/**
 * JustChat's socket (justchat-api.md "Получение сообщений", "Сервисные сообщения"): a signed-in socket hears the chat
 * of the room its user is inside — `message` for what people write, `service-message` for kicks, silences, bans and
 * moderator changes, whose `author` is the room's owner or moderator who acted (null when site staff did) — and
 * follows the user from room to room (viewerRoom).
 */

interface RoomMessage {
  databaseId: number
  channel: string
  text: string
  type: string
  time: string
  from: { databaseId: number } | null
  to: { databaseId: number } | null
  actor: { databaseId: number } | null
  replyToId: number | null
}
const MESSAGE = 'databaseId channel text type time from { databaseId } to { databaseId } actor { databaseId } replyToId'

const idOrNull = (id: number | null | undefined) => (id === null || id === undefined ? null : encodeObjectId(id))
const roomOf = (channel: string) => Number(channel.split('/')[1])
/** JustChat's `author`: the writer, or on a service message who acted when that is public (ChatMessage.actor). */
const authorOf = (m: RoomMessage) => idOrNull(m.from?.databaseId ?? m.actor?.databaseId)

/** JustChat's MessageSchema of a room message. */
const messageSchema = (m: RoomMessage) => ({
  _id: encodeObjectId(m.databaseId),
  room: encodeObjectId(roomOf(m.channel)),
  author: authorOf(m),
  user: idOrNull(m.to?.databaseId),
  text: m.text,
  type: m.type,
  ref_message: idOrNull(m.replyToId),
  create_at: m.time,
})

/** The service actions JustChat announces on its socket; every other message type is a `message`. */
const SERVICE_TYPES: ReadonlySet<string> = new Set(['kick', 'silence', 'ban', 'new moderator', 'remove moderator'])

const ROOM_CHAT = `subscription($channel: String!) { chatEvents(channel: $channel) { __typename
  ... on ChatMessageAdded { message { ${MESSAGE} } } } }`

/** The message a service message is about, as its reader may see it (null when gone or unreadable). */
async function referenced(session: SocketSession, id: number | null) {
  if (id === null) return null
  const d = await session
    .run<{ node: RoomMessage | null }>(`query($id: ID!) { node(id: $id) { ... on ChatMessage { ${MESSAGE} } } }`, {
      id: Buffer.from(`ChatMessage:${id}`).toString('base64'),
    })
    .catch(() => ({ node: null }))
  return d.node?.databaseId ? messageSchema(d.node) : null
}

async function emitMessage(session: SocketSession, m: RoomMessage) {
  const created_at = m.time
  if (!SERVICE_TYPES.has(m.type)) {
    session.emit('message', { error: null, text: m.text, author: authorOf(m), created_at })
    return
  }
  session.emit('service-message', {
    error: null,
    type: m.type,
    room: encodeObjectId(roomOf(m.channel)),
    user: idOrNull(m.to?.databaseId),
    author: authorOf(m),
    ...(m.type === 'silence' ? { text: m.text } : {}),
    created_at,
    ref_message: await referenced(session, m.replyToId),
  })
}

export const roomSocketStreams = defineSocketStreams([
  {
    dialect: 'justchat',
    name: 'rooms.current',
    operation: 'subscription { viewerRoom { roomId } }',
    emit(session, data) {
      const { roomId } = (data as { viewerRoom: { roomId: number | null } }).viewerRoom
      if (roomId === null) {
        session.unfollow('stream:rooms.chat')
        return
      }
      const channel = `room/${roomId}`
      session
        .follow('stream:rooms.chat', ROOM_CHAT, { channel }, (event) => {
          const e = (event as { chatEvents: { __typename: string; message?: RoomMessage } }).chatEvents
          if (e.message) void emitMessage(session, e.message)
        })
        .catch(() => session.unfollow('stream:rooms.chat'))
    },
  },
])
