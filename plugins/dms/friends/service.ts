import type { Context } from '../../../src/context.js'
import type { DbLike } from '../../../src/db/client.js'
import { TX_OPTIONS } from '../../../src/db/client.js'
import type { Prisma } from '../../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../../src/errors.js'
import { signedIn } from '../../../src/auth/signed-in.js'
import { areFriends } from './relations.js'
import { lockUsers } from './locks.js'
import { announce } from './events.js'
import { MAX_FRIENDS, MAX_PENDING, spendRequest } from './limits.js'

/**
 * Friends (messenger-api.md "Система друзей"): a request, then the other side accepts (a friendship, stored once per
 * side) or declines; either side may end a friendship. Every write runs under both users' locks, so the caps and "is
 * there a request the other way" hold when it commits; every change is announced to both users after the commit.
 */

type Tx = Prisma.TransactionClient

/** What a request came to: sent (waiting for an answer), or the other side had asked already and you are friends. */
export type RequestOutcome = 'REQUESTED' | 'ACCEPTED'

const field = { field: 'userId' }
const requestGone = () => new AppError('FRIEND_REQUEST_NOT_FOUND', 'userId: no such friend request', field)

const pending = (db: DbLike, fromId: number, toId: number) =>
  db.friendRequest.findUnique({ where: { fromId_toId: { fromId, toId } }, select: { fromId: true } })

const friendCount = (db: DbLike, userId: number) => db.friendship.count({ where: { userId } })

/** Does `userId` ignore `otherId` in chat (peka2's ignore content "chat", which covers direct contact)? */
const ignores = async (db: DbLike, userId: number, otherId: number) =>
  !!(await db.ignore.findUnique({
    where: { userId_content_itemId: { userId, content: 'chat', itemId: otherId } },
    select: { userId: true },
  }))

/** A user one may befriend: an unknown and a blocked account get the same answer. */
async function reachableUser(db: DbLike, id: number) {
  const u = await db.user.findUnique({ where: { id }, select: { blocked: true } })
  if (!u || u.blocked) throw new AppError('USER_NOT_FOUND', 'userId: no such user', field)
}

/** Turns the request from → to into a friendship (both rows, the request gone); the caller holds both locks. */
async function befriend(tx: Tx, fromId: number, toId: number) {
  for (const id of [fromId, toId])
    if ((await friendCount(tx, id)) >= MAX_FRIENDS) throw new AppError('FRIEND_LIMIT_REACHED', undefined, field)
  await tx.friendRequest.deleteMany({
    where: {
      OR: [
        { fromId, toId },
        { fromId: toId, toId: fromId },
      ],
    },
  })
  await tx.friendship.createMany({
    data: [
      { userId: fromId, friendId: toId },
      { userId: toId, friendId: fromId },
    ],
  })
}

/**
 * Asks `toId` to be friends. When they asked first, this accepts their request (as Discord does), so two users asking
 * each other at once end as friends, never with two crossing requests. A user who ignores the viewer gets no request
 * and hears nothing, but the viewer sees it as sent — the ignore is not revealed.
 */
export async function sendFriendRequest(ctx: Context, toId: number): Promise<RequestOutcome> {
  const me = signedIn(ctx).id
  if (toId === me) throw invalid('userId', 'you cannot send a friend request to yourself')
  await spendRequest(ctx, me)
  await reachableUser(ctx.prisma, toId)
  const outcome = await ctx.prisma.$transaction(async (tx): Promise<RequestOutcome> => {
    await lockUsers(tx, [me, toId])
    if (await areFriends(tx, me, toId)) throw new AppError('ALREADY_FRIENDS', undefined, field)
    if (await pending(tx, toId, me)) {
      await befriend(tx, toId, me)
      return 'ACCEPTED'
    }
    if (await pending(tx, me, toId)) throw new AppError('FRIEND_REQUEST_EXISTS', undefined, field)
    if ((await friendCount(tx, me)) >= MAX_FRIENDS) throw new AppError('FRIEND_LIMIT_REACHED', undefined, field)
    if ((await tx.friendRequest.count({ where: { fromId: me } })) >= MAX_PENDING)
      throw new AppError(
        'TOO_MANY_FRIEND_REQUESTS',
        `You have ${MAX_PENDING} friend requests waiting for an answer: cancel some first`,
        field,
      )
    await tx.friendRequest.create({ data: { fromId: me, toId } })
    return 'REQUESTED'
  }, TX_OPTIONS)
  announce(ctx, {
    change: outcome,
    actorId: me,
    otherId: toId,
    silentForOther: outcome === 'REQUESTED' && (await ignores(ctx.prisma, toId, me)),
  })
  return outcome
}

/** Accepts the request `fromId` sent the viewer: friends on both sides, under the cap on both sides. */
export async function acceptFriendRequest(ctx: Context, fromId: number) {
  const me = signedIn(ctx).id
  await ctx.prisma.$transaction(async (tx) => {
    await lockUsers(tx, [me, fromId])
    if (!(await pending(tx, fromId, me))) throw requestGone()
    await befriend(tx, fromId, me)
  }, TX_OPTIONS)
  announce(ctx, { change: 'ACCEPTED', actorId: me, otherId: fromId })
  return true
}

/** Declines the request `fromId` sent the viewer (they may ask again). */
export async function declineFriendRequest(ctx: Context, fromId: number) {
  const me = signedIn(ctx).id
  const { count } = await ctx.prisma.friendRequest.deleteMany({ where: { fromId, toId: me } })
  if (!count) throw requestGone()
  announce(ctx, { change: 'DECLINED', actorId: me, otherId: fromId })
  return true
}

/** Takes back the viewer's own request to `toId`; one who ignores the viewer never saw it, so hears nothing. */
export async function cancelFriendRequest(ctx: Context, toId: number) {
  const me = signedIn(ctx).id
  const { count } = await ctx.prisma.friendRequest.deleteMany({ where: { fromId: me, toId } })
  if (!count) throw requestGone()
  announce(ctx, {
    change: 'CANCELLED',
    actorId: me,
    otherId: toId,
    silentForOther: await ignores(ctx.prisma, toId, me),
  })
  return true
}

/** Ends a friendship, on both sides. */
export async function removeFriend(ctx: Context, friendId: number) {
  const me = signedIn(ctx).id
  const { count } = await ctx.prisma.friendship.deleteMany({
    where: {
      OR: [
        { userId: me, friendId },
        { userId: friendId, friendId: me },
      ],
    },
  })
  if (!count) throw new AppError('NOT_FRIENDS', 'userId: this user is not your friend', field)
  announce(ctx, { change: 'REMOVED', actorId: me, otherId: friendId })
  return true
}
