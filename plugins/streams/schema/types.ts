import type { Builder } from '../../../src/schema/builder.js'
import { PROVIDERS } from '../providers.js'
import { parentOf, statsOf, streamTree, subCategoriesOf } from '../categories.js'
import { streamsByIds } from '../streams.js'
import { thumbnailOf, type CategoryView, type PlayerView, type StreamView } from '../views.js'
import type { PlayerLive } from '../live.js'

/** The streams' output types and enums. */
export function addStreamTypes(builder: Builder) {
  const Provider = builder.enumType('StreamProvider', {
    description: 'A streaming service a player lives on (peka2 `provider`: peka2.tv, twitch.tv, youtube.com …)',
    values: Object.fromEntries(
      Object.entries(PROVIDERS).map(([name, p]) => [name, { value: p.value, description: p.value }]),
    ),
  })
  const Content = builder.enumType('CategoryContent', {
    description: 'What a category files (peka2 `content`): streams, or support questions (with the moderation plugin)',
    values: {
      STREAM: { value: 'stream', description: 'Stream categories' },
      SUPPORT: { value: 'support', description: 'Support question categories' },
    } as const,
  })
  const Filter = builder.enumType('StreamFilter', {
    description: 'peka2 `type`: ALL (`all`) or the viewer’s followed streams (`my`, signed-in only)',
    values: {
      ALL: { value: 'all', description: 'Every listed stream' },
      FOLLOWED: { value: 'followed', description: 'Only the streams the viewer follows' },
    } as const,
  })

  const Category = builder.objectRef<CategoryView>('ContentCategory')
  Category.implement({
    description: 'A content category (peka2 /api/category); the root of each content is found by slug `top`',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'the id peka2 takes; 0 is the (unstored) root of support' }),
      slug: t.exposeString('slug', { description: 'URL name; top for the root' }),
      name: t.exposeString('name', { description: 'Display name' }),
      content: t.field({ type: Content, description: 'What it files', resolve: (c) => c.content }),
      parent: t.field({
        type: Category,
        nullable: true,
        description: 'null for the root',
        resolve: (c, _a, ctx) => parentOf(ctx, c),
      }),
      subCategories: t.field({
        type: [Category],
        description: 'one level down, the heaviest first (at most 100)',
        resolve: (c, _a, ctx) => subCategoriesOf(ctx, c),
      }),
      contentAmount: t.int({
        nullable: true,
        description: 'listed (online, visible) streams under it; null for support categories',
        resolve: async (c, _a, ctx) => (await statsOf(ctx, c))?.count ?? null,
      }),
      weight: t.int({
        nullable: true,
        description: 'the summed rating of those streams (peka2 `weight`); null for support categories',
        resolve: async (c, _a, ctx) => (await statsOf(ctx, c))?.rating ?? null,
      }),
    }),
  })

  const Player = builder.objectRef<PlayerView>('StreamPlayer').implement({
    description: 'A channel of the stream on a streaming service, with the live status its checker last reported',
    fields: (t) => ({
      provider: t.field({ type: Provider, description: 'The streaming service', resolve: (p) => p.provider }),
      channel: t.exposeString('channel', { description: 'The channel on that service' }),
      active: t.exposeBoolean('active', { description: "false: its status does not count towards the stream's" }),
      online: t.exposeBoolean('online', { description: 'Whether it is broadcasting, as last reported' }),
      viewers: t.exposeInt('viewers', { description: 'Viewers as last reported; 0 while offline' }),
      title: t.exposeString('title', { description: "The broadcast's title as last reported ('' for none)" }),
      url: t.exposeString('url', { description: "the channel's page on its service" }),
      preview: t.exposeString('preview', { description: "its preview picture ('' where the service has none)" }),
    }),
  })

  const Stream = builder.node(builder.objectRef<StreamView>('LiveStream'), {
    description:
      "A user's stream (peka2 /api/stream): databaseId is the owner's user id, as in chat's stream/<id> channel and " +
      'follows of content STREAM. Inactive streams are seen by stream admins and their owner only.',
    id: { resolve: (s) => s.id, description: 'Global (Relay) id of the stream' },
    // Pothos pairs results with ids by position: one entry per id, null where none is visible
    loadMany: async (ids, ctx) => {
      const found = new Map((await streamsByIds(ctx, ids.map(Number))).map((s) => [s.id, s]))
      return ids.map((id) => found.get(Number(id)) ?? null)
    },
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The owner's user id" }),
      owner: t.prismaField({
        type: 'User',
        description: 'The streamer',
        resolve: (q, s, _a, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...q, where: { id: s.id } }),
      }),
      title: t.exposeString('name', { description: 'peka2 `name`' }),
      description: t.exposeString('description', { description: "The streamer's description ('' for none)" }),
      category: t.field({
        type: Category,
        nullable: true,
        description: 'The stream category it is filed in; null for none',
        resolve: async (s, _a, ctx) =>
          s.categoryId === null ? null : ((await streamTree(ctx)).get(s.categoryId) ?? null),
      }),
      thumbnail: t.string({
        nullable: true,
        description: 'its own picture, else the preview of a live player',
        resolve: (s) => thumbnailOf(s),
      }),
      online: t.exposeBoolean('online', { description: 'an active player is online' }),
      startAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'when the next broadcast is announced (peka2 `start_at`)',
        resolve: (s) => s.startAt,
      }),
      rating: t.exposeInt('rating', { description: 'viewers of its active online players' }),
      restream: t.exposeBoolean('restream', { description: 'hidden from lists' }),
      tv: t.exposeBoolean('tv', { description: 'the cinema flag' }),
      selected: t.exposeInt('selected', { description: 'pin priority in the lists: higher first' }),
      active: t.exposeBoolean('active', {
        description: 'false: hidden from everyone but stream admins and its owner',
      }),
      streamStartedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'when the current broadcast began; null while offline',
        resolve: (s) => s.startedAt,
      }),
      subscribers: t.int({
        description: 'how many users follow it',
        resolve: (s, _a, ctx) => ctx.prisma.follow.count({ where: { content: 'stream', itemId: s.id } }),
      }),
      players: t.field({ type: [Player], description: 'Its players (at most 10)', resolve: (s) => s.players }),
    }),
  })

  const PlayerLiveStatus = builder.objectRef<PlayerLive>('PlayerLiveStatus').implement({
    description:
      "A broadcast of the site's own player (player.md): title, viewers and thumbnail as its checker reported",
    fields: (t) => ({
      id: t.exposeString('id', { description: 'the channel id asked about' }),
      live: t.exposeBoolean('live', { description: 'Whether it is broadcasting; false for an unknown channel' }),
      title: t.exposeString('title', { description: "The broadcast's title ('' when unknown)" }),
      viewers: t.exposeInt('viewers', { description: 'Current viewers' }),
      thumbnail: t.exposeString('thumbnail', { description: "Thumbnail URL; always '' for now (none is recorded)" }),
    }),
  })

  return { Provider, Content, Filter, Category, Player, Stream, PlayerLiveStatus }
}

export type StreamTypes = ReturnType<typeof addStreamTypes>
