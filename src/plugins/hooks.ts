import type { Context, Viewer } from '../context.js'

/**
 * Extension points one plugin offers and others fill, without importing each other: the core owns the shapes,
 * the owning plugin reads them, other plugins register into them from their `start`.
 */

/** A kind of chat channel ("main", "stream/<id>", "room/<id>" …) and who may do what in it. */
export interface ChannelKind {
  /** first segment of the channel id */
  name: string
  /** segments after the name, validated; null when malformed (e.g. "stream/abc") */
  parse(rest: string[]): string[] | null
  /** public channels feed the read-only `all` stream and presence lists */
  public: boolean
  exists(ctx: Context, parts: string[]): Promise<boolean>
  canRead(ctx: Context, parts: string[]): Promise<boolean>
  canWrite(ctx: Context, parts: string[]): Promise<boolean>
  /** may remove others' messages, pin, set slow mode, sanction */
  isModerator(ctx: Context, parts: string[]): Promise<boolean>
  /** display name and owner for /api/channel/data */
  describe(ctx: Context, parts: string[]): Promise<{ name: string; ownerId: number | null }>
  /** SQL LIKE patterns of this kind's channels the viewer may read (full-text search scope) */
  readablePatterns(viewer: Viewer | null): string[]
  /** rewrites a message before it leaves the server (support channels hide real identities) */
  present?(viewer: Viewer | null, parts: string[], message: ChatMessageView): ChatMessageView
}

export interface ChatUserView {
  id: number
  name: string
  color: number
}

/** The JSON-safe shape of a chat message, as stored in events and rendered by GraphQL. */
export interface ChatMessageView {
  id: number
  channel: string
  from: ChatUserView | null
  to: ChatUserView | null
  text: string
  type: string
  time: string
  editedAt: string | null
  replyToId: number | null
  pinned: boolean
  reactions: { emoji: string; count: number }[]
}

export type DropReason = 'SLOW_MODE' | 'RATE_LIMITED' | 'SILENCED' | 'BANNED' | 'KICKED' | 'IGNORED' | 'NOT_ALLOWED'

/** Decides whether a message may be published; moderation adds bans, silences and kicks here. */
export type PublishGuard = (ctx: Context, channel: string, userId: number) => Promise<{ reason: DropReason; message: string; retryAfterSeconds?: number } | null>

/** What chat offers other plugins once started (posting service messages, removing messages). */
export interface ChatApi {
  /** replyToId: the message a service message is about (JustChat's ref_message) */
  postSystem(channel: string, text: string, data?: { type?: string; toId?: number | null; replyToId?: number | null }): Promise<ChatMessageView>
  remove(messageIds: number[], reason: string, data: unknown): Promise<void>
}

/** Extra moderators of one channel beyond its kind's rule (moderation's appointed channel moderators). */
export type ModeratorCheck = (ctx: Context, channel: string, userId: number) => Promise<boolean>

export interface Hooks {
  channelKinds: Map<string, ChannelKind>
  publishGuards: PublishGuard[]
  moderatorChecks: ModeratorCheck[]
  chat?: ChatApi
}

export const createHooks = (): Hooks => ({ channelKinds: new Map(), publishGuards: [], moderatorChecks: [] })
