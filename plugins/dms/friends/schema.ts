import type { Builder } from '../../../src/schema/builder.js'
import type { Context } from '../../../src/context.js'
import type { FriendEvent } from '../topics.js'
import {
  acceptFriendRequest,
  cancelFriendRequest,
  declineFriendRequest,
  removeFriend,
  sendFriendRequest,
} from './service.js'
import { friendStatus, type FriendStatus, type PendingRequest } from './status.js'
import { friendEventStream } from './stream.js'

const auth = { authenticated: true } as const

/** A user by id with exactly the selection the query asked for (Prisma batches one tick's lookups into one query). */
const userById = (ctx: Context, query: object, id: number) => ctx.prisma.user.findUnique({ ...query, where: { id } })

/** Friends' GraphQL: requests and their answers, the viewer's friends and pending requests, live changes. */
export function friendsSchema(builder: Builder) {
  const Change = builder.enumType('FriendChange', {
    values: {
      REQUESTED: { description: 'A friend request was made' },
      ACCEPTED: { description: 'A request was accepted: now friends' },
      DECLINED: { description: 'A request was declined' },
      REMOVED: { description: 'A friendship ended' },
      CANCELLED: { description: 'A request was taken back' },
    } as const,
    description:
      'REQUESTED: a request was made; ACCEPTED: now friends; DECLINED: a request was declined; ' +
      'CANCELLED: a request was taken back; REMOVED: a friendship ended',
  })
  const Outcome = builder.enumType('FriendRequestOutcome', {
    values: {
      REQUESTED: { description: 'The request waits for their answer' },
      ACCEPTED: { description: 'They had asked you already: you are friends now' },
    } as const,
    description: 'REQUESTED: waiting for their answer; ACCEPTED: they had asked you already, you are friends now',
  })
  const Request = builder.objectRef<PendingRequest>('FriendRequest').implement({
    description: 'A friend request waiting for an answer, as one of its two users sees it',
    fields: (t) => ({
      userId: t.exposeInt('userId', {
        description: 'the other user: who asked (incoming) or who was asked (outgoing)',
      }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The other user; null if the account is gone',
        resolve: (q, r, _a, ctx) => userById(ctx, q, r.userId),
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the request was made' }),
    }),
  })
  const Status = builder.objectRef<FriendStatus>('FriendStatus').implement({
    description: "The viewer's friends and pending requests, newest first",
    fields: (t) => ({
      friends: t.prismaField({
        type: ['User'],
        description: 'At most 1,000 (the most one may have)',
        resolve: async (q, s, _a, ctx) => {
          const rows = await ctx.prisma.user.findMany({ ...q, where: { id: { in: s.friendIds } } })
          const byId = new Map(rows.map((u) => [u.id, u]))
          return s.friendIds.flatMap((id) => byId.get(id) ?? [])
        },
      }),
      incoming: t.field({
        type: [Request],
        description: 'Requests to the viewer (the newest 100), without those from users the viewer ignores',
        resolve: (s) => s.incoming,
      }),
      outgoing: t.field({
        type: [Request],
        description: "The viewer's requests waiting for an answer (at most 100)",
        resolve: (s) => s.outgoing,
      }),
    }),
  })
  const Event = builder.objectRef<FriendEvent>('FriendEvent').implement({
    description: "A change in the viewer's friends or friend requests",
    fields: (t) => ({
      change: t.field({ type: Change, description: 'What changed', resolve: (e) => e.change }),
      userId: t.exposeInt('userId', { description: 'the other user' }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The other user; null if the account is gone',
        resolve: (q, e, _a, ctx) => userById(ctx, q, e.userId),
      }),
      time: t.expose('time', { type: 'DateTime', description: 'When it changed' }),
    }),
  })

  builder.queryFields((t) => ({
    friends: t.field({
      type: Status,
      authScopes: auth,
      description: "The viewer's friends, incoming and outgoing friend requests (messenger /api/friends/status)",
      resolve: (_p, _a, ctx) => friendStatus(ctx),
    }),
  }))

  builder.mutationFields((t) => ({
    sendFriendRequest: t.field({
      type: Outcome,
      authScopes: auth,
      description:
        'Asks a user to be friends; when they had asked you, this accepts their request. At most 20 requests in 10 ' +
        'minutes and 100 waiting for an answer (TOO_MANY_FRIEND_REQUESTS); USER_NOT_FOUND, ALREADY_FRIENDS, ' +
        'FRIEND_REQUEST_EXISTS, FRIEND_LIMIT_REACHED',
      args: { userId: t.arg.int({ required: true, description: 'Who to ask (databaseId)' }) },
      resolve: (_p, a, ctx) => sendFriendRequest(ctx, a.userId),
    }),
    acceptFriendRequest: t.boolean({
      authScopes: auth,
      description: "Accepts a user's friend request (FRIEND_LIMIT_REACHED when either side has 1,000 friends)",
      args: { userId: t.arg.int({ required: true, description: 'who asked' }) },
      resolve: (_p, a, ctx) => acceptFriendRequest(ctx, a.userId),
    }),
    declineFriendRequest: t.boolean({
      authScopes: auth,
      description: "Declines a user's friend request (they may ask again)",
      args: { userId: t.arg.int({ required: true, description: 'who asked' }) },
      resolve: (_p, a, ctx) => declineFriendRequest(ctx, a.userId),
    }),
    cancelFriendRequest: t.boolean({
      authScopes: auth,
      description: "Takes back the viewer's friend request to a user",
      args: { userId: t.arg.int({ required: true, description: 'who was asked' }) },
      resolve: (_p, a, ctx) => cancelFriendRequest(ctx, a.userId),
    }),
    removeFriend: t.boolean({
      authScopes: auth,
      description: 'Ends a friendship, for both users',
      args: { userId: t.arg.int({ required: true, description: 'The friend (databaseId); NOT_FRIENDS otherwise' }) },
      resolve: (_p, a, ctx) => removeFriend(ctx, a.userId),
    }),
  }))

  builder.subscriptionFields((t) => ({
    friendEvents: t.field({
      type: Event,
      authScopes: auth,
      description: "Changes in the viewer's friends and friend requests, each side's own view",
      subscribe: (_p, _a, ctx) => friendEventStream(ctx),
      resolve: (e) => e,
    }),
  }))
}
