import type { AppPubSub } from '../../pubsub/index.js'
import type { NotificationEnvelope } from '../../pubsub/topics.js'

/** Plugins publish a user's notification through this one function, so the envelope is always the same. */
export function notify(pubsub: AppPubSub, userId: number, type: string, data: unknown) {
  const envelope: NotificationEnvelope = { type, data, time: new Date().toISOString() }
  pubsub.publish('core.notification', userId, envelope)
}
