import type { Builder } from '../../schema/builder.js'
import * as social from './service.js'

export function addSocialSchema(builder: Builder) {
  const FollowContent = builder.enumType('FollowContent', {
    description: 'What can be followed (peka2 subscribe content)',
    values: { STREAM: { value: 'stream' }, ROOM: { value: 'room' } } as const,
  })
  const IgnoreContent = builder.enumType('IgnoreContent', {
    description: 'What can be ignored: a user in chat, or a stream',
    values: { CHAT: { value: 'chat' }, STREAM: { value: 'stream' } } as const,
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
    fields: (t) => ({ content: t.field({ type: IgnoreContent, resolve: (i) => i.content as 'chat' }), item: t.exposeInt('itemId') }),
  })

  const auth = { authenticated: true } as const
  builder.mutationFields((t) => ({
    follow: t.boolean({ authScopes: auth, args: { content: t.arg({ type: FollowContent, required: true }), id: t.arg.int({ required: true }) }, resolve: (_p, a, ctx) => social.follow(ctx, a.content, a.id) }),
    unfollow: t.boolean({ authScopes: auth, args: { content: t.arg({ type: FollowContent, required: true }), id: t.arg.int({ required: true }) }, resolve: (_p, a, ctx) => social.unfollow(ctx, a.content, a.id) }),
    ignore: t.boolean({ authScopes: auth, args: { content: t.arg({ type: IgnoreContent, required: true }), item: t.arg.int({ required: true }) }, resolve: (_p, a, ctx) => social.ignore(ctx, a.content, a.item) }),
    unignore: t.boolean({ authScopes: auth, args: { content: t.arg({ type: IgnoreContent, required: true }), item: t.arg.int({ required: true }) }, resolve: (_p, a, ctx) => social.unignore(ctx, a.content, a.item) }),
  }))
  builder.queryFields((t) => ({
    isFollowing: t.boolean({ authScopes: auth, args: { content: t.arg({ type: FollowContent, required: true }), id: t.arg.int({ required: true }) }, resolve: (_p, a, ctx) => social.isFollowing(ctx, a.content, a.id) }),
    followedStreams: t.prismaField({
      type: [Stream],
      authScopes: auth,
      description: 'Streams the viewer follows, newest first',
      args: { content: t.arg({ type: FollowContent, defaultValue: 'stream', required: true }) },
      resolve: async (query, _p, a, ctx) => {
        const ids = await social.followedStreamIds(ctx, a.content)
        const users = await ctx.prisma.user.findMany({ ...query, where: { id: { in: ids } } })
        return ids.map((id) => users.find((u) => u.id === id)!).filter(Boolean)
      },
    }),
    followedRoomIds: t.intList({ authScopes: auth, resolve: (_p, _a, ctx) => social.followedIds(ctx, 'room') }),
    followedCount: t.int({
      authScopes: auth,
      description: 'How many items of a kind the viewer follows',
      args: { content: t.arg({ type: FollowContent, required: true }) },
      resolve: async (_p, a, ctx) => (await social.followedIds(ctx, a.content)).length,
    }),
    followers: t.prismaField({
      type: ['User'],
      authScopes: auth,
      description: "Users who follow the viewer's stream",
      args: { content: t.arg({ type: FollowContent, defaultValue: 'stream', required: true }) },
      resolve: async (query, _p, a, ctx) => {
        const users = await social.followersOfViewer(ctx, a.content)
        return ctx.prisma.user.findMany({ ...query, where: { id: { in: users.map((u) => u.id) } }, orderBy: { id: 'asc' } })
      },
    }),
    isIgnored: t.boolean({ authScopes: auth, args: { content: t.arg({ type: IgnoreContent, required: true }), item: t.arg.int({ required: true }) }, resolve: (_p, a, ctx) => social.isIgnored(ctx, a.content, a.item) }),
    ignoreList: t.field({ type: [IgnoreEntry], authScopes: auth, args: { content: t.arg({ type: IgnoreContent, required: true }) }, resolve: (_p, a, ctx) => social.ignoreList(ctx, a.content) }),
  }))
}
