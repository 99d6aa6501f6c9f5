import { Repeater } from 'graphql-yoga'
import type { Context } from '../../../src/context.js'
import { signedIn } from '../../../src/auth/signed-in.js'
import type { FriendEvent } from '../topics.js'

/** The viewer's friend events, from their own topic. */
export function friendEventStream(ctx: Context) {
  const userId = signedIn(ctx).id
  // a Repeater, so unsubscribing removes the listener at once rather than at the next event
  return new Repeater<FriendEvent>(async (push, stop) => {
    const events = ctx.pubsub.subscribe('dms.friends', userId)
    stop
      .then(() => events.return?.())
      .catch((e: unknown) => {
        // nobody awaits a stopping subscription: a failure here must not become an unhandled rejection
        ctx.services.log.warn('friend events clean-up failed', { userId, error: String(e) })
      })
    for await (const e of events) await push(e)
    stop()
  })
}
