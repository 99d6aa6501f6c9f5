import type { Builder } from '../../schema/builder.js'
import * as social from './service.js'
import type { ContentKinds } from './service.js'

/** GraphQL enum values: a kind's peka2 value in upper case. */
const enumValues = (kinds: ContentKinds) =>
  Object.fromEntries(
    [...kinds.values()].map((k) => [k.value.toUpperCase(), { value: k.value, description: k.description }]),
  )

/** Follows and ignores of the kinds the core and the enabled plugins declare. */
export function addSocialSchema(builder: Builder, follows: ContentKinds, ignores: ContentKinds) {
  const FollowContent = builder.enumType('FollowContent', {
    description: 'What can be followed (peka2 subscribe content)',
    values: enumValues(follows),
  })
  const IgnoreContent = builder.enumType('IgnoreContent', {
    description: 'What can be ignored (peka2 ignore content)',
    values: enumValues(ignores),
  })

  /** A streamer's stream: peka2 streams are per user (channel stream/<userId>). */
  const Stream = builder.prismaObject('User', {
    variant: 'Stream',
    description: "A user's stream channel",
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The streamer's user id (the REST dialects' integer id)" }),
      owner: t.variant('User', { description: 'The streamer' }),
      title: t.exposeString('name', { description: "The stream's title: its owner's user name" }),
      subscribers: t.int({
        description: 'How many users follow this stream',
        resolve: async (u, _a, ctx) => ctx.prisma.follow.count({ where: { content: 'stream', itemId: u.id } }),
      }),
    }),
  })

  const IgnoreEntry = builder.objectRef<{ content: string; itemId: number }>('IgnoreEntry').implement({
    description: 'Something the viewer ignores; visible to the viewer only',
    fields: (t) => ({
      content: t.field({
        type: IgnoreContent,
        description: 'What kind of thing is ignored',
        resolve: (i) => i.content,
      }),
      item: t.exposeInt('itemId', { description: "The ignored item's id (a user id for every kind so far)" }),
    }),
  })

  const auth = { authenticated: true } as const
  builder.mutationFields((t) => ({
    follow: t.boolean({
      description:
        'Follow an item (peka2 /api/subscribe/add); idempotent. Signed-in users. NOT_FOUND when the item does not exist; following a stream notifies its owner',
      authScopes: auth,
      args: {
        content: t.arg({ type: FollowContent, required: true, description: 'What kind of thing `id` is' }),
        id: t.arg.int({ required: true, description: "The item's id: a user id for STREAM, as each kind says" }),
      },
      resolve: (_p, a, ctx) => social.follow(ctx, follows, a.content, a.id),
    }),
    unfollow: t.boolean({
      description:
        'Stop following an item (peka2 /api/subscribe/remove); true even if it was not followed. Signed-in users',
      authScopes: auth,
      args: {
        content: t.arg({ type: FollowContent, required: true, description: 'What kind of thing `id` is' }),
        id: t.arg.int({ required: true, description: "The item's id: a user id for STREAM, as each kind says" }),
      },
      resolve: (_p, a, ctx) => social.unfollow(ctx, follows, a.content, a.id),
    }),
    ignore: t.boolean({
      description:
        'Ignore an item (peka2 /api/ignore/add); idempotent. Signed-in users; not yourself for kinds that forbid it (INVALID_INPUT); NOT_FOUND when the item does not exist',
      authScopes: auth,
      args: {
        content: t.arg({ type: IgnoreContent, required: true, description: 'What kind of thing `item` is' }),
        item: t.arg.int({ required: true, description: 'The item: a user id' }),
      },
      resolve: (_p, a, ctx) => social.ignore(ctx, ignores, a.content, a.item),
    }),
    unignore: t.boolean({
      description: 'Stop ignoring an item (peka2 /api/ignore/remove). Signed-in users',
      authScopes: auth,
      args: {
        content: t.arg({ type: IgnoreContent, required: true, description: 'What kind of thing `item` is' }),
        item: t.arg.int({ required: true, description: 'The item: a user id' }),
      },
      resolve: (_p, a, ctx) => social.unignore(ctx, ignores, a.content, a.item),
    }),
  }))
  builder.queryFields((t) => ({
    isFollowing: t.boolean({
      description: 'Does the viewer follow this item (peka2 /api/subscribe/check). Signed-in users',
      authScopes: auth,
      args: {
        content: t.arg({ type: FollowContent, required: true, description: 'What kind of thing `id` is' }),
        id: t.arg.int({ required: true, description: "The item's id: a user id for STREAM, as each kind says" }),
      },
      resolve: (_p, a, ctx) => social.isFollowing(ctx, follows, a.content, a.id),
    }),
    followedStreams: t.prismaField({
      type: [Stream],
      authScopes: auth,
      description: 'Streams the viewer follows, newest first (at most 1000). Signed-in users',
      args: {
        content: t.arg({
          type: FollowContent,
          defaultValue: 'stream',
          required: true,
          description: 'The kind; STREAM only',
        }),
      },
      resolve: async (query, _p, a, ctx) => {
        const ids = await social.followedStreamIds(ctx, a.content)
        const users = await ctx.prisma.user.findMany({ ...query, where: { id: { in: ids } } })
        return ids.flatMap((id) => users.find((u) => u.id === id) ?? [])
      },
    }),
    followedCount: t.int({
      authScopes: auth,
      description:
        'How many items of a kind the viewer follows; `online`: only those live now (peka2 /api/subscribe/amount) — ' +
        'a kind whose plugin reports no live state (streams without the streams plugin) has none',
      args: {
        content: t.arg({ type: FollowContent, required: true, description: 'The kind to count' }),
        online: t.arg.boolean({ defaultValue: false, required: true, description: 'Count only items live now' }),
      },
      resolve: (_p, a, ctx) => social.followedCount(ctx, follows, a.content, a.online),
    }),
    followers: t.prismaField({
      type: ['User'],
      authScopes: auth,
      description: "Users who follow the viewer's stream, by id (at most 1000). Signed-in users",
      args: {
        content: t.arg({
          type: FollowContent,
          defaultValue: 'stream',
          required: true,
          description: 'The kind; STREAM only',
        }),
      },
      resolve: async (query, _p, a, ctx) => {
        const users = await social.followersOfViewer(ctx, a.content)
        return ctx.prisma.user.findMany({
          ...query,
          where: { id: { in: users.map((u) => u.id) } },
          orderBy: { id: 'asc' },
        })
      },
    }),
    isIgnored: t.boolean({
      description: 'Does the viewer ignore this item (peka2 /api/ignore/check). Signed-in users',
      authScopes: auth,
      args: {
        content: t.arg({ type: IgnoreContent, required: true, description: 'What kind of thing `item` is' }),
        item: t.arg.int({ required: true, description: 'The item: a user id' }),
      },
      resolve: (_p, a, ctx) => social.isIgnored(ctx, ignores, a.content, a.item),
    }),
    ignoreList: t.field({
      description:
        'What the viewer ignores of one kind (peka2 /api/ignore/list). Signed-in users; at most 1000 entries',
      type: [IgnoreEntry],
      authScopes: auth,
      args: { content: t.arg({ type: IgnoreContent, required: true, description: 'The kind to list' }) },
      resolve: (_p, a, ctx) => social.ignoreList(ctx, ignores, a.content),
    }),
  }))
}
