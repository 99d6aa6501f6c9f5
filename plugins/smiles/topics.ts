import type { ChangeSetView, SmileView } from './views.js'

/** A change of the public set: the smiles added or changed (in their new public state) and the ids removed. */
export interface SmilesChangedEvent {
  kind: 'ADDED' | 'UPDATED' | 'REMOVED' | 'APPROVED'
  /** the masterstreamer whose change set was approved (APPROVED), else null */
  userId: number | null
  smiles: SmileView[]
  removedIds: number[]
}

/** A change of the approval queue smilers work through. */
export interface SmileQueueEvent {
  kind: 'SUBMITTED' | 'APPROVED' | 'REJECTED'
  userId: number
  /** the submitted set (SUBMITTED); null once it left the queue */
  set: ChangeSetView | null
}

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    'smiles.public': SmilesChangedEvent
    'smiles.queue': SmileQueueEvent
  }
}

export const SMILE_TOPICS = ['smiles.public', 'smiles.queue'] as const

/** Both topics are global (one public set, one queue): a single key. */
export const ALL = 0
