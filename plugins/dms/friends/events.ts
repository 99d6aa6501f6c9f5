import type { Context } from '../../../src/context.js'
import type { FriendEvent } from '../topics.js'

/** A change between two users, as each of them is told it (`userId`: the other one). */
export interface FriendChange {
  change: FriendEvent['change']
  /** who acted */
  actorId: number
  /** the other user */
  otherId: number
  /** the other user does not hear of it (they ignore the actor and never saw the request) */
  silentForOther?: boolean
}

/** Tells both users (after commit: a failed write announces nothing). */
export function announce(ctx: Pick<Context, 'pubsub'>, c: FriendChange) {
  const time = new Date().toISOString()
  ctx.pubsub.publish('dms.friends', c.actorId, { change: c.change, userId: c.otherId, time })
  if (!c.silentForOther) ctx.pubsub.publish('dms.friends', c.otherId, { change: c.change, userId: c.actorId, time })
}
