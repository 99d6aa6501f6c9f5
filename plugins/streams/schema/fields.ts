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
    fields: (f) => ({ databaseId: f.int(), slug: f.string() }),
  })
  const PlayerInput = builder.inputType('StreamPlayerInput', {
    fields: (f) => ({
      provider: f.field({ type: T.Provider, required: true }),
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
      tv: f.boolean(),
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
      args: { slug: t.arg.string({ required: true }) },
      resolve: (_p, a, ctx) => streamBySlug(ctx, a.slug),
    }),
    liveStreams: t.connection({
      type: T.Stream,
      description:
        'Online, visible streams under a category (the root: all) by pin priority, then rating (peka2 /api/content, ' +
        `/api/content/top); FOLLOWED: the viewer's followed ones. Pages of at most ${LIST_MAX}.`,
      args: {
        category: t.arg({ type: CategoryRef, required: true }),
        filter: t.arg({ type: T.Filter, defaultValue: 'all', required: true }),
      },
      resolve: (_p, a, ctx) =>
        offsetConnection(a, LIST_MAX, (page) =>
          listStreams(ctx, { category: { id: a.category.databaseId, slug: a.category.slug }, filter: a.filter }, page),
        ),
    }),
    liveStreamsByIds: t.field({
      type: [T.Stream],
      description: 'Streams by databaseId (the owners’ user ids), at most 100; unknown and hidden ones are left out',
      args: { ids: t.arg.intList({ required: true }) },
      resolve: (_p, a, ctx) => streamsByIds(ctx, a.ids),
    }),
    contentCategory: t.field({
      type: T.Category,
      description: 'A category by databaseId or slug (peka2 /api/category); `top` is the root of every content',
      args: {
        content: t.arg({ type: T.Content, required: true }),
        databaseId: t.arg.int(),
        slug: t.arg.string(),
      },
      resolve: (_p, a, ctx) => findCategory(ctx, a.content, { id: a.databaseId, slug: a.slug }),
    }),
    playerLive: t.field({
      type: [T.PlayerLiveStatus],
      description: `Live status of the site player's broadcasts by channel id (player.md), at most ${LIVE_CHANNELS_MAX}`,
      args: { channels: t.arg.stringList({ required: true, extensions: { maxItems: LIVE_CHANNELS_MAX } }) },
      resolve: (_p, a, ctx) => playerLive(ctx, a.channels),
    }),
  }))

  builder.mutationFields((t) => ({
    saveLiveStream: t.field({
      type: T.Stream,
      authScopes: { authenticated: true },
      description: "Sets up or changes the viewer's stream (a stream admin: anyone's, and its pin and active flag)",
      args: { input: t.arg({ type: StreamInput, required: true }) },
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
        provider: t.arg({ type: T.Provider, required: true }),
        channel: t.arg.string({ required: true }),
        online: t.arg.boolean({ required: true }),
        viewers: t.arg.int({ defaultValue: 0, required: true }),
        title: t.arg.string({ defaultValue: '', required: true }),
      },
      resolve: (_p, a, ctx) => setPlayerStatus(ctx, a),
    }),
    saveContentCategory: t.field({
      type: T.Category,
      authScopes: { streamAdmin: true },
      description: 'Creates or changes a stream category (stream admins)',
      args: { input: t.arg({ type: CategoryInput, required: true }) },
      resolve: async (_p, { input }, ctx) => {
        const c = await saveCategory(ctx, { ...input, id: input.databaseId })
        return { id: c.id, slug: c.slug, name: c.name, parentId: c.parentId, content: 'stream' as const }
      },
    }),
    removeContentCategory: t.boolean({
      authScopes: { streamAdmin: true },
      description: 'Removes a stream category without subcategories; its streams lose their category (stream admins)',
      args: { databaseId: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => removeCategory(ctx, a.databaseId),
    }),
  }))
}
