import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { lift, rejoin, sanction, sanctionsIn } from '../sanctions.js'
import { channelModerators, setChannelModerator } from '../channel-mods.js'

type Types = ReturnType<typeof addModerationTypes>

/** Channel sanctions (JustChat kick / silence / ban) and owner-appointed channel moderators. */
export function addChannelSchema(builder: Builder, { ChannelSanction, SanctionKind }: Types) {
  const auth = { authenticated: true } as const
  const CHANNEL = 'The channel id, as chat names it'
  const TARGET = "The user's databaseId; not yourself, nor a moderator of the channel"
  const REF =
    "databaseId of the message in this channel it is about (else MESSAGE_NOT_FOUND); shown as the service message's reply"
  const TEXT = 'Explanation appended to the service message, at most 500 characters'
  /** The checks every sanction passes, named once in each description. */
  const WHO =
    "The channel's moderators only (those its kind names, such as site moderators or the streamer, and those its owner appointed); support conversations are refused. Errors INSUFFICIENT_PERMISSIONS, CHANNEL_NOT_FOUND, USER_NOT_FOUND, INVALID_INPUT"
  builder.queryFields((t) => ({
    channelSanctions: t.field({
      type: [ChannelSanction],
      authScopes: auth,
      description:
        "Sanctions in force in a channel, newest first, at most 100 (the channel's moderators only, else INSUFFICIENT_PERMISSIONS)",
      args: { channel: t.arg.string({ required: true, description: CHANNEL }) },
      resolve: (_p, a, ctx) => sanctionsIn(ctx, a.channel),
    }),
    channelModerators: t.prismaField({
      type: ['User'],
      description:
        "Moderators a channel's owner appointed, in the order appointed; for those who may read the channel (else INSUFFICIENT_PERMISSIONS, or UNAUTHENTICATED for guests)",
      args: { channel: t.arg.string({ required: true, description: CHANNEL }) },
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
      description: `Kicks a user: they cannot write in the channel until they re-enter it (rejoinChannel). ${WHO}`,
      args: {
        channel: t.arg.string({ required: true, description: CHANNEL }),
        userId: t.arg.int({ required: true, description: TARGET }),
        refMessage: t.arg.int({ description: REF }),
      },
      resolve: (_p, a, ctx) =>
        sanction(ctx, { channel: a.channel, userId: a.userId, kind: 'kick', refMessageId: a.refMessage }),
    }),
    silenceInChannel: t.field({
      type: ChannelSanction,
      authScopes: auth,
      description: `Silences a user in the channel until a time, replacing a silence in force. ${WHO}`,
      args: {
        channel: t.arg.string({ required: true, description: CHANNEL }),
        userId: t.arg.int({ required: true, description: TARGET }),
        until: t.arg({
          type: 'DateTime',
          required: true,
          description: 'When it ends: in the future, at most a year ahead',
        }),
        text: t.arg.string({ description: TEXT }),
        refMessage: t.arg.int({ description: REF }),
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
      description: `Bans a user from writing in the channel, until lifted or until a time, replacing a ban in force. ${WHO}`,
      args: {
        channel: t.arg.string({ required: true, description: CHANNEL }),
        userId: t.arg.int({ required: true, description: TARGET }),
        until: t.arg({
          type: 'DateTime',
          description: 'When it ends: in the future, at most a year ahead; omitted, until lifted',
        }),
        text: t.arg.string({ description: TEXT }),
        refMessage: t.arg.int({ description: REF }),
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
      description: `Ends a kick, silence or ban early; false when none was in force. ${WHO}`,
      args: {
        channel: t.arg.string({ required: true, description: CHANNEL }),
        userId: t.arg.int({ required: true, description: "The sanctioned user's databaseId" }),
        kind: t.arg({ type: SanctionKind, required: true, description: 'Which sanction to lift' }),
      },
      resolve: (_p, a, ctx) => lift(ctx, a.channel, a.userId, a.kind),
    }),
    rejoinChannel: t.boolean({
      authScopes: auth,
      description: 'Re-enters a channel after a kick; false when there was no kick to clear (signed-in users)',
      args: { channel: t.arg.string({ required: true, description: 'The channel you were kicked from' }) },
      resolve: (_p, a, ctx) => rejoin(ctx, a.channel),
    }),
    addChannelModerator: t.boolean({
      authScopes: auth,
      description:
        'Appoints a moderator of a channel you own (else INSUFFICIENT_PERMISSIONS); true also when they already were one. Errors CHANNEL_NOT_FOUND, USER_NOT_FOUND, INVALID_INPUT',
      args: {
        channel: t.arg.string({ required: true, description: 'A channel you own' }),
        userId: t.arg.int({ required: true, description: "The new moderator's databaseId; not yourself" }),
      },
      resolve: (_p, a, ctx) => setChannelModerator(ctx, a.channel, a.userId, true),
    }),
    removeChannelModerator: t.boolean({
      authScopes: auth,
      description:
        'Removes a moderator of a channel you own (else INSUFFICIENT_PERMISSIONS); true also when they were none. Errors CHANNEL_NOT_FOUND, USER_NOT_FOUND, INVALID_INPUT',
      args: {
        channel: t.arg.string({ required: true, description: 'A channel you own' }),
        userId: t.arg.int({ required: true, description: "The moderator's databaseId" }),
      },
      resolve: (_p, a, ctx) => setChannelModerator(ctx, a.channel, a.userId, false),
    }),
  }))
}
