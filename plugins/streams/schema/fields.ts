import type { Builder } from '../../../src/schema/builder.js'
import { findCategory } from '../categories.js'
import { LIST_MAX, listStreams, streamBySlug, streamsByIds } from '../streams.js'
import { LIVE_CHANNELS_MAX, playerLive, setPlayerStatus } from '../live.js'
import { PLAYERS_MAX, removeCategory, saveCategory, saveStream } from '../manage.js'
import { offsetConnection } from './paging.js'
import type { StreamTypes } from './types.js'

/** Queries and mutations of streams, categories and players: thin, calling the services. */
export function addStreamFields(builder: Builder, T: StreamTypes) {
  const CategoryRef = builder.inputType('ContentCategoryRef', {
    description: 'A category by databaseId or slug (either; `top` is the root)',
    fields: (f) => ({
      databaseId: f.int({ description: 'The category id; wins over slug when both are given' }),
      slug: f.string({ description: 'The category slug; top for the root' }),
    }),
  })
  const PlayerInput = builder.inputType('StreamPlayerInput', {
    description: 'A player of a stream: its channel on a streaming service (each provider and channel once)',
    fields: (f) => ({
      provider: f.field({ type: T.Provider, required: true, description: 'The streaming service' }),
      channel: f.string({ required: true, description: '1–64 letters, digits, _ . or -' }),
      active: f.boolean({ description: 'default true' }),
    }),
  })
  const StreamInput = builder.inputType('LiveStreamInput', {
    description: 'What to change of a stream; fields left out stay as they are',
    fields: (f) => ({
      userId: f.int({ description: "whose stream: the viewer's own unless a stream admin names another user" }),
      title: f.string({ description: '1–100 characters' }),
      description: f.string({ description: 'at most 5,000 characters' }),
      categoryId: f.int({ description: 'a stream category; null files it nowhere' }),
      thumbnail: f.string({ description: "an absolute http(s) URL; '' clears it" }),
      restream: f.boolean({ description: 'hide it from lists' }),
      tv: f.boolean({ description: 'the cinema flag' }),
      startAt: f.field({ type: 'DateTime', description: 'the next broadcast; null clears it' }),
      selected: f.int({ description: 'pin priority 0–1000 (stream admins)' }),
      active: f.boolean({
        description: 'false hides it from everyone but stream admins and its owner (stream admins)',
      }),
      players: f.field({
        type: [PlayerInput],
        description: `replaces the players, at most ${PLAYERS_MAX} (the statuses of those kept are kept)`,
        extensions: { maxItems: PLAYERS_MAX },
      }),
    }),
  })
  const CategoryInput = builder.inputType('ContentCategoryInput', {
    description: 'A stream category to create or change',
    fields: (f) => ({
      databaseId: f.int({ description: 'the category to change; none creates one' }),
      slug: f.string({ required: true, description: '1–32 lower-case letters, digits or -' }),
      name: f.string({ required: true, description: '1–100 characters' }),
      parentId: f.int({ description: 'required but for the root (`top`)' }),
      position: f.int({ description: 'order among siblings of equal weight' }),
    }),
  })

  builder.queryFields((t) => ({
    liveStream: t.field({
      type: T.Stream,
      description: "A streamer's stream by the streamer's slug (peka2 /api/stream; STREAM_NOT_FOUND otherwise)",
      args: { slug: t.arg.string({ required: true, description: "The streamer's user slug" }) },
      resolve: (_p, a, ctx) => streamBySlug(ctx, a.slug),
    }),
    liveStreams: t.connection({
      type: T.Stream,
      description:
        'Online, visible streams under a category (the root: all) by pin priority, then rating (peka2 /api/content, ' +
        `/api/content/top); FOLLOWED: the viewer's followed ones. Pages of at most ${LIST_MAX}.`,
      args: {
        category: t.arg({
          type: CategoryRef,
          required: true,
          description:
            'The category whose subtree to list (slug top: every stream); CONTENT_CATEGORY_NOT_FOUND otherwise',
        }),
        filter: t.arg({
          type: T.Filter,
          defaultValue: 'all',
          required: true,
          description: 'ALL, or FOLLOWED (signed-in only: UNAUTHENTICATED for a guest)',
        }),
      },
      resolve: (_p, a, ctx) =>
        offsetConnection(a, LIST_MAX, (page) =>
          listStreams(ctx, { category: { id: a.category.databaseId, slug: a.category.slug }, filter: a.filter }, page),
        ),
    }),
    liveStreamsByIds: t.field({
      type: [T.Stream],
      description: 'Streams by databaseId (the owners’ user ids), at most 100; unknown and hidden ones are left out',
      args: {
        ids: t.arg.intList({ required: true, description: "The streams' databaseIds (their owners' user ids)" }),
      },
      resolve: (_p, a, ctx) => streamsByIds(ctx, a.ids),
    }),
    contentCategory: t.field({
      type: T.Category,
      description: 'A category by databaseId or slug (peka2 /api/category); `top` is the root of every content',
      args: {
        content: t.arg({
          type: T.Content,
          required: true,
          description: 'Which tree to look in: stream or support categories',
        }),
        databaseId: t.arg.int({ description: 'The category id; wins over slug (one of the two is required)' }),
        slug: t.arg.string({ description: 'The category slug; top for the root' }),
      },
      resolve: (_p, a, ctx) => findCategory(ctx, a.content, { id: a.databaseId, slug: a.slug }),
    }),
    playerLive: t.field({
      type: [T.PlayerLiveStatus],
      description: `Live status of the site player's broadcasts by channel id (player.md), at most ${LIVE_CHANNELS_MAX}`,
      args: {
        channels: t.arg.stringList({
          required: true,
          extensions: { maxItems: LIVE_CHANNELS_MAX },
          description:
            'Channel ids of the site player (letters, digits, _ . -); answered in this order, unknown ones offline',
        }),
      },
      resolve: (_p, a, ctx) => playerLive(ctx, a.channels),
    }),
  }))

  builder.mutationFields((t) => ({
    saveLiveStream: t.field({
      type: T.Stream,
      authScopes: { authenticated: true },
      description:
        "Sets up or changes the viewer's stream (a stream admin: anyone's, and its pin and active flag); " +
        'INSUFFICIENT_PERMISSIONS, USER_NOT_FOUND, CONTENT_CATEGORY_NOT_FOUND, INVALID_INPUT',
      args: { input: t.arg({ type: StreamInput, required: true, description: 'What to change' }) },
      resolve: async (_p, { input }, ctx) => {
        const id = await saveStream(ctx, { ...input, name: input.title })
        const [stream] = await streamsByIds(ctx, [id])
        return stream
      },
    }),
    setStreamPlayerStatus: t.int({
      authScopes: { streamAdmin: true },
      description:
        "Reports a channel's live status (stream admins: the checker polling the services); every stream with that " +
        'player follows. Returns how many players it updated.',
      args: {
        provider: t.arg({ type: T.Provider, required: true, description: 'The streaming service' }),
        channel: t.arg.string({ required: true, description: 'The channel on that service' }),
        online: t.arg.boolean({ required: true, description: 'Whether it is broadcasting' }),
        viewers: t.arg.int({
          defaultValue: 0,
          required: true,
          description: 'Current viewers, 0–100,000,000 (stored as 0 while offline)',
        }),
        title: t.arg.string({
          defaultValue: '',
          required: true,
          description: 'Broadcast title, at most 200 characters',
        }),
      },
      resolve: (_p, a, ctx) => setPlayerStatus(ctx, a),
    }),
    saveContentCategory: t.field({
      type: T.Category,
      authScopes: { streamAdmin: true },
      description:
        'Creates or changes a stream category (stream admins); CONTENT_CATEGORY_NOT_FOUND, CONFLICT for a taken slug',
      args: { input: t.arg({ type: CategoryInput, required: true, description: 'The category' }) },
      resolve: async (_p, { input }, ctx) => {
        const c = await saveCategory(ctx, { ...input, id: input.databaseId })
        return { id: c.id, slug: c.slug, name: c.name, parentId: c.parentId, content: 'stream' as const }
      },
    }),
    removeContentCategory: t.boolean({
      authScopes: { streamAdmin: true },
      description:
        'Removes a stream category without subcategories (CONFLICT otherwise); its streams lose their category (stream admins)',
      args: { databaseId: t.arg.int({ required: true, description: 'The category to remove (not the root)' }) },
      resolve: (_p, a, ctx) => removeCategory(ctx, a.databaseId),
    }),
  }))
}
