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
      bonuses: t.exposeIntList('bonuses', { description: 'ids of the bonuses in effect' }),
      icon: t.exposeInt('icon', { description: 'the active icon; 0 for none' }),
      subscriptions: t.exposeIntList('subscriptions', { description: 'streamers (user databaseId)' }),
    }),
  })
  const ChatUser = builder.objectRef<ChatUserView>('ChatUser').implement({
    description: 'A message author as chat shows it; other plugins add badges here',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The user's database id" }),
      name: t.exposeString('name', { description: 'Display name' }),
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
    description: 'One emoji reacted to a message and how many users reacted with it',
    fields: (t) => ({
      emoji: t.exposeString('emoji', { description: 'The emoji (1–32 characters, no spaces)' }),
      count: t.exposeInt('count', { description: 'How many users reacted with it' }),
    }),
  })
  const UploadedFile = fileType(builder)
  const ChatMessage = builder.node(builder.objectRef<ChatMessageView>('ChatMessage'), {
    description:
      'A chat message; readable by whoever may read its channel (a node lookup of an unreadable one answers null)',
    id: { resolve: (m) => m.id, description: 'Global (Relay) id of the message' },
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
      databaseId: t.exposeInt('id', {
        description: 'Database id of the message: what the chat mutations take as `id`',
      }),
      channel: t.exposeString('channel', { description: 'Id of the channel it was sent to' }),
      from: t.field({
        type: ChatUser,
        nullable: true,
        description: "The author; null on the server's own messages (system, moderation notices)",
        resolve: (m) => m.from,
      }),
      to: t.field({
        type: ChatUser,
        nullable: true,
        description: 'The user the message is addressed to (mentioned); null for none',
        resolve: (m) => m.to,
      }),
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
      time: t.field({ type: 'DateTime', description: 'When it was sent', resolve: (m) => m.time }),
      editedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When its author last edited it; null if never',
        resolve: (m) => m.editedAt,
      }),
      replyToId: t.exposeInt('replyToId', {
        nullable: true,
        description: 'databaseId of the message (same channel) it answers; null when not a reply',
      }),
      pinned: t.exposeBoolean('pinned', { description: 'Whether a channel moderator pinned it' }),
      reactions: t.field({
        type: [Reaction],
        description: 'Reactions per emoji, in the order each emoji was first used',
        resolve: (m) => m.reactions,
      }),
      attachments: t.field({
        type: [UploadedFile],
        description: 'files sent with it (uploadFile), as they were when sent',
        resolve: (m) => m.attachments,
      }),
    }),
  })

  const dropReasons = {
    SLOW_MODE: {
      description: "The channel's slow mode: the author sent a message too recently (moderators are exempt)",
    },
    RATE_LIMITED: { description: 'The author spent the budget of 60 chat events a minute' },
    SILENCED: { description: 'The author is silenced (muted) in this channel for a while' },
    BANNED: { description: 'The author is banned, in this channel or site-wide' },
    KICKED: { description: 'The author was kicked from this channel and must re-enter it to write' },
    IGNORED: {
      description:
        'The recipient ignores the author. Not given by this server: such a message is sent and hidden from whoever ignores its author',
    },
    NOT_ALLOWED: {
      description:
        "The channel's rules refuse the author (a direct message the recipient does not take, support taken away …)",
    },
  } as const satisfies Record<DropReason, { description: string }>
  const DropReasonEnum = builder.enumType('ChatDropReason', {
    description: 'Why a message was not sent (flow control or a sanction), with `dropMessage` saying it in words',
    values: dropReasons,
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
        isSent: t.exposeBoolean('isSent', { description: 'Whether the message was stored and published' }),
        message: t.field({
          type: ChatMessage,
          nullable: true,
          description: 'The message sent; null when refused',
          resolve: (r) => r.message ?? null,
        }),
        dropReason: t.field({
          type: DropReasonEnum,
          nullable: true,
          description: 'Why it was refused; null when sent',
          resolve: (r) => r.dropReason ?? null,
        }),
        dropMessage: t.string({
          nullable: true,
          description: 'The refusal in words, to show the author; null when sent',
          resolve: (r) => r.dropMessage ?? null,
        }),
        retryAfter: t.int({
          nullable: true,
          description: 'seconds until a retry can succeed',
          resolve: (r) => r.retryAfter ?? null,
        }),
      }),
    })

  const Presence = builder.objectRef<{ amount: number; users: number[] }>('ChatPresence').implement({
    description: 'Sessions watching a channel and the logged-in users among them (peka2 /chat/channel/list)',
    fields: (t) => ({
      amount: t.exposeInt('amount', { description: 'How many sessions (guests included) watch the channel' }),
      users: t.exposeIntList('users', {
        description: 'databaseIds of the signed-in users watching; empty in channels that hide identities (support)',
      }),
    }),
  })

  // Live events: one union per channel stream, each member typed by its kind.
  type Ev<K extends ChatEvent['kind']> = Extract<ChatEvent, { kind: K }>
  const Added = builder.objectRef<Ev<'added'>>('ChatMessageAdded').implement({
    description: 'A message was sent to the channel',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      message: t.field({ type: ChatMessage, description: 'The new message', resolve: (e) => e.message }),
    }),
  })
  const Edited = builder.objectRef<Ev<'edited'>>('ChatMessageEdited').implement({
    description: 'Its author edited a message',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      message: t.field({ type: ChatMessage, description: 'The message as edited', resolve: (e) => e.message }),
    }),
  })
  const Removed = builder.objectRef<Ev<'removed'>>('ChatMessageRemoved').implement({
    description: 'A message was removed (by its author, a moderator or a sanction)',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      messageId: t.int({ description: 'databaseId of the removed message', resolve: (e) => e.id }),
      reason: t.exposeString('reason', {
        description: 'Why: the reason given, else author or moderator (peka2 reasons such as ban)',
      }),
      data: t.field({
        type: 'JSON',
        nullable: true,
        description: 'Details of the reason (an object, e.g. banId and reasonId of a ban); empty when none',
        resolve: (e) => e.data,
      }),
    }),
  })
  const Reactions = builder.objectRef<Ev<'reactions'>>('ChatReactionsChanged').implement({
    description: 'A user added or took back a reaction to a message',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      messageId: t.int({ description: 'databaseId of the message', resolve: (e) => e.id }),
      reactions: t.field({ type: [Reaction], description: "The message's reactions now", resolve: (e) => e.reactions }),
      user: t.field({ type: ChatUser, description: 'Who reacted', resolve: (e) => e.user }),
      emoji: t.exposeString('emoji', { description: 'The emoji added or taken back' }),
      added: t.exposeBoolean('added', { description: 'true when added, false when taken back' }),
    }),
  })
  const Pin = builder.objectRef<Ev<'pin'>>('ChatPinChanged').implement({
    description: 'A moderator pinned or unpinned a message',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      message: t.field({ type: ChatMessage, description: 'The message as it is now', resolve: (e) => e.message }),
      pinned: t.exposeBoolean('pinned', { description: 'true when pinned, false when unpinned' }),
    }),
  })
  const Typing = builder.objectRef<Ev<'typing'>>('ChatTyping').implement({
    description: 'A user is typing (or stopped: then it expires at once)',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      user: t.field({ type: ChatUser, description: 'Who is typing', resolve: (e) => e.user }),
      expiresAt: t.field({
        type: 'DateTime',
        description: 'When to stop showing it unless another arrives (5 s after it was sent)',
        resolve: (e) => e.expiresAt,
      }),
    }),
  })
  const PresenceEv = builder.objectRef<Ev<'presence'>>('ChatPresenceChanged').implement({
    description: 'Who watches the channel changed (a session joined or left)',
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      amount: t.exposeInt('amount', { description: 'How many sessions (guests included) watch the channel now' }),
      users: t.exposeIntList('users', {
        description: 'databaseIds of the signed-in users watching; empty in channels that hide identities (support)',
      }),
    }),
  })
  const Slow = builder.objectRef<Ev<'slowMode'>>('ChatSlowModeChanged').implement({
    description: "A moderator changed the channel's slow mode",
    fields: (t) => ({
      channel: t.exposeString('channel', { description: 'Id of the channel' }),
      seconds: t.exposeInt('seconds', {
        description: 'Seconds a non-moderator waits between messages; 0 turns slow mode off',
      }),
    }),
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
    description: 'Something that happened in a chat channel (chatEvents); the member type says what',
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
