import type { Builder } from '../../schema/builder.js'
import * as social from './service.js'
import type { ContentKinds } from './service.js'

/** GraphQL enum values: a kind's peka2 value in upper case. */
const enumValues = (kinds: ContentKinds) =>
  Object.fromEntries([...kinds.keys()].map((v) => [v.toUpperCase(), { value: v }]))

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
      databaseId: t.exposeInt('id'),
      owner: t.variant('User'),
      title: t.exposeString('name'),
      subscribers: t.int({
        description: 'How many users follow this stream',
        resolve: async (u, _a, ctx) => ctx.prisma.follow.count({ where: { content: 'stream', itemId: u.id } }),
      }),
    }),
  })

  const IgnoreEntry = builder.objectRef<{ content: string; itemId: number }>('IgnoreEntry').implement({
    fields: (t) => ({
      content: t.field({ type: IgnoreContent, resolve: (i) => i.content }),
      item: t.exposeInt('itemId'),
    }),
  })

  const auth = { authenticated: true } as const
  builder.mutationFields((t) => ({
    follow: t.boolean({
      authScopes: auth,
      args: { content: t.arg({ type: FollowContent, required: true }), id: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => social.follow(ctx, follows, a.content, a.id),
    }),
    unfollow: t.boolean({
      authScopes: auth,
      args: { content: t.arg({ type: FollowContent, required: true }), id: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => social.unfollow(ctx, follows, a.content, a.id),
    }),
    ignore: t.boolean({
      authScopes: auth,
      args: { content: t.arg({ type: IgnoreContent, required: true }), item: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => social.ignore(ctx, ignores, a.content, a.item),
    }),
    unignore: t.boolean({
      authScopes: auth,
      args: { content: t.arg({ type: IgnoreContent, required: true }), item: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => social.unignore(ctx, ignores, a.content, a.item),
    }),
  }))
  builder.queryFields((t) => ({
    isFollowing: t.boolean({
      authScopes: auth,
      args: { content: t.arg({ type: FollowContent, required: true }), id: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => social.isFollowing(ctx, follows, a.content, a.id),
    }),
    followedStreams: t.prismaField({
      type: [Stream],
      authScopes: auth,
      description: 'Streams the viewer follows, newest first',
      args: { content: t.arg({ type: FollowContent, defaultValue: 'stream', required: true }) },
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
        content: t.arg({ type: FollowContent, required: true }),
        online: t.arg.boolean({ defaultValue: false, required: true }),
      },
      resolve: (_p, a, ctx) => social.followedCount(ctx, follows, a.content, a.online),
    }),
    followers: t.prismaField({
      type: ['User'],
      authScopes: auth,
      description: "Users who follow the viewer's stream",
      args: { content: t.arg({ type: FollowContent, defaultValue: 'stream', required: true }) },
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
      authScopes: auth,
      args: { content: t.arg({ type: IgnoreContent, required: true }), item: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => social.isIgnored(ctx, ignores, a.content, a.item),
    }),
    ignoreList: t.field({
      type: [IgnoreEntry],
      authScopes: auth,
      args: { content: t.arg({ type: IgnoreContent, required: true }) },
      resolve: (_p, a, ctx) => social.ignoreList(ctx, ignores, a.content),
    }),
  }))
}
