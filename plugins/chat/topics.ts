import type { ChatMessageView, ChatUserView } from './public.js'

/** Everything that happens in a channel, as one ordered stream per channel (and `all` for public channels). */
export type ChatEvent =
  | { kind: 'added'; channel: string; message: ChatMessageView }
  | { kind: 'edited'; channel: string; message: ChatMessageView }
  | {
      kind: 'removed'
      channel: string
      id: number
      reason: string
      data: unknown
      /** the removed message's author: for the live ignore filter only (the GraphQL event does not show it) */
      authorId: number | null
    }
  | {
      kind: 'reactions'
      channel: string
      id: number
      reactions: { emoji: string; count: number }[]
      user: ChatUserView
      emoji: string
      added: boolean
    }
  | { kind: 'pin'; channel: string; message: ChatMessageView; pinned: boolean }
  | { kind: 'typing'; channel: string; user: ChatUserView; expiresAt: string }
  | { kind: 'presence'; channel: string; amount: number; users: number[] }
  | { kind: 'slowMode'; channel: string; seconds: number }

/**
 * Who may read the channel may have changed (a member removed, a ban, a room closed): live subscriptions of `userId`
 * (null: everyone's) re-check and end when the right is gone. On the channel's own stream, never shown to clients.
 */
export interface AccessCheck {
  kind: 'access'
  channel: string
  userId: number | null
}

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    'chat.event': ChatEvent | AccessCheck
  }
}

export const CHAT_TOPICS = ['chat.event'] as const
