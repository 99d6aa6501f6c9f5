import { defineRoutes, type JsonBody } from '../../../src/rest/route.js'
import { jcId } from '../../../src/rest/justchat.js'
import {
  MESSAGE,
  empty,
  idIn,
  jcMessage,
  numeric,
  objectIn,
  sentMessage,
  type MessageOut,
  type PublishOut,
} from './shapes.js'

/**
 * JustChat's personal messages (justchat-api.md "Личные сообщения"): `session_key` in the body, ids as ObjectIds, the
 * documented statuses with {error}. Every rule is the GraphQL API's (schema/fields.ts); these only map shapes.
 */

/** How many dialogs /user/dialogs answers: the latest, as many as one page of directDialogs holds. */
const DIALOGS_MAX = 100

interface DialogOut {
  peerId: number
  unreadCount: number
  lastMessage: MessageOut | null
}

/**
 * /user/messages: the list; with countOnly also `count`, the unread messages — the document titles that example "the
 * count of unread messages" yet shows the answer as `{ messages: [MessageSchema] }`, so both are there.
 */
const messagesQuery = (b: JsonBody) => ({
  limit: numeric(b.limit),
  offset: numeric(b.offset),
  author: idIn(b.author, 'author'),
  user: idIn(b.user, 'user'),
  count: b.countOnly === true,
})

export const justchatDmRoutes = defineRoutes([
  {
    dialect: 'justchat',
    path: '/user/sendMessage',
    access: 'A',
    operation:
      `mutation($to: Int!, $text: String!) { sendDirectMessage(input: { to: $to, text: $text }) ` +
      `{ isSent dropReason dropMessage retryAfter message { ${MESSAGE} } } }`,
    variables: (b) => {
      const m = objectIn(b.message)
      return { to: idIn(m.user, 'message.user'), text: m.text }
    },
    fields: { to: 'message.user', text: 'message.text' },
    // the document answers `message: [MessageSchema]`: the sent message, as a list of one
    result: (d: { sendDirectMessage: PublishOut }) => ({
      data: { message: [jcMessage(sentMessage(d.sendDirectMessage))] },
    }),
  },
  {
    dialect: 'justchat',
    path: '/user/messages',
    access: 'A',
    operation:
      `query($limit: Int, $offset: Int, $author: Int, $user: Int, $count: Boolean!) { ` +
      `directMessages(limit: $limit, offset: $offset, author: $author, user: $user) { ${MESSAGE} } ` +
      `directUnreadCount @include(if: $count) }`,
    variables: messagesQuery,
    result: (d: { directMessages: MessageOut[]; directUnreadCount?: number }) => ({
      data: {
        messages: d.directMessages.map(jcMessage),
        ...(d.directUnreadCount === undefined ? {} : { count: d.directUnreadCount }),
      },
    }),
  },
  {
    dialect: 'justchat',
    path: '/user/dialogs',
    access: 'A',
    operation: `query($first: Int!) { directDialogs(first: $first) { edges { node { peerId unreadCount lastMessage { ${MESSAGE} } } } } }`,
    variables: () => ({ first: DIALOGS_MAX }),
    result: (d: { directDialogs: { edges: { node: DialogOut }[] } }) => ({
      data: {
        dialogs: d.directDialogs.edges.map(({ node }) => ({
          user: jcId(node.peerId),
          last_message: node.lastMessage ? jcMessage(node.lastMessage) : null,
          unread: node.unreadCount,
        })),
      },
    }),
  },
  {
    dialect: 'justchat',
    path: '/user/dialog',
    access: 'A',
    operation: `query($user: Int!, $skip: Int, $limit: Int) { directConversation(user: $user, skip: $skip, limit: $limit) { ${MESSAGE} } }`,
    variables: (b) => ({ user: idIn(b.user, 'user'), skip: numeric(b.skip), limit: numeric(b.limit) }),
    result: (d: { directConversation: MessageOut[] }) => ({ data: { dialog: d.directConversation.map(jcMessage) } }),
  },
  {
    dialect: 'justchat',
    path: '/user/remove-dialog',
    access: 'A',
    operation: 'mutation($user: Int!) { removeDirectDialog(user: $user) }',
    variables: (b) => ({ user: idIn(b.user, 'user') }),
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/user/messages/mark-as-read',
    access: 'A',
    operation: `mutation($message: Int!) { markDirectMessagesRead(message: $message) { message { ${MESSAGE} } } }`,
    variables: (b) => ({ message: idIn(b.message, 'message') }),
    result: (d: { markDirectMessagesRead: { message: MessageOut | null } }) => ({
      data: { message: d.markDirectMessagesRead.message ? jcMessage(d.markDirectMessagesRead.message) : null },
    }),
  },
  {
    dialect: 'justchat',
    path: '/user/messages/remove',
    access: 'A',
    operation: 'mutation($message: Int!) { removeDirectMessageForMe(message: $message) }',
    variables: (b) => ({ message: idIn(b.message, 'message') }),
    result: empty,
  },
])
