import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { lift, rejoin, sanction, sanctionsIn } from '../sanctions.js'
import { channelModerators, setChannelModerator } from '../channel-mods.js'

type Types = ReturnType<typeof addModerationTypes>

/** Channel sanctions (JustChat kick / silence / ban) and owner-appointed channel moderators. */
export function addChannelSchema(builder: Builder, { ChannelSanction, SanctionKind }: Types) {
  const auth = { authenticated: true } as const
  builder.queryFields((t) => ({
    channelSanctions: t.field({
      type: [ChannelSanction],
      authScopes: auth,
      description: "Sanctions in force in a channel (the channel's moderators only)",
      args: { channel: t.arg.string({ required: true }) },
      resolve: (_p, a, ctx) => sanctionsIn(ctx, a.channel),
    }),
    channelModerators: t.prismaField({
      type: ['User'],
      description: "Moderators a channel's owner appointed",
      args: { channel: t.arg.string({ required: true }) },
      resolve: async (query, _p, a, ctx) => {
        const ids = await channelModerators(ctx, a.channel)
        const users = await ctx.prisma.user.findMany({ ...query, where: { id: { in: ids } } })
        // in the order they were appointed
        return ids.flatMap((id) => users.find((u) => u.id === id) ?? [])
      },
    }),
  }))
  builder.mutationFields((t) => ({
    kickFromChannel: t.field({
      type: ChannelSanction,
      authScopes: auth,
      description: 'Kicks a user: they cannot write in the channel until they re-enter it (rejoinChannel)',
      args: {
        channel: t.arg.string({ required: true }),
        userId: t.arg.int({ required: true }),
        refMessage: t.arg.int(),
      },
      resolve: (_p, a, ctx) =>
        sanction(ctx, { channel: a.channel, userId: a.userId, kind: 'kick', refMessageId: a.refMessage }),
    }),
    silenceInChannel: t.field({
      type: ChannelSanction,
      authScopes: auth,
      description: 'Silences a user in the channel until a time (at most a year ahead)',
      args: {
        channel: t.arg.string({ required: true }),
        userId: t.arg.int({ required: true }),
        until: t.arg({ type: 'DateTime', required: true }),
        text: t.arg.string(),
        refMessage: t.arg.int(),
      },
      resolve: (_p, a, ctx) =>
        sanction(ctx, {
          channel: a.channel,
          userId: a.userId,
          kind: 'silence',
          until: a.until,
          text: a.text,
          refMessageId: a.refMessage,
        }),
    }),
    banFromChannel: t.field({
      type: ChannelSanction,
      authScopes: auth,
      description: 'Bans a user from writing in the channel, until lifted or until a time',
      args: {
        channel: t.arg.string({ required: true }),
        userId: t.arg.int({ required: true }),
        until: t.arg({ type: 'DateTime' }),
        text: t.arg.string(),
        refMessage: t.arg.int(),
      },
      resolve: (_p, a, ctx) =>
        sanction(ctx, {
          channel: a.channel,
          userId: a.userId,
          kind: 'ban',
          until: a.until,
          text: a.text,
          refMessageId: a.refMessage,
        }),
    }),
    liftChannelSanction: t.boolean({
      authScopes: auth,
      description: 'Ends a kick, silence or ban early; false when none was in force',
      args: {
        channel: t.arg.string({ required: true }),
        userId: t.arg.int({ required: true }),
        kind: t.arg({ type: SanctionKind, required: true }),
      },
      resolve: (_p, a, ctx) => lift(ctx, a.channel, a.userId, a.kind),
    }),
    rejoinChannel: t.boolean({
      authScopes: auth,
      description: 'Re-enters a channel after a kick; false when there was no kick to clear',
      args: { channel: t.arg.string({ required: true }) },
      resolve: (_p, a, ctx) => rejoin(ctx, a.channel),
    }),
    addChannelModerator: t.boolean({
      authScopes: auth,
      description: 'Appoints a moderator of a channel you own',
      args: { channel: t.arg.string({ required: true }), userId: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => setChannelModerator(ctx, a.channel, a.userId, true),
    }),
    removeChannelModerator: t.boolean({
      authScopes: auth,
      description: 'Removes a moderator of a channel you own',
      args: { channel: t.arg.string({ required: true }), userId: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => setChannelModerator(ctx, a.channel, a.userId, false),
    }),
  }))
}
