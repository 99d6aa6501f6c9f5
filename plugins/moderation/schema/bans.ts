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
      description: 'Ban reasons, optionally of one content type (chat | moderation); open to everyone',
      args: {
        content: t.arg.string({
          description:
            'Only reasons of this content type: "chat" or "moderation" (else INVALID_INPUT); all when omitted',
        }),
      },
      resolve: (_p, a, ctx) => listReasons(ctx, a.content),
    }),
    banStatus: t.field({
      type: BanStatus,
      description:
        'Whether a user is banned now (the ban that ends last); open to everyone; USER_NOT_FOUND for an unknown user',
      args: { userId: t.arg.int({ required: true, description: "The user's databaseId" }) },
      resolve: async (_p, a, ctx) => ({ ban: await banStatus(ctx, a.userId) }),
    }),
    bans: t.connection({
      type: Ban,
      authScopes: { authenticated: true },
      description:
        "The caller's bans, newest first (signed-in users); moderators see everyone's and may filter by user, others naming another user get INSUFFICIENT_PERMISSIONS",
      args: {
        from: t.arg({ type: 'DateTime', description: 'started at or after' }),
        to: t.arg({ type: 'DateTime', description: 'started at or before' }),
        reasonId: t.arg.int({ description: 'Only bans for this reason (BanReason.databaseId)' }),
        banId: t.arg.int({ description: 'Only the ban with this databaseId' }),
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
        "Votes to ban a user (weighted by your citizen value; a moderator's vote alone bans); when the open votes of the last day for one user and reason reach BAN_VOTE_THRESHOLD, the user is banned for the reason's duration. Signed-in citizens; errors NO_CITIZENSHIP, REASON_NOT_ALLOWED, BAN_REASON_NOT_FOUND, USER_NOT_FOUND, MESSAGE_NOT_FOUND, DUPLICATE_ACCUSATION, TOO_MANY_ACCUSATIONS (at most 5 in 10 minutes)",
      args: {
        userId: t.arg.int({ required: true, description: "The accused user's databaseId; not your own" }),
        reasonId: t.arg.int({
          required: true,
          description: 'A BanReason.databaseId whose minRole admits you (citizen, or moderator for moderators)',
        }),
        data: t.arg({
          type: 'JSON',
          description:
            "peka2's free-form object; messageId, when given, is the accused user's chat message you can read (not in a support conversation)",
        }),
      },
      resolve: (_p, a, ctx) => accuse(ctx, { userId: a.userId, reasonId: a.reasonId, data: a.data }),
    }),
    undoBan: t.boolean({
      authScopes: { moderator: true },
      description:
        'Cancels a ban; everyone who voted for it is banned for an unfair accusation. Moderators only; errors BAN_NOT_FOUND, BAN_ALREADY_UNDONE',
      args: { banId: t.arg.int({ required: true, description: "The ban's databaseId" }) },
      resolve: (_p, a, ctx) => undoBan(ctx, a.banId),
    }),
    blockUser: t.boolean({
      authScopes: { blocker: true },
      description:
        'Blocks or unblocks an account (its tokens stop working at once), recorded in the moderation audit log. Role blocker only; USER_NOT_FOUND',
      args: {
        userId: t.arg.int({ required: true, description: "The account's databaseId" }),
        state: t.arg.boolean({ required: true, description: 'true blocks, false unblocks' }),
      },
      resolve: (_p, a, ctx) => blockUser(ctx, a.userId, a.state),
    }),
  }))
}
