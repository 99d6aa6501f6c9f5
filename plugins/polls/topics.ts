import type { PollView } from './views.js'

/** What changed in a poll: it started, its counts moved (coalesced), or it ended (early or at its time). */
export type PollChange = 'STARTED' | 'VOTES' | 'ENDED'

/** A poll as it is now, counts included: every live update carries the whole poll, so the last one is exact. */
export interface PollUpdate {
  change: PollChange
  poll: PollView
  /**
   * when the database read these counts (microseconds, the database's clock): with several instances publishing,
   * subscribers drop an update older than one they already passed on, so counts never go backwards
   */
  readAt: number
}

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    /** keyed by poll id */
    'polls.poll': PollUpdate
    /** keyed by chat channel: its channel polls */
    'polls.channel': PollUpdate
  }
}

export const POLL_TOPICS = ['polls.poll', 'polls.channel'] as const
