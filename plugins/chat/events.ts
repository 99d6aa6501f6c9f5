import type { AppPubSub } from '../../src/pubsub/index.js'
import type { ChatEvent } from './topics.js'
import type { ResolvedChannel } from './channels.js'

/**
 * Publishes to the channel's own stream and, for public channels, to the read-only `all` stream; a kind that relays
 * its events (to each member's own stream …) gets each one too.
 */
export function emit(pubsub: AppPubSub, channel: ResolvedChannel, event: ChatEvent) {
  pubsub.publish('chat.event', channel.id, event)
  channel.kind.relay?.(channel.parts, event)
  if (channel.kind.public && event.kind !== 'presence' && event.kind !== 'typing')
    pubsub.publish('chat.event', 'all', event)
}
