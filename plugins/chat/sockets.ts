import { AppError, invalid } from '../../src/errors.js'
import { defineSocketEvents, type SocketPayload } from '../../src/sockets/events.js'
import { tokenIn } from '../../src/sockets/tokens.js'

/**
 * peka2's chat socket (peka2-full/chat.md): join and leave channels, history, publish, who is in a channel; the
 * joined channels' messages arrive as `/chat/message` and removals as `/chat/message/remove`. Each event is a GraphQL
 * operation, so access, bans, flow control and anonymity (support channels) are those of the API.
 */

interface PekaUser {
  databaseId: number
  name: string
  color: number
}
interface Author extends PekaUser {
  store: { bonuses: number[]; icon: number; subscriptions: number[] }
}
interface PekaMessage {
  databaseId: number
  channel: string
  from: Author | null
  to: PekaUser | null
  text: string
  time: string
  type: string
}
const MESSAGE =
  'databaseId channel from { databaseId name color store { bonuses icon subscriptions } } to { databaseId name color } text time type'

const user = (u: PekaUser | null) => (u ? { id: u.databaseId, name: u.name, color: u.color } : null)

/** chat.md "Новое сообщение"; `store`: what the author bought (ChatUser.store, empty without the store plugin). */
export const pekaMessage = (m: PekaMessage) => ({
  id: m.databaseId,
  channel: m.channel,
  from: user(m.from) ?? { id: 0, name: '', color: 0 },
  to: user(m.to),
  text: m.text,
  time: Math.floor(Date.parse(m.time) / 1000),
  type: m.type,
  store: m.from?.store ?? { bonuses: [], icon: 0, subscriptions: [] },
})

/** `channel` as peka2 sends it; `join` without one joins the main channel (chat.md "Присоединится к каналу"). */
function channelIn(payload: SocketPayload, dflt?: string): string {
  const v = payload.channel
  if ((v === undefined || v === null || v === '') && dflt) return dflt
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) throw invalid('channel', 'must be a channel id')
  return v
}

const HISTORY_MAX = 100
/** `amount` of /chat/history: an integer; more than the API's page is read as the page. */
function amountIn(payload: SocketPayload): number {
  const v = payload.amount ?? 50
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalid('amount', 'must be a positive integer')
  return Math.min(v, HISTORY_MAX)
}

type ChannelEvent =
  | { __typename: 'ChatMessageAdded'; message: PekaMessage }
  | { __typename: 'ChatMessageRemoved'; channel: string; messageId: number; reason: string; data: unknown }
  | { __typename: 'Other' }

const EVENTS = `subscription($channel: String!) { chatEvents(channel: $channel) { __typename
  ... on ChatMessageAdded { message { ${MESSAGE} } }
  ... on ChatMessageRemoved { channel messageId reason data } } }`

/** A refused publish (flow control, bans …) is an error with chat's own explanation. */
const DROP_CODES: Record<string, 'TOO_MANY_MESSAGES' | 'INSUFFICIENT_PERMISSIONS'> = {
  RATE_LIMITED: 'TOO_MANY_MESSAGES',
  SLOW_MODE: 'TOO_MANY_MESSAGES',
}

export const chatSocketEvents = defineSocketEvents([
  // chat.md: `/chat/login` with the JWT subscribes the socket to its user's events (`/notifier/message` …),
  // `/chat/logout` ends that; a null token stays a guest.
  {
    dialect: 'peka2',
    event: '/chat/login',
    access: 'P',
    async handle(session, payload) {
      await session.signIn(tokenIn(payload, 'token'))
      return {}
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/logout',
    access: 'A',
    async handle(session) {
      await session.signIn(null)
      return {}
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/join',
    access: 'P',
    async handle(session, payload) {
      const channel = channelIn(payload, 'main')
      await session.follow(`channel:${channel}`, EVENTS, { channel }, (data) => {
        const e = (data as { chatEvents: ChannelEvent }).chatEvents
        if (e.__typename === 'ChatMessageAdded') session.emit('/chat/message', pekaMessage(e.message))
        else if (e.__typename === 'ChatMessageRemoved')
          session.emit('/chat/message/remove', {
            id: e.messageId,
            channel: e.channel,
            reason: e.reason,
            data: e.data ?? {},
          })
      })
      return {}
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/leave',
    access: 'P',
    handle(session, payload) {
      session.unfollow(`channel:${channelIn(payload)}`)
      return Promise.resolve({})
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/history',
    access: 'P',
    async handle(session, payload) {
      const query = payload.query ?? null
      if (query !== null && (typeof query !== 'object' || Array.isArray(query)))
        throw invalid('query', 'must be an object of conditions and groups')
      const d = await session.run<{ chatHistory: PekaMessage[] }>(
        `query($channel: String!, $limit: Int!, $query: ChatHistoryQuery) {
          chatHistory(channel: $channel, limit: $limit, query: $query) { ${MESSAGE} } }`,
        { channel: channelIn(payload), limit: amountIn(payload), query },
      )
      return d.chatHistory.map(pekaMessage)
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/publish',
    access: 'A',
    async handle(session, payload) {
      const text = payload.text
      if (typeof text !== 'string') throw invalid('text', 'must be a string')
      const to = payload.to
      const toId = to && typeof to === 'object' && !Array.isArray(to) ? (to as SocketPayload).id : null
      if (toId !== null && toId !== undefined && (typeof toId !== 'number' || !Number.isInteger(toId)))
        throw invalid('to.id', 'must be a user id')
      const d = await session.run<{
        sendChatMessage: {
          isSent: boolean
          dropReason: string | null
          dropMessage: string | null
          message: { databaseId: number } | null
        }
      }>(
        `mutation($input: SendChatMessageInput!) { sendChatMessage(input: $input) {
          isSent dropReason dropMessage message { databaseId } } }`,
        { input: { channel: channelIn(payload), text, to: toId ?? null } },
      )
      const r = d.sendChatMessage
      if (!r.isSent || !r.message)
        throw new AppError(
          DROP_CODES[r.dropReason ?? ''] ?? 'INSUFFICIENT_PERMISSIONS',
          r.dropMessage ?? 'The message was not sent',
        )
      return { id: r.message.databaseId }
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/channel/list',
    access: 'P',
    async handle(session, payload) {
      const d = await session.run<{ chatChannel: { presence: { amount: number; users: number[] } } }>(
        'query($channel: String!) { chatChannel(id: $channel) { presence { amount users } } }',
        { channel: channelIn(payload) },
      )
      return d.chatChannel.presence
    },
  },
])
