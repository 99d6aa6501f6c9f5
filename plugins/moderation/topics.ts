/** One audit record as moderator dashboards render it: names included, so no event needs a database round trip. */
export interface AuditEntryView {
  id: number
  action: string
  actorId: number | null
  actorName: string | null
  targetUserId: number | null
  targetName: string | null
  reasonId: number | null
  channel: string | null
  banId: number | null
  complaintId: number | null
  ticketId: number | null
  messageId: number | null
  data: unknown
  /** ISO 8601 */
  time: string
}

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    /** every moderation action, keyed 'all' (moderator dashboards) */
    'moderation.audit': AuditEntryView
  }
}

export const AUDIT_KEY = 'all'
export const MODERATION_TOPICS = ['moderation.audit'] as const
