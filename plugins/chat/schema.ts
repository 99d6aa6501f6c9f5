import { resolveCursorConnection } from '@pothos/plugin-relay'
import type { Builder } from '../../src/schema/builder.js'
import type { ChatMessageView } from './public.js'
import { AppError } from '../../src/errors.js'
import { addChatTypes } from './schema-types.js'
import { isId, readableChannel, resolveChannel, presentPresence, visibleChannel } from './channels.js'
import { channelEvents, presenceOf } from './live.js'
import * as chat from './service.js'
import * as history from './history.js'
import type { ConditionQuery } from './conditions.js'

export function chatSchema(builder: Builder) {
  const { ChatMessage, PublishResult, Presence, ChatEventUnion, Reaction } = addChatTypes(builder)

  const Condition = builder.inputType('ChatHistoryCondition', {
    description: 'One condition of a history filter: `field` `operation` `value`',
    fields: (t) => ({
      field: t.string({ required: true, description: 'id | from | to | type' }),
      operation: t.string({ required: true, description: 'in | not in | = | <> | < | >' }),
      value: t.stringList({
        required: true,
        description:
          '1–100 values (exactly one for = <> < >): integer ids for id, from and to; message types (≤ 32 characters) for type',
      }),
      glue: t.string({ description: 'and | or (ignored on the first item)' }),
    }),
  })
  const HistoryQuery = builder.inputRef<ConditionQuery>('ChatHistoryQuery').implement({
    description: 'peka2 /chat/history conditions: nested groups, glued left to right',
    fields: (t) => ({
      conditions: t.field({ type: [Condition], description: 'Conditions, at most 50 in the whole query' }),
      groups: t.field({ type: [HistoryQuery], description: 'Nested groups, at most 4 levels deep' }),
      glue: t.string({ description: 'and | or: how this group joins the items before it (default and)' }),
    }),
  })

  const Channel = builder.objectRef<{ id: string }>('ChatChannel').implement({
    description: 'A chat channel the viewer may read',
    fields: (t) => ({
      id: t.exposeString('id', { description: 'peka2 channel id: main, admin, stream/<userId>, private/<a>/<b> …' }),
      name: t.string({
        description: "The channel's display name",
        resolve: async (c, _a, ctx) => {
          const ch = await resolveChannel(ctx, c.id)
          return (await ch.kind.describe(ctx, ch.parts)).name
        },
      }),
      ownerId: t.int({
        nullable: true,
        description: 'databaseId of the channel owner (the streamer of stream/<id> …); null for channels without one',
        resolve: async (c, _a, ctx) => {
          const ch = await resolveChannel(ctx, c.id)
          return (await ch.kind.describe(ctx, ch.parts)).ownerId
        },
      }),
      owner: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The channel owner; null for channels without one',
        resolve: async (query, c, _a, ctx) => {
          const ch = await resolveChannel(ctx, c.id)
          const { ownerId } = await ch.kind.describe(ctx, ch.parts)
          return ownerId ? ctx.prisma.user.findUnique({ ...query, where: { id: ownerId } }) : null
        },
      }),
      messageCount: t.int({
        description: 'How many messages the viewer may read in the channel (what history pages through)',
        resolve: (c, _a, ctx) => history.historyCount(ctx, c.id),
      }),
      slowModeSeconds: t.int({
        description: 'Seconds a non-moderator waits between messages; 0 when slow mode is off',
        resolve: async (c, _a, ctx) =>
          (await ctx.prisma.chatChannelSettings.findUnique({ where: { channel: c.id } }))?.slowModeSeconds ?? 0,
      }),
      messages: t.connection({
        type: ChatMessage,
        description: 'History, newest first (first ≤ 100)',
        args: { query: t.arg({ type: HistoryQuery, description: 'peka2 conditions filtering the history' }) },
        resolve: (c, args, ctx) => {
          // Bounds and cursors are checked here: Pothos throws plain errors (a 500) on negative counts, and a cursor is a
          // message id — anything else is the caller's mistake, not "no cursor".
          for (const field of ['first', 'last'] as const) {
            const n = args[field]
            if (n != null && (n < 0 || n > history.MAX_PAGE))
              throw new AppError('INVALID_INPUT', `${field}: must be from 0 to ${history.MAX_PAGE}`, { field })
          }
          for (const field of ['after', 'before'] as const) {
            const cursor = args[field]
            if (cursor != null && !isId(cursor))
              throw new AppError('INVALID_INPUT', `${field}: not a cursor of this connection`, { field })
          }
          return resolveCursorConnection<Promise<ChatMessageView[]>>(
            { args: { ...args, first: args.first ?? (args.last ? undefined : 50) }, toCursor: (m) => String(m.id) },
            ({ before, after, limit, inverted }) =>
              // Newest first: "after" a cursor means older messages; `last` reads from the oldest end (inverted).
              history.historyPage(ctx, c.id, {
                limit,
                olderThan: after ? Number(after) : undefined,
                newerThan: before ? Number(before) : undefined,
                ascending: inverted,
                query: args.query,
              }),
          )
        },
      }),
      pinned: t.field({
        type: [ChatMessage],
        description: 'Pinned messages (at most 50), most recently pinned first',
        resolve: (c, _a, ctx) => history.pinned(ctx, c.id),
      }),
      presence: t.field({
        type: Presence,
        description: 'Who watches the channel now',
        resolve: async (c, _a, ctx) =>
          presentPresence(await resolveChannel(ctx, c.id), await presenceOf(ctx).list(c.id)),
      }),
    }),
  })

  const SearchHit = builder.objectRef<{ message: ChatMessageView; rank: number }>('ChatSearchHit').implement({
    description: 'A message that matched a search',
    fields: (t) => ({
      message: t.field({ type: ChatMessage, description: 'The message', resolve: (h) => h.message }),
      rank: t.exposeFloat('rank', { description: 'Relevance (PostgreSQL ts_rank); higher matches better' }),
    }),
  })

  builder.queryFields((t) => ({
    chatChannel: t.field({
      type: Channel,
      description:
        'A channel by id; CHANNEL_NOT_FOUND for an unknown id, INSUFFICIENT_PERMISSIONS (UNAUTHENTICATED for guests) when the viewer may not read it',
      args: { id: t.arg.string({ required: true, description: 'Channel id (main, stream/<userId> …)' }) },
      resolve: async (_p, a, ctx) => ({ id: (await readableChannel(ctx, a.id, 'id')).id }),
    }),
    chatChannels: t.field({
      type: [Channel],
      description:
        'Several channels by id (peka2 /api/channel/data); any unknown id, or one the viewer may not read, is the same ' +
        'CHANNEL_NOT_FOUND error — or, with `skipMissing`, left out of the answer',
      args: {
        ids: t.arg.stringList({ required: true, description: 'Channel ids, 1–100' }),
        skipMissing: t.arg.boolean({
          defaultValue: false,
          required: true,
          description: 'Leave unknown or unreadable channels out instead of failing',
        }),
      },
      resolve: async (_p, a, ctx) => {
        if (!a.ids.length || a.ids.length > 100)
          throw new AppError('INVALID_INPUT', 'ids: give 1–100 channel ids', { field: 'ids' })
        // chatChannel's read check, answered as "does not exist": nothing here tells a guest which tickets or private channels exist.
        // One by one, so the error always names the first bad id.
        const out: { id: string }[] = []
        for (const id of a.ids) {
          const ch = await visibleChannel(ctx, id, 'ids').catch((e: unknown) => {
            if (a.skipMissing && e instanceof AppError && e.code === 'CHANNEL_NOT_FOUND') return null
            throw e
          })
          if (ch) out.push({ id: ch.id })
        }
        return out
      },
    }),
    chatHistory: t.field({
      type: [ChatMessage],
      description:
        'History with skip/limit (JustChat: skip -n is the oldest `limit` of the n latest) and peka2 conditions, newest first',
      args: {
        channel: t.arg.string({ required: true, description: 'Channel id' }),
        skip: t.arg.int({
          defaultValue: 0,
          description: 'Newest messages to skip, -100000 to 100000; negative: the oldest `limit` of the -skip latest',
        }),
        limit: t.arg.int({ defaultValue: 50, description: 'Messages to return, 1–100' }),
        query: t.arg({ type: HistoryQuery, description: 'peka2 conditions filtering the history' }),
      },
      resolve: (_p, a, ctx) => history.historyList(ctx, a.channel, a.skip ?? 0, a.limit ?? 50, a.query),
    }),
    searchChatMessages: t.field({
      type: [SearchHit],
      description: `Full-text search over the channels the viewer may read, best match first. Costs ${history.SEARCH_COST} against the query cost limit per use (each alias counts)`,
      // Read by the core's declared-cost rule: aliasing the search 15 times is refused before anything runs.
      extensions: { cost: history.SEARCH_COST },
      args: {
        text: t.arg.string({ required: true, description: 'Words to find, 2–200 characters' }),
        channel: t.arg.string({ description: 'Search only this channel; omitted: every channel the viewer may read' }),
        first: t.arg.int({ defaultValue: 20, description: 'Hits to return, 1–100' }),
        offset: t.arg.int({ defaultValue: 0, description: 'Hits to skip, 0–10000' }),
      },
      resolve: (_p, a, ctx) =>
        history.search(ctx, a.text, { channel: a.channel, first: a.first ?? 20, offset: a.offset ?? 0 }),
    }),
  }))

  const auth = { authenticated: true } as const
  builder.mutationFields((t) => ({
    sendChatMessage: t.field({
      type: PublishResult,
      authScopes: auth,
      description:
        'Sends a message (signed-in users who may write to the channel). Slow mode, the rate limit and sanctions answer isSent false with a dropReason; errors: INVALID_INPUT, CHANNEL_NOT_FOUND, INSUFFICIENT_PERMISSIONS, USER_NOT_FOUND (to), MESSAGE_NOT_FOUND (replyTo)',
      args: {
        input: t.arg({
          required: true,
          description: 'The message',
          type: builder.inputType('SendChatMessageInput', {
            description: 'A chat message to send',
            fields: (f) => ({
              channel: f.string({ required: true, description: 'Id of the channel to write to' }),
              text: f.string({ required: true, description: 'at most 2,000 characters; bbcode kept verbatim' }),
              to: f.int({ description: 'mentioned user (databaseId)' }),
              type: f.string({ description: 'message (default); system/announce for moderators' }),
              replyTo: f.int({ description: 'databaseId of a message in the same channel' }),
              attachments: f.stringList({
                description: 'ids of files you uploaded (uploadFile), at most 10; with files the text may be empty',
              }),
            }),
          }),
        }),
      },
      resolve: (_p, { input }, ctx) =>
        chat.publish(ctx, {
          channel: input.channel,
          text: input.text,
          toId: input.to,
          type: input.type,
          replyToId: input.replyTo,
          attachments: input.attachments,
        }),
    }),
    editChatMessage: t.field({
      type: ChatMessage,
      authScopes: auth,
      description:
        "Replaces the text of your own message (within the edit window of channels that have one); INSUFFICIENT_PERMISSIONS for another's message or a sanctioned author, TOO_MANY_MESSAGES past 60 chat events a minute, MESSAGE_NOT_FOUND",
      args: {
        id: t.arg.int({ required: true, description: 'databaseId of the message' }),
        text: t.arg.string({ required: true, description: 'New text, 1–2,000 characters' }),
      },
      resolve: (_p, a, ctx) => chat.edit(ctx, a.id, a.text),
    }),
    removeChatMessage: t.boolean({
      authScopes: auth,
      description:
        'Removes a message: its author, or a moderator of the channel (INSUFFICIENT_PERMISSIONS otherwise); MESSAGE_NOT_FOUND. Returns true',
      args: {
        id: t.arg.int({ required: true, description: 'databaseId of the message' }),
        reason: t.arg.string({ description: 'Why, at most 64 characters; omitted: author or moderator' }),
        data: t.arg({
          type: 'JSON',
          description:
            "Details of the reason: a JSON object of at most 2,000 characters (peka2's ban: banId, reasonId)",
        }),
      },
      resolve: (_p, a, ctx) => chat.remove(ctx, a.id, a.reason, a.data),
    }),
    pinChatMessage: t.field({
      type: ChatMessage,
      authScopes: auth,
      description:
        'Pins a message: channel moderators who may write there (INSUFFICIENT_PERMISSIONS otherwise); CONFLICT past 50 pinned messages in a channel',
      args: { id: t.arg.int({ required: true, description: 'databaseId of the message' }) },
      resolve: (_p, a, ctx) => chat.setPinned(ctx, a.id, true),
    }),
    unpinChatMessage: t.field({
      type: ChatMessage,
      authScopes: auth,
      description: 'Unpins a message: channel moderators (INSUFFICIENT_PERMISSIONS otherwise)',
      args: { id: t.arg.int({ required: true, description: 'databaseId of the message' }) },
      resolve: (_p, a, ctx) => chat.setPinned(ctx, a.id, false),
    }),
    addChatReaction: t.field({
      type: [Reaction],
      authScopes: auth,
      description:
        "Adds the viewer's reaction to a message (once per emoji) and returns its reactions; CONFLICT past 20 different emoji on a message, TOO_MANY_MESSAGES past 60 chat events a minute, INSUFFICIENT_PERMISSIONS for a sanctioned author",
      args: {
        id: t.arg.int({ required: true, description: 'databaseId of the message' }),
        emoji: t.arg.string({ required: true, description: 'The emoji, 1–32 characters without spaces' }),
      },
      resolve: (_p, a, ctx) => chat.react(ctx, a.id, a.emoji, true),
    }),
    removeChatReaction: t.field({
      type: [Reaction],
      authScopes: auth,
      description: "Takes back the viewer's reaction and returns the message's reactions",
      args: {
        id: t.arg.int({ required: true, description: 'databaseId of the message' }),
        emoji: t.arg.string({ required: true, description: 'The emoji, 1–32 characters without spaces' }),
      },
      resolve: (_p, a, ctx) => chat.react(ctx, a.id, a.emoji, false),
    }),
    sendChatTyping: t.field({
      type: 'DateTime',
      authScopes: auth,
      description:
        'Announces typing (to viewers of the channel, for 5 s); returns when it expires. Signed-in users who may write there; TOO_MANY_MESSAGES past 60 chat events a minute',
      args: {
        channel: t.arg.string({ required: true, description: 'Id of the channel the viewer types in' }),
        stopped: t.arg.boolean({ description: 'the viewer stopped typing: the event expires at once' }),
      },
      resolve: (_p, a, ctx) => chat.typing(ctx, a.channel, a.stopped ?? false),
    }),
    setChatSlowMode: t.int({
      authScopes: auth,
      description:
        'Sets the slow mode of a channel and returns it: channel moderators (INSUFFICIENT_PERMISSIONS otherwise)',
      args: {
        channel: t.arg.string({ required: true, description: 'Channel id' }),
        seconds: t.arg.int({
          required: true,
          description: 'Seconds a non-moderator waits between messages, 0–3600; 0 turns slow mode off',
        }),
      },
      resolve: (_p, a, ctx) => chat.setSlowMode(ctx, a.channel, a.seconds),
    }),
  }))

  builder.subscriptionField('chatEvents', (t) =>
    t.field({
      type: ChatEventUnion,
      description:
        'Everything that happens in a channel (messages, edits, removals, reactions, pins, typing, presence, slow mode), to whoever may read it; `all` streams every public channel. Events of users the viewer ignores are left out; it ends when the viewer may no longer read the channel',
      args: {
        channel: t.arg.string({
          required: true,
          description: 'Channel id (the viewer must be able to read it); all for every public channel',
        }),
      },
      subscribe: (_p, a, ctx) => channelEvents(ctx, a.channel),
      resolve: (e) => e,
    }),
  )
}
