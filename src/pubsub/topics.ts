/**
 * The typed topic map: topic name → payload. The core declares its topics here; a plugin adds its own with
 * `declare module '../../src/pubsub/topics.js' { interface TopicMap { 'chat.message': ChatMessageEvent } }`
 * and lists the names in `definePlugin({ topics })`, so a disabled plugin's topics are refused at run time.
 * Every topic is keyed (a user id, a channel id …): subscribers only receive events of their key.
 */
export interface NotificationEnvelope {
  type: string
  data: unknown
  /** ISO 8601 */
  time: string
}

export interface TopicMap {
  'core.notification': NotificationEnvelope
  /** a user's chat-ignore list changed (keyed by that user): live chat filters re-read it */
  'core.ignores': { ignored: number[] }
}

export type TopicName = keyof TopicMap

export const CORE_TOPICS: TopicName[] = ['core.notification', 'core.ignores']
