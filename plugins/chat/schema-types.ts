import type { Builder } from '../../src/schema/builder.js'
import { fileType } from '../../src/uploads/files-schema.js'
import type { ChatMessageView, ChatUserView, DropReason } from './public.js'
import type { ChatEvent } from './topics.js'
import { MESSAGE_SELECT, toView } from './render.js'
import { channelOf, presentMessage } from './channels.js'
import { authorStoreOf, nickColorOf } from './extensions.js'
import type { AuthorStore } from './public.js'
import { isHiddenFor } from './hidden.js'

/** Output types of the chat schema; other plugins extend ChatUser/ChatMessage by name (badges, icons …). */
export function addChatTypes(builder: Builder) {
  const Store = builder.objectRef<AuthorStore>('ChatAuthorStore').implement({
    description: "peka2's store object of an author: bonuses in effect (ids), icon, streamers subscribed to",
    fields: (t) => ({
      bonuses: t.exposeIntList('bonuses'),
      icon: t.exposeInt('icon', { description: 'the active icon; 0 for none' }),
      subscriptions: t.exposeIntList('subscriptions', { description: 'streamers (user databaseId)' }),
    }),
  })
  const ChatUser = builder.objectRef<ChatUserView>('ChatUser').implement({
    description: 'A message author as chat shows it; other plugins add badges here',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      name: t.exposeString('name'),
      color: t.exposeInt('color', { description: "Name colour index (the author's chat.namecolor setting)" }),
      nickColor: t.string({
        nullable: true,
        description: "The author's nick colour ('#rrggbb') given by another plugin (a bought colour); null for none",
        resolve: (u, _a, ctx) => nickColorOf(ctx.services, u.id),
      }),
      store: t.field({
        type: Store,
        description: 'What the author bought, from the plugin that sells it; empty without one',
        resolve: (u, _a, ctx) => authorStoreOf(ctx.services, u.id),
      }),
    }),
  })
  const Reaction = builder.objectRef<{ emoji: string; count: number }>('ChatReactionCount').implement({
    fields: (t) => ({ emoji: t.exposeString('emoji'), count: t.exposeInt('count') }),
  })
  const UploadedFile = fileType(builder)
  const ChatMessage = builder.node(builder.objectRef<ChatMessageView>('ChatMessage'), {
    id: { resolve: (m) => m.id },
    loadMany: async (ids, ctx) => {
      const rows = await ctx.prisma.chatMessage.findMany({
        where: { id: { in: ids.map(Number) }, deletedAt: null },
        select: MESSAGE_SELECT,
      })
      // Node lookup never bypasses channel access: unreadable messages come back as null.
      const out = []
      for (const id of ids) {
        const row = rows.find((r) => r.id === Number(id))
        const ch = row && channelOf(ctx.services, row.channel)
        out.push(
          row && ch && (await ch.kind.canRead(ctx, ch.parts)) && !(await isHiddenFor(ctx, ch, row.id))
            ? presentMessage(ctx.viewer, ch, toView(row))
            : null,
        )
      }
      return out
    },
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      channel: t.exposeString('channel'),
      from: t.field({ type: ChatUser, nullable: true, resolve: (m) => m.from }),
      to: t.field({ type: ChatUser, nullable: true, resolve: (m) => m.to }),
      actor: t.field({
        type: ChatUser,
        nullable: true,
        description:
          'Who acted, on a service message of moderation (kick, silence, ban, new / remove moderator) in a channel ' +
          "whose moderators are public — a room's owner and the moderators they appointed (JustChat's `author`); " +
          'null when the moderation is anonymous (site staff, and every channel outside rooms) and on every other ' +
          "message. `from` stays null: the message is the server's",
        resolve: (m) => m.actor,
      }),
      text: t.exposeString('text', { description: 'Message text; bbcode is kept verbatim' }),
      type: t.exposeString('type', { description: 'message | system | donate | fastdonate | announce' }),
      time: t.field({ type: 'DateTime', resolve: (m) => m.time }),
      editedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.editedAt }),
      replyToId: t.exposeInt('replyToId', { nullable: true }),
      pinned: t.exposeBoolean('pinned'),
      reactions: t.field({ type: [Reaction], resolve: (m) => m.reactions }),
      attachments: t.field({
        type: [UploadedFile],
        description: 'files sent with it (uploadFile), as they were when sent',
        resolve: (m) => m.attachments,
      }),
    }),
  })

  const DropReasonEnum = builder.enumType('ChatDropReason', {
    values: [
      'SLOW_MODE',
      'RATE_LIMITED',
      'SILENCED',
      'BANNED',
      'KICKED',
      'IGNORED',
      'NOT_ALLOWED',
    ] as const satisfies readonly DropReason[],
  })
  const PublishResult = builder
    .objectRef<{
      isSent: boolean
      message?: ChatMessageView
      dropReason?: DropReason
      dropMessage?: string
      retryAfter?: number | null
    }>('ChatPublishResult')
    .implement({
      description: 'Whether a message went out; a refusal by flow control comes back here, not as an error',
      fields: (t) => ({
        isSent: t.exposeBoolean('isSent'),
        message: t.field({ type: ChatMessage, nullable: true, resolve: (r) => r.message ?? null }),
        dropReason: t.field({ type: DropReasonEnum, nullable: true, resolve: (r) => r.dropReason ?? null }),
        dropMessage: t.string({ nullable: true, resolve: (r) => r.dropMessage ?? null }),
        retryAfter: t.int({
          nullable: true,
          description: 'seconds until a retry can succeed',
          resolve: (r) => r.retryAfter ?? null,
        }),
      }),
    })

  const Presence = builder.objectRef<{ amount: number; users: number[] }>('ChatPresence').implement({
    description: 'Sessions watching a channel and the logged-in users among them (peka2 /chat/channel/list)',
    fields: (t) => ({ amount: t.exposeInt('amount'), users: t.exposeIntList('users') }),
  })

  // Live events: one union per channel stream, each member typed by its kind.
  type Ev<K extends ChatEvent['kind']> = Extract<ChatEvent, { kind: K }>
  const Added = builder.objectRef<Ev<'added'>>('ChatMessageAdded').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      message: t.field({ type: ChatMessage, resolve: (e) => e.message }),
    }),
  })
  const Edited = builder.objectRef<Ev<'edited'>>('ChatMessageEdited').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      message: t.field({ type: ChatMessage, resolve: (e) => e.message }),
    }),
  })
  const Removed = builder.objectRef<Ev<'removed'>>('ChatMessageRemoved').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      messageId: t.int({ resolve: (e) => e.id }),
      reason: t.exposeString('reason'),
      data: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.data }),
    }),
  })
  const Reactions = builder.objectRef<Ev<'reactions'>>('ChatReactionsChanged').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      messageId: t.int({ resolve: (e) => e.id }),
      reactions: t.field({ type: [Reaction], resolve: (e) => e.reactions }),
      user: t.field({ type: ChatUser, resolve: (e) => e.user }),
      emoji: t.exposeString('emoji'),
      added: t.exposeBoolean('added'),
    }),
  })
  const Pin = builder.objectRef<Ev<'pin'>>('ChatPinChanged').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      message: t.field({ type: ChatMessage, resolve: (e) => e.message }),
      pinned: t.exposeBoolean('pinned'),
    }),
  })
  const Typing = builder.objectRef<Ev<'typing'>>('ChatTyping').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      user: t.field({ type: ChatUser, resolve: (e) => e.user }),
      expiresAt: t.field({ type: 'DateTime', resolve: (e) => e.expiresAt }),
    }),
  })
  const PresenceEv = builder.objectRef<Ev<'presence'>>('ChatPresenceChanged').implement({
    fields: (t) => ({
      channel: t.exposeString('channel'),
      amount: t.exposeInt('amount'),
      users: t.exposeIntList('users'),
    }),
  })
  const Slow = builder.objectRef<Ev<'slowMode'>>('ChatSlowModeChanged').implement({
    fields: (t) => ({ channel: t.exposeString('channel'), seconds: t.exposeInt('seconds') }),
  })
  const members = {
    added: Added,
    edited: Edited,
    removed: Removed,
    reactions: Reactions,
    pin: Pin,
    typing: Typing,
    presence: PresenceEv,
    slowMode: Slow,
  } as const satisfies { [K in ChatEvent['kind']]: { $inferType: Ev<K> } }
  const ChatEventUnion = builder.unionType('ChatEvent', {
    types: [Added, Edited, Removed, Reactions, Pin, Typing, PresenceEv, Slow],
    // the event's own kind names its member type: no guessing from the shape
    resolveType: (e) => members[e.kind],
  })

  const types = { ChatUser, ChatMessage, PublishResult, Presence, ChatEventUnion, Reaction }
  typesByBuilder.set(builder, types)
  return types
}

export type ChatGraphQLTypes = ReturnType<typeof addChatTypes>

const typesByBuilder = new WeakMap<Builder, ChatGraphQLTypes>()

/** Chat's GraphQL types on a builder chat's schema was added to (plugins that require chat build after it). */
export function chatTypesOf(builder: Builder): ChatGraphQLTypes {
  const types = typesByBuilder.get(builder)
  if (!types) throw new Error("chat: its schema is not on this builder (a plugin using chat's types must require chat)")
  return types
}
