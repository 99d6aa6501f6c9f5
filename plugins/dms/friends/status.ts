import type { Context } from '../../../src/context.js'
import { signedIn } from '../../../src/auth/signed-in.js'
import { ignoredItems } from '../../../src/core/social/service.js'
import { MAX_FRIENDS, MAX_PENDING } from './limits.js'

/** A pending request as its viewer sees it: the other user and when it was made. */
export interface PendingRequest {
  userId: number
  createdAt: Date
}

export interface FriendStatus {
  /** friends' ids, newest friendship first */
  friendIds: number[]
  /** requests to the viewer, newest first, without those from users the viewer ignores */
  incoming: PendingRequest[]
  /** the viewer's requests waiting for an answer, newest first */
  outgoing: PendingRequest[]
}

/**
 * The viewer's friends and pending requests (messenger /api/friends/status: friends, pending_in, pending_out). Each
 * list is capped at what one user may hold: MAX_FRIENDS friends, MAX_PENDING requests each way (incoming ones have no
 * cap of their own, so the newest are answered).
 */
export async function friendStatus(ctx: Context): Promise<FriendStatus> {
  const me = signedIn(ctx).id
  const ignored = [...(await ignoredItems(ctx.prisma, me, 'chat'))]
  // newest first; the other user's id settles ties within one millisecond, so the order is stable
  const [friends, incoming, outgoing] = await Promise.all([
    ctx.prisma.friendship.findMany({
      where: { userId: me },
      orderBy: [{ createdAt: 'desc' }, { friendId: 'desc' }],
      take: MAX_FRIENDS,
    }),
    ctx.prisma.friendRequest.findMany({
      where: { toId: me, fromId: { notIn: ignored } },
      orderBy: [{ createdAt: 'desc' }, { fromId: 'desc' }],
      take: MAX_PENDING,
    }),
    ctx.prisma.friendRequest.findMany({
      where: { fromId: me },
      orderBy: [{ createdAt: 'desc' }, { toId: 'desc' }],
      take: MAX_PENDING,
    }),
  ])
  return {
    friendIds: friends.map((f) => f.friendId),
    incoming: incoming.map((r) => ({ userId: r.fromId, createdAt: r.createdAt })),
    outgoing: outgoing.map((r) => ({ userId: r.toId, createdAt: r.createdAt })),
  }
}
