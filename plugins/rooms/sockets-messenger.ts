import { AppError, invalid } from '../../src/errors.js'
import { defineSocketEvents, type SocketSession } from '../../src/sockets/events.js'
import { MESSAGE, message, type Message } from './rest/messenger.js'
import { chatChannelOf, messageIdIn, roomIn, runNamed, type MessengerRoom } from './messenger-rooms.js'

/**
 * The messenger's socket (messenger-api.md "WebSocket события"): a signed-in socket joins rooms `g:<guild>:c:<channel>`
 * and hears what happens in them; what it sends is a GraphQL operation, so who may read, write, react or pin is the
 * API's rule. Sign-in (`authenticate`) is the core's.
 */

const HISTORY = 50

type RoomEvent =
  | { __typename: 'ChatMessageAdded'; message: Message }
  | { __typename: 'ChatMessageEdited'; message: { databaseId: number; text: string; editedAt: string | null } }
  | { __typename: 'ChatMessageRemoved'; messageId: number }
  | { __typename: 'ChatReactionsChanged'; messageId: number; emoji: string; added: boolean; user: { name: string } }
  | { __typename: 'ChatPinChanged'; pinned: boolean; message: { databaseId: number } }
  | { __typename: 'ChatTyping'; expiresAt: string; user: { databaseId: number; name: string } }
  | { __typename: 'Other' }

const EVENTS = `subscription($channel: String!) { chatEvents(channel: $channel) { __typename
  ... on ChatMessageAdded { message { ${MESSAGE} } }
  ... on ChatMessageEdited { message { databaseId text editedAt } }
  ... on ChatMessageRemoved { messageId }
  ... on ChatReactionsChanged { messageId emoji added user { name } }
  ... on ChatPinChanged { pinned message { databaseId } }
  ... on ChatTyping { expiresAt user { databaseId name } } } }`

/** A chat event of the room's channel → the messenger's server event; the user's own typing is not echoed. */
function emitEvent(session: SocketSession, room: string, e: RoomEvent) {
  switch (e.__typename) {
    case 'ChatMessageAdded':
      session.emit('new_message', message(e.message))
      return
    case 'ChatMessageEdited':
      session.emit('message_edited', {
        id: e.message.databaseId,
        content: e.message.text,
        edited_at: e.message.editedAt,
      })
      return
    case 'ChatMessageRemoved':
      session.emit('message_deleted', { id: e.messageId })
      return
    case 'ChatReactionsChanged':
      session.emit(e.added ? 'reaction_added' : 'reaction_removed', {
        message_id: e.messageId,
        emoji: e.emoji,
        username: e.user.name,
      })
      return
    case 'ChatPinChanged':
      session.emit(e.pinned ? 'message_pinned' : 'message_unpinned', { message_id: e.message.databaseId, room })
      return
    case 'ChatTyping': {
      if (e.user.databaseId === session.viewer?.id) return
      // stop_typing announces a typing that expires at once
      const stopped = Date.parse(e.expiresAt) <= Date.now()
      session.emit(stopped ? 'user_stopped_typing' : 'user_typing', { username: e.user.name, room })
      return
    }
    default:
  }
}

/** A refused publish: flow control is TOO_MANY_MESSAGES, a ban or silence a refusal, a filter's drop bad content. */
const DROP_CODES: Partial<Record<string, 'TOO_MANY_MESSAGES' | 'INSUFFICIENT_PERMISSIONS'>> = {
  RATE_LIMITED: 'TOO_MANY_MESSAGES',
  SLOW_MODE: 'TOO_MANY_MESSAGES',
  SILENCED: 'INSUFFICIENT_PERMISSIONS',
  BANNED: 'INSUFFICIENT_PERMISSIONS',
  KICKED: 'INSUFFICIENT_PERMISSIONS',
  NOT_ALLOWED: 'INSUFFICIENT_PERMISSIONS',
}

interface Sent {
  isSent: boolean
  dropReason: string | null
  dropMessage: string | null
  retryAfter: number | null
  message: Message | null
}

async function send(session: SocketSession, r: MessengerRoom, content: unknown, files: unknown) {
  if (typeof content !== 'string') throw invalid('content', 'must be a string')
  if (files !== undefined && files !== null && !(Array.isArray(files) && files.every((f) => typeof f === 'string')))
    throw invalid('files', 'must be a list of uploaded file ids')
  const channel = await chatChannelOf(session, r)
  const d = await runNamed<{ sendChatMessage: Sent }>(
    session,
    `mutation($channel: String!, $text: String!, $attachments: [String!]) {
      sendChatMessage(input: { channel: $channel, text: $text, attachments: $attachments }) {
        isSent dropReason dropMessage retryAfter message { ${MESSAGE} }
      }
    }`,
    { channel, text: content, attachments: files ?? null },
    { channel: 'room', text: 'content', attachments: 'files' },
  )
  const s = d.sendChatMessage
  if (!s.isSent || !s.message) {
    const code = DROP_CODES[s.dropReason ?? '']
    throw new AppError(code ?? 'INVALID_INPUT', s.dropMessage ?? 'The message was not sent', {
      ...(code ? {} : { field: 'content' }),
      ...(s.retryAfter !== null ? { retryAfter: s.retryAfter } : {}),
    })
  }
  return message(s.message)
}

async function typing(session: SocketSession, r: MessengerRoom, stopped: boolean) {
  const channel = await chatChannelOf(session, r)
  await runNamed(
    session,
    'mutation($channel: String!, $stopped: Boolean) { sendChatTyping(channel: $channel, stopped: $stopped) }',
    { channel, stopped },
    { channel: 'room' },
  )
}

function emojiIn(v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) throw invalid('emoji', 'must be an emoji')
  return v
}

/** A reaction or pin names its message; the room only has to be well formed (the message's channel decides). */
const react = async (session: SocketSession, p: Record<string, unknown>, add: boolean) => {
  roomIn(p)
  const field = add ? 'addChatReaction' : 'removeChatReaction'
  const id = messageIdIn(p)
  const emoji = emojiIn(p.emoji)
  const d = await runNamed<Record<string, { emoji: string; count: number }[]>>(
    session,
    `mutation($id: Int!, $emoji: String!) { ${field}(id: $id, emoji: $emoji) { emoji count } }`,
    { id, emoji },
    { id: 'message_id' },
  )
  return { message_id: id, emoji, reactions: d[field] }
}
const pin = async (session: SocketSession, p: Record<string, unknown>, pinned: boolean) => {
  const { room } = roomIn(p)
  const field = pinned ? 'pinChatMessage' : 'unpinChatMessage'
  const d = await runNamed<Record<string, { databaseId: number }>>(
    session,
    `mutation($id: Int!) { ${field}(id: $id) { databaseId } }`,
    { id: messageIdIn(p) },
    { id: 'message_id' },
  )
  return { message_id: d[field].databaseId, room }
}

export const messengerSocketEvents = defineSocketEvents([
  {
    dialect: 'messenger',
    event: 'join_room',
    access: 'A',
    async handle(session, payload) {
      const r = roomIn(payload)
      const channel = await chatChannelOf(session, r)
      // following first: nothing said between the history and the first event is lost
      await session.follow(`room:${r.room}`, EVENTS, { channel }, (data) =>
        emitEvent(session, r.room, (data as { chatEvents: RoomEvent }).chatEvents),
      )
      const d = await session.run<{ chatHistory: Message[] }>(
        `query($channel: String!) { chatHistory(channel: $channel, limit: ${HISTORY}) { ${MESSAGE} } }`,
        { channel },
      )
      // newest first in the API, oldest first on the screen
      session.emit('messages_history', d.chatHistory.map(message).reverse())
      return { ok: true, room: r.room }
    },
  },
  {
    dialect: 'messenger',
    event: 'leave_room',
    access: 'A',
    handle(session, payload) {
      const r = roomIn(payload)
      session.unfollow(`room:${r.room}`)
      return Promise.resolve({ ok: true, room: r.room })
    },
  },
  {
    dialect: 'messenger',
    event: 'send_message',
    access: 'A',
    handle: (session, payload) => send(session, roomIn(payload), payload.content, payload.files),
  },
  {
    dialect: 'messenger',
    event: 'typing',
    access: 'A',
    handle: (session, payload) => typing(session, roomIn(payload), false),
  },
  {
    dialect: 'messenger',
    event: 'stop_typing',
    access: 'A',
    handle: (session, payload) => typing(session, roomIn(payload), true),
  },
  {
    dialect: 'messenger',
    event: 'add_reaction',
    access: 'A',
    handle: (session, payload) => react(session, payload, true),
  },
  {
    dialect: 'messenger',
    event: 'remove_reaction',
    access: 'A',
    handle: (session, payload) => react(session, payload, false),
  },
  {
    dialect: 'messenger',
    event: 'pin_message',
    access: 'A',
    handle: (session, payload) => pin(session, payload, true),
  },
  {
    dialect: 'messenger',
    event: 'unpin_message',
    access: 'A',
    handle: (session, payload) => pin(session, payload, false),
  },
])
