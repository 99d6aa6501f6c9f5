import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { listReasons } from '../reasons.js'
import { accuse } from '../accuse.js'
import { banStatus, blockUser, listBans, undoBan } from '../bans.js'
import { idConnection } from '../paging.js'

type Types = ReturnType<typeof addModerationTypes>

/** Civil moderation (peka2 /api/moderation/*): reasons, accusations, bans, undo, account blocking. */
export function addBanSchema(builder: Builder, { BanReason, Ban, BanStatus }: Types) {
  builder.queryFields((t) => ({
    banReasons: t.field({
      type: [BanReason],
      description: 'Ban reasons, optionally of one content type (chat | moderation)',
      args: { content: t.arg.string() },
      resolve: (_p, a, ctx) => listReasons(ctx, a.content),
    }),
    banStatus: t.field({
      type: BanStatus,
      description: 'Whether a user is banned now (the ban that ends last); USER_NOT_FOUND for an unknown user',
      args: { userId: t.arg.int({ required: true }) },
      resolve: async (_p, a, ctx) => ({ ban: await banStatus(ctx, a.userId) }),
    }),
    bans: t.connection({
      type: Ban,
      authScopes: { authenticated: true },
      description: "The caller's bans, newest first; moderators see everyone's and may filter by user",
      args: {
        from: t.arg({ type: 'DateTime', description: 'started at or after' }),
        to: t.arg({ type: 'DateTime', description: 'started at or before' }),
        reasonId: t.arg.int(),
        banId: t.arg.int(),
        userId: t.arg.int({ description: 'moderators only' }),
      },
      resolve: (_p, a, ctx) =>
        idConnection(a, (page) =>
          listBans(ctx, { from: a.from, to: a.to, reasonId: a.reasonId, banId: a.banId, userId: a.userId }, page),
        ),
    }),
  }))
  builder.mutationFields((t) => ({
    accuseUser: t.boolean({
      authScopes: { authenticated: true },
      description:
        'Votes to ban a user (weighted by your citizen value); data.messageId names the accused chat message',
      args: {
        userId: t.arg.int({ required: true }),
        reasonId: t.arg.int({ required: true }),
        data: t.arg({ type: 'JSON' }),
      },
      resolve: (_p, a, ctx) => accuse(ctx, { userId: a.userId, reasonId: a.reasonId, data: a.data }),
    }),
    undoBan: t.boolean({
      authScopes: { moderator: true },
      description: 'Cancels a ban; everyone who voted for it is banned for an unfair accusation',
      args: { banId: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => undoBan(ctx, a.banId),
    }),
    blockUser: t.boolean({
      authScopes: { blocker: true },
      description:
        'Blocks or unblocks an account (its tokens stop working at once), recorded in the moderation audit log',
      args: { userId: t.arg.int({ required: true }), state: t.arg.boolean({ required: true }) },
      resolve: (_p, a, ctx) => blockUser(ctx, a.userId, a.state),
    }),
  }))
}
