import type { Builder } from '../../../src/schema/builder.js'
import { chatTypesOf, type ChatMessageView } from '../../chat/public.js'
import type { Dialog } from '../dialogs.js'
import type { DmEvent } from '../topics.js'

/** The direct messages' output types; messages are chat's ChatMessage. */
export function addDmTypes(builder: Builder) {
  const chat = chatTypesOf(builder)
  const Dialog = builder.objectRef<Dialog>('DirectDialog').implement({
    description: "One of the viewer's conversations: the other user, the last message, what is unread and read",
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'its chat channel (private/<a>/<b>): chatMessages, typing …' }),
      peerId: t.exposeInt('peerId', { description: 'the other user (databaseId); the viewer for notes to self' }),
      peer: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The other user; null if the account is gone',
        resolve: (query, d, _a, ctx) => ctx.prisma.user.findUnique({ ...query, where: { id: d.peerId } }),
      }),
      lastMessage: t.field({
        type: chat.ChatMessage,
        nullable: true,
        description: 'The latest message the viewer still sees; null when none',
        resolve: (d) => d.lastMessage,
      }),
      unreadCount: t.exposeInt('unread', { description: 'messages of the other side after lastReadId' }),
      lastReadId: t.exposeInt('lastReadId', { description: 'the viewer read up to this message' }),
      peerLastReadId: t.exposeInt('peerLastReadId', {
        description: 'the other side read up to this message (read receipts)',
      }),
    }),
  })
  const Receipt = builder
    .objectRef<{
      channel: string
      userId: number
      upToId: number
      time: string
      message?: ChatMessageView | null
    }>('DirectReadReceipt')
    .implement({
      description: 'Someone read a conversation up to a message',
      fields: (t) => ({
        channel: t.exposeString('channel', { description: "The conversation's chat channel (private/<a>/<b>)" }),
        userId: t.exposeInt('userId', { description: 'who read (databaseId)' }),
        upToId: t.exposeInt('upToId', { description: 'read up to this message (databaseId)' }),
        time: t.field({ type: 'DateTime', description: 'When it was read', resolve: (r) => r.time }),
        message: t.field({
          type: chat.ChatMessage,
          nullable: true,
          description: 'the message marked (in the answer of markDirectMessagesRead; null in live events)',
          resolve: (r) => r.message ?? null,
        }),
      }),
    })
  const EventType = builder.enumType('DirectMessageEventType', {
    values: {
      CHAT: { description: 'A chat event of a conversation: see chatEvent' },
      READ: { description: 'A read receipt: see read' },
      CLEARED: { description: 'The viewer removed a dialog: see clearedUpToId' },
    } as const,
    description:
      'CHAT: a chat event of a conversation (chatEvent); READ: a read receipt (read); CLEARED: the viewer removed a dialog',
  })
  const Event = builder.objectRef<DmEvent>('DirectMessageEvent').implement({
    description: "Something happened in one of the viewer's conversations",
    fields: (t) => ({
      type: t.field({
        type: EventType,
        description: 'What happened; says which of the fields below is set',
        resolve: (e) => (e.kind === 'chat' ? 'CHAT' : e.kind === 'read' ? 'READ' : 'CLEARED'),
      }),
      channel: t.exposeString('channel', { description: "The conversation's chat channel (private/<a>/<b>)" }),
      chatEvent: t.field({
        type: chat.ChatEventUnion,
        nullable: true,
        description: 'CHAT: the message added, edited, removed, reacted to, pinned, or someone typing',
        resolve: (e) => (e.kind === 'chat' ? e.event : null),
      }),
      read: t.field({
        type: Receipt,
        nullable: true,
        description: 'READ: the receipt; null for other types',
        resolve: (e) => (e.kind === 'read' ? e : null),
      }),
      clearedUpToId: t.int({
        nullable: true,
        description: 'CLEARED: every message up to this one is gone for the viewer',
        resolve: (e) => (e.kind === 'cleared' ? e.upToId : null),
      }),
    }),
  })
  return { ...chat, Dialog, Receipt, Event }
}

export type DmTypes = ReturnType<typeof addDmTypes>
