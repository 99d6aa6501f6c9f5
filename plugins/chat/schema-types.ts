import type { Builder } from '../../src/schema/builder.js'
import type { ChatMessageView, ChatUserView } from '../../src/plugins/hooks.js'
import type { ChatEvent } from './topics.js'
import { MESSAGE_SELECT, toView } from './render.js'
import { channelOf, presentMessage } from './channels.js'

/** Output types of the chat schema; other plugins extend ChatUser/ChatMessage by name (badges, icons …). */
export function addChatTypes(builder: Builder) {
  const ChatUser = builder.objectRef<ChatUserView>('ChatUser').implement({
    description: 'A message author as chat shows it; other plugins add badges here',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      name: t.exposeString('name'),
      color: t.exposeInt('color', { description: "Name colour index (the author's chat.namecolor setting)" }),
    }),
  })
  const Reaction = builder.objectRef<{ emoji: string; count: number }>('ChatReactionCount').implement({
    fields: (t) => ({ emoji: t.exposeString('emoji'), count: t.exposeInt('count') }),
  })
  const ChatMessage = builder.node(builder.objectRef<ChatMessageView>('ChatMessage'), {
    id: { resolve: (m) => m.id },
    loadMany: async (ids, ctx) => {
      const rows = await ctx.prisma.chatMessage.findMany({ where: { id: { in: ids.map(Number) }, deletedAt: null }, select: MESSAGE_SELECT })
      // Node lookup never bypasses channel access: unreadable messages come back as null.
      const out = []
      for (const id of ids) {
        const row = rows.find((r) => r.id === Number(id))
        const ch = row && channelOf(ctx.services.hooks, row.channel)
        out.push(row && ch && (await ch.kind.canRead(ctx, ch.parts)) ? presentMessage(ctx.viewer, ch, toView(row)) : null)
      }
      return out
    },
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      channel: t.exposeString('channel'),
      from: t.field({ type: ChatUser, nullable: true, resolve: (m) => m.from }),
      to: t.field({ type: ChatUser, nullable: true, resolve: (m) => m.to }),
      text: t.exposeString('text', { description: 'Message text; bbcode is kept verbatim' }),
      type: t.exposeString('type', { description: 'message | system | donate | fastdonate | announce' }),
      time: t.field({ type: 'DateTime', resolve: (m) => m.time }),
      editedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.editedAt }),
      replyToId: t.exposeInt('replyToId', { nullable: true }),
      pinned: t.exposeBoolean('pinned'),
      reactions: t.field({ type: [Reaction], resolve: (m) => m.reactions }),
    }),
  })

  const DropReason = builder.enumType('ChatDropReason', {
    values: ['SLOW_MODE', 'RATE_LIMITED', 'SILENCED', 'BANNED', 'KICKED', 'IGNORED', 'NOT_ALLOWED'] as const,
  })
  const PublishResult = builder
    .objectRef<{ isSent: boolean; message?: ChatMessageView; dropReason?: string; dropMessage?: string; retryAfter?: number | null }>('ChatPublishResult')
    .implement({
      description: 'Whether a message went out; a refusal by flow control comes back here, not as an error',
      fields: (t) => ({
        isSent: t.exposeBoolean('isSent'),
        message: t.field({ type: ChatMessage, nullable: true, resolve: (r) => r.message ?? null }),
        dropReason: t.field({ type: DropReason, nullable: true, resolve: (r) => (r.dropReason ?? null) as never }),
        dropMessage: t.string({ nullable: true, resolve: (r) => r.dropMessage ?? null }),
        retryAfter: t.int({ nullable: true, description: 'seconds until a retry can succeed', resolve: (r) => r.retryAfter ?? null }),
      }),
    })

  const Presence = builder.objectRef<{ amount: number; users: number[] }>('ChatPresence').implement({
    description: 'Sessions watching a channel and the logged-in users among them (peka2 /chat/channel/list)',
    fields: (t) => ({ amount: t.exposeInt('amount'), users: t.exposeIntList('users') }),
  })

  // Live events: one union per channel stream.
  const ev = <K extends ChatEvent['kind']>(name: string, kind: K, fields: (t: any) => Record<string, any>) =>
    builder.objectRef<Extract<ChatEvent, { kind: K }>>(name).implement({
      isTypeOf: (e) => (e as ChatEvent).kind === kind,
      fields: (t) => ({ channel: t.string({ resolve: (e) => (e as ChatEvent).channel }), ...fields(t) }),
    })
  const Added = ev('ChatMessageAdded', 'added', (t) => ({ message: t.field({ type: ChatMessage, resolve: (e: any) => e.message }) }))
  const Edited = ev('ChatMessageEdited', 'edited', (t) => ({ message: t.field({ type: ChatMessage, resolve: (e: any) => e.message }) }))
  const Removed = ev('ChatMessageRemoved', 'removed', (t) => ({
    messageId: t.int({ resolve: (e: any) => e.id }),
    reason: t.exposeString('reason'),
    data: t.field({ type: 'JSON', nullable: true, resolve: (e: any) => e.data }),
  }))
  const Reactions = ev('ChatReactionsChanged', 'reactions', (t) => ({
    messageId: t.int({ resolve: (e: any) => e.id }),
    reactions: t.field({ type: [Reaction], resolve: (e: any) => e.reactions }),
    user: t.field({ type: ChatUser, resolve: (e: any) => e.user }),
    emoji: t.exposeString('emoji'),
    added: t.exposeBoolean('added'),
  }))
  const Pin = ev('ChatPinChanged', 'pin', (t) => ({ message: t.field({ type: ChatMessage, resolve: (e: any) => e.message }), pinned: t.exposeBoolean('pinned') }))
  const Typing = ev('ChatTyping', 'typing', (t) => ({
    user: t.field({ type: ChatUser, resolve: (e: any) => e.user }),
    expiresAt: t.field({ type: 'DateTime', resolve: (e: any) => e.expiresAt }),
  }))
  const PresenceEv = ev('ChatPresenceChanged', 'presence', (t) => ({ amount: t.exposeInt('amount'), users: t.exposeIntList('users') }))
  const Slow = ev('ChatSlowModeChanged', 'slowMode', (t) => ({ seconds: t.exposeInt('seconds') }))
  const ChatEventUnion = builder.unionType('ChatEvent', { types: [Added, Edited, Removed, Reactions, Pin, Typing, PresenceEv, Slow] })

  return { ChatUser, ChatMessage, PublishResult, Presence, ChatEventUnion, Reaction }
}
