import type { AppPubSub } from '../../src/pubsub/index.js'
import type { ChatEvent } from './topics.js'
import type { ResolvedChannel } from './channels.js'

/** Publishes to the channel's own stream and, for public channels, to the read-only `all` stream. */
export function emit(pubsub: AppPubSub, channel: ResolvedChannel, event: ChatEvent) {
  pubsub.publish('chat.event', channel.id, event)
  if (channel.kind.public && event.kind !== 'presence' && event.kind !== 'typing')
    pubsub.publish('chat.event', 'all', event)
}
