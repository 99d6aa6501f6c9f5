import type { ChannelEvent } from '../chat/public.js'

/**
 * What happens in a user's conversations, on that user's own stream (keyed by user id): every chat event of each of
 * their private channels (relayed by the channel kind), read receipts and dialog removals.
 */
export type DmEvent =
  | { kind: 'chat'; channel: string; event: ChannelEvent }
  | {
      kind: 'read'
      channel: string
      /** who read */
      userId: number
      /** up to which message */
      upToId: number
      time: string
    }
  | { kind: 'cleared'; channel: string; upToId: number }

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    'dms.user': DmEvent
    'dms.friends': FriendEvent
  }
}

/** A friendship changed for the user the event is sent to (keyed by user id). */
export interface FriendEvent {
  change: 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'REMOVED' | 'CANCELLED'
  /** the other user */
  userId: number
  time: string
}

export const DM_TOPICS = ['dms.user', 'dms.friends'] as const
