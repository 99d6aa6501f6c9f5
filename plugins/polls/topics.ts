import type { PollView } from './views.js'

/** What changed in a poll: it started, its counts moved (coalesced), or it ended (early or at its time). */
export type PollChange = 'STARTED' | 'VOTES' | 'ENDED'

/** A poll as it is now, counts included: every live update carries the whole poll, so the last one is exact. */
export interface PollUpdate {
  change: PollChange
  poll: PollView
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
