import type { AppPubSub } from '../../pubsub/index.js'
import { SOCKET_NOTIFICATIONS_KEY, type NotificationEnvelope } from '../../pubsub/topics.js'

/** Plugins publish a user's notification through this one function, so the envelope is always the same. */
export function notify(pubsub: AppPubSub, userId: number, type: string, data: unknown) {
  const envelope: NotificationEnvelope = { type, data, time: new Date().toISOString() }
  pubsub.publish('core.notification', userId, envelope)
}

/**
 * A notification to one legacy socket (peka2's `sid`): for a page with no user yet, or not yet signed in as the one
 * it is about (`userId`, 0 for none). A socket signed in as that user is left to its user stream, which brings it too.
 */
export function notifySocket(pubsub: AppPubSub, sid: string, userId: number, type: string, data: unknown) {
  pubsub.publish('core.socketNotification', SOCKET_NOTIFICATIONS_KEY, {
    sid,
    userId,
    type,
    data,
    time: new Date().toISOString(),
  })
}
