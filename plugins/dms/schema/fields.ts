import type { Builder } from '../../../src/schema/builder.js'
import { invalid } from '../../../src/errors.js'
import { signedIn } from '../../../src/auth/signed-in.js'
import { dialogs, dialogWith, unreadTotal } from '../dialogs.js'
import { conversationMessages, directMessages } from '../messages.js'
import { markRead } from '../reads.js'
import { hideMessage, removeDialog } from '../removal.js'
import { sendDirect } from '../send.js'
import { privateChannels } from '../private-channels.js'
import { conversationChannel } from '../channel.js'
import { directEvents } from '../live.js'
import { dmsOf } from '../state.js'
import type { DmTypes } from './types.js'

const AUTH = { authenticated: true } as const
const cursorOf = (lastMessageId: number) => String(lastMessageId)
function positionOf(cursor: string | null | undefined) {
  if (cursor == null) return null
  if (!/^[1-9]\d{0,9}$/.test(cursor)) throw invalid('after', 'is not a cursor of this list')
  return Number(cursor)
}

export function addDmFields(builder: Builder, T: DmTypes) {
  builder.queryFields((t) => ({
    directDialogs: t.connection(
      {
        type: T.Dialog,
        authScopes: AUTH,
        description:
          "The viewer's conversations, latest activity first (JustChat /user/dialogs): pages of `first` (default 20, at most 100) after a cursor",
        resolve: async (_p, a, ctx) => {
          if (a.last != null || a.before != null) throw invalid('last', 'this list pages forward only (first, after)')
          const first = a.first ?? 20
          const { dialogs: list, hasMore } = await dialogs(ctx, signedIn(ctx).id, {
            first,
            before: positionOf(a.after),
          })
          const edges = list.map((node) => ({ cursor: cursorOf(node.lastMessageId), node }))
          return {
            edges,
            pageInfo: {
              hasNextPage: hasMore,
              hasPreviousPage: a.after != null,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null,
            },
          }
        },
      },
      { name: 'DirectDialogConnection' },
      { name: 'DirectDialogEdge' },
    ),
    directDialog: t.field({
      type: T.Dialog,
      nullable: true,
      authScopes: AUTH,
      args: { user: t.arg.int({ required: true, description: 'the other user (databaseId)' }) },
      description:
        "The viewer's dialog with a user; null when there is none (or it was removed and nothing came since)",
      resolve: (_p, a, ctx) => dialogWith(ctx, signedIn(ctx).id, conversationChannel(signedIn(ctx).id, a.user)),
    }),
    directMessages: t.field({
      type: [T.ChatMessage],
      authScopes: AUTH,
      description:
        "The viewer's direct messages (JustChat /user/messages): the latest `limit` (default 100, at most 100) after skipping the newest `offset`, oldest first; `author`: only theirs to the viewer, `user`: only the viewer's to them (not both)",
      args: {
        limit: t.arg.int({ defaultValue: 100, description: 'Messages to return, 1–100' }),
        offset: t.arg.int({ defaultValue: 0, description: 'Newest messages to skip, 0–100,000' }),
        author: t.arg.int({
          description: "Only this user's messages to the viewer (databaseId); USER_NOT_FOUND for an unknown user",
        }),
        user: t.arg.int({
          description: "Only the viewer's messages to this user (databaseId); USER_NOT_FOUND for an unknown user",
        }),
      },
      resolve: (_p, a, ctx) =>
        directMessages(ctx, { limit: a.limit ?? 100, offset: a.offset ?? 0, authorId: a.author, toId: a.user }),
    }),
    directConversation: t.field({
      type: [T.ChatMessage],
      authScopes: AUTH,
      description:
        "The viewer's conversation with a user (JustChat /user/dialog): the latest `limit` (default 100, at most 100) after skipping the newest `skip`, oldest first",
      args: {
        user: t.arg.int({
          required: true,
          description: 'The other user (databaseId); USER_NOT_FOUND for an unknown user',
        }),
        limit: t.arg.int({ defaultValue: 100, description: 'Messages to return, 1–100' }),
        skip: t.arg.int({ defaultValue: 0, description: 'Newest messages to skip, 0–100,000' }),
      },
      resolve: (_p, a, ctx) => conversationMessages(ctx, a.user, a.limit ?? 100, a.skip ?? 0),
    }),
    directUnreadCount: t.int({
      authScopes: AUTH,
      description: 'Messages the viewer has not read, over their conversations (JustChat /user/messages countOnly)',
      resolve: (_p, _a, ctx) => unreadTotal(ctx, signedIn(ctx).id),
    }),
    privateChatChannels: t.stringList({
      authScopes: AUTH,
      description: "The viewer's last 30 private channels, latest message first (peka2 /api/channel/private)",
      resolve: (_p, _a, ctx) => privateChannels(ctx),
    }),
  }))

  builder.mutationFields((t) => ({
    sendDirectMessage: t.field({
      type: T.PublishResult,
      authScopes: AUTH,
      description:
        "Sends a message to a user (JustChat /user/sendMessage). Refusals (the recipient's allowFrom setting, a blocked account, flow control) come back as isSent false with a dropReason; USER_NOT_FOUND for an unknown recipient. Edit, remove for everyone, react and type with chat's own mutations on the channel private/<a>/<b>",
      args: {
        input: t.arg({
          required: true,
          description: 'The message',
          type: builder.inputType('SendDirectMessageInput', {
            description: 'A direct message to send',
            fields: (f) => ({
              to: f.int({ required: true, description: 'the recipient (databaseId)' }),
              text: f.string({ required: true, description: 'at most 2,000 characters' }),
              replyTo: f.int({ description: 'databaseId of a message of this conversation' }),
              attachments: f.stringList({
                description: 'ids of files you uploaded (uploadFile), at most 10; with files the text may be empty',
              }),
            }),
          }),
        }),
      },
      resolve: (_p, { input }, ctx) =>
        sendDirect(ctx, {
          to: input.to,
          text: input.text,
          replyToId: input.replyTo,
          attachments: input.attachments,
        }),
    }),
    markDirectMessagesRead: t.field({
      type: T.Receipt,
      authScopes: AUTH,
      description:
        'Marks a conversation read up to a message (JustChat /user/messages/mark-as-read); the other side gets a read receipt',
      args: { message: t.arg.int({ required: true, description: 'databaseId of a message of the conversation' }) },
      resolve: async (_p, a, ctx) => {
        const r = await markRead(ctx, a.message)
        const [message] = await dmsOf(ctx).chat.views([r.message.id])
        return {
          message,
          channel: r.message.channel,
          userId: signedIn(ctx).id,
          upToId: r.upToId,
          time: new Date().toISOString(),
        }
      },
    }),
    removeDirectDialog: t.boolean({
      authScopes: AUTH,
      description:
        'Removes the dialog with a user for the viewer only (JustChat /user/remove-dialog); false when there was none',
      args: { user: t.arg.int({ required: true, description: 'The other user (databaseId)' }) },
      resolve: (_p, a, ctx) => removeDialog(ctx, a.user),
    }),
    removeDirectMessageForMe: t.boolean({
      authScopes: AUTH,
      description:
        'Removes a message of a conversation for the viewer only (JustChat /user/messages/remove); for everyone, the author uses removeChatMessage',
      args: {
        message: t.arg.int({
          required: true,
          description: 'databaseId of a message of one of your conversations; MESSAGE_NOT_FOUND otherwise',
        }),
      },
      resolve: (_p, a, ctx) => hideMessage(ctx, a.message),
    }),
  }))

  builder.subscriptionFields((t) => ({
    directMessageEvents: t.field({
      type: T.Event,
      authScopes: AUTH,
      description:
        "Everything in the viewer's conversations: messages added, edited, removed, reactions, typing (chatEvent), read receipts, dialogs removed",
      subscribe: (_p, _a, ctx) => directEvents(ctx),
      resolve: (e) => e,
    }),
  }))
}
