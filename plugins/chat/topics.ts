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

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    'chat.event': ChatEvent
  }
}

export const CHAT_TOPICS = ['chat.event'] as const
