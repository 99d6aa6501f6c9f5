/**
 * What chat offers the plugins that require it: the types of its channels and messages, and the API its `start`
 * returns (registered as `chat` in the plugin API map). Other plugins import this file only — never chat's others.
 */
import type { Context, Viewer } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import type { ErrorCode } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import type { FileView } from '../../src/uploads/files.js'
import type { PresenceList } from './presence.js'
import type { ChatEvent as ChannelEvent } from './topics.js'

export type { PresenceList }

/** A value or a promise of it: a kind whose answer needs no I/O gives it at once. */
export type Awaitable<T> = T | Promise<T>

/** A kind of channel ("main", "stream/<id>", "support/<id>" …) and who may do what in it; callers await every answer. */
export interface ChannelKind {
  /** first segment of the channel id */
  name: string
  /** segments after the name, validated; null when malformed (e.g. "stream/abc") */
  parse(rest: string[]): string[] | null
  /** public channels feed the read-only `all` stream and presence lists */
  public: boolean
  /**
   * between its members only (a private conversation): moderation may see a reported message, never the messages
   * around it (no context frozen into bans)
   */
  confidential?: boolean
  exists(ctx: Context, parts: string[]): Awaitable<boolean>
  canRead(ctx: Context, parts: string[]): Awaitable<boolean>
  canWrite(ctx: Context, parts: string[]): Awaitable<boolean>
  /** the kind's own moderators (who may remove others' messages, pin, set slow mode, sanction); ctx.viewer is asked about */
  isModerator(ctx: Context, parts: string[]): Awaitable<boolean>
  /**
   * its owner and the moderators the owner appoints are public (JustChat rooms list them as `admin` and `moderators`):
   * service messages of their moderation name them (ChatMessage.actor); everyone else's — site staff's — stays
   * anonymous, as it does on every channel without this flag
   */
  publicModerators?: boolean
  /** display name and owner for /api/channel/data */
  describe(ctx: Context, parts: string[]): Awaitable<{ name: string; ownerId: number | null }>
  /** SQL LIKE patterns of this kind's channels the viewer may read (full-text search scope) */
  readablePatterns(viewer: Viewer | null): string[]
  /** rewrites a message before it leaves the server (support channels hide real identities) */
  present?(viewer: Viewer | null, parts: string[], message: ChatMessageView): ChatMessageView
  /**
   * Messages the viewer removed for themselves only (a cleared conversation, "delete for me"): every id up to
   * `upToId` and those listed. History, lookups and search within the channel leave them out for that viewer.
   */
  hiddenFor?(ctx: Context, parts: string[]): Awaitable<HiddenMessages | null>
  /** a message stored by a user's publish, before it is announced: the kind's own bookkeeping (awaited) */
  published?(ctx: Context, parts: string[], message: ChatMessageView): Promise<void>
  /** every event of one of its channels, as it is published: the kind may relay it elsewhere (each member's stream) */
  relay?(parts: string[], event: ChannelEvent): void
  /** how long after sending the author may still edit a message; unset: always */
  editWindowSeconds?: number
}

/**
 * Channels read together as one user sees them (ChatApi.visibleMessages …): each above its own `afterId` (what the
 * user cleared or read), without `exceptIds` (what they removed for themselves).
 */
export interface ReaderScope {
  channels: { id: string; afterId: number }[]
  exceptIds?: number[]
}

/** What one viewer removed for themselves in a channel (ChannelKind.hiddenFor). */
export interface HiddenMessages {
  upToId: number
  ids: number[]
}

export type { ChannelEvent }

/** Chat's GraphQL types (ChatMessage, ChatPublishResult, the ChatEvent union …) for fields other plugins add. */
export { chatTypesOf, type ChatGraphQLTypes } from './schema-types.js'

/** A channel id parsed against the registered kinds ("stream/5" → kind stream, parts ["5"]). */
export interface ResolvedChannel {
  id: string
  kind: ChannelKind
  parts: string[]
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
  /** who acted, on a service message whose actor is public (SystemMessage.actorId); null on every other message */
  actor: ChatUserView | null
  text: string
  type: string
  time: string
  editedAt: string | null
  replyToId: number | null
  pinned: boolean
  reactions: { emoji: string; count: number }[]
  /** files attached (the core's uploads), as they were when sent */
  attachments: FileView[]
}

/** A message as stored, removed ones included: what other plugins check and freeze (accusations, complaints …). */
export interface StoredMessage {
  id: number
  channel: string
  fromId: number | null
  toId: number | null
  text: string
  type: string
  createdAt: Date
  removed: boolean
}

/** Who wrote in a channel (shown messages with an author): every author, and the author of the latest one. */
export interface ChannelAuthors {
  authorIds: number[]
  lastAuthorId: number
}

export type DropReason = 'SLOW_MODE' | 'RATE_LIMITED' | 'SILENCED' | 'BANNED' | 'KICKED' | 'IGNORED' | 'NOT_ALLOWED'

export interface PublishRefusal {
  reason: DropReason
  message: string
  retryAfterSeconds?: number
}

/** Decides whether a user may write into a channel (publish, edit, react, type, pin); null lets the write through. */
export type PublishGuard = (ctx: Context, channel: string, userId: number) => Promise<PublishRefusal | null>

/** More moderators of one channel than its kind names (appointed channel moderators …); ctx.viewer is `userId`. */
export type ModeratorCheck = (ctx: Context, channel: string, userId: number) => Promise<boolean>

export interface SystemMessage {
  /** default "system"; JustChat service actions use their own ("kick", "new moderator" …) */
  type?: string
  toId?: number | null
  /** the message a service message is about (JustChat's ref_message) */
  replyToId?: number | null
  /**
   * who acted (kicked, appointed …), only when the channel shows it (ChannelKind.publicModerators): it is not the
   * author, so the message stays the server's (nobody edits, removes or is accused over it as its writer)
   */
  actorId?: number | null
}

/**
 * A chat write made in the caller's transaction: its rows go into `tx`, its events are handed to `afterCommit`, which
 * the caller runs once `tx` committed — a write that rolls back announces nothing (moderation: Effects.inTransaction).
 */
export interface InTransaction {
  tx: Prisma.TransactionClient
  afterCommit(publish: () => void): void
}

/**
 * A user's nick colour ('#rrggbb') from a plugin that gives them (a bought colour …), or null for none: shown as
 * ChatUser.nickColor on message authors. Called on hot paths (every author rendered): providers keep their own copy.
 */
export type NickColorProvider = (userId: number) => Promise<string | null>

/**
 * peka2's `store` object of a message author (chat.md "Новое сообщение"): the bonuses in effect, the icon, the streamers
 * they are subscribed to — from the plugin that sells them.
 */
export interface AuthorStore {
  bonuses: number[]
  icon: number
  subscriptions: number[]
}
export type AuthorStoreProvider = (userId: number) => Promise<AuthorStore>

/** Why a text may not be published: an error code of the checking plugin's registry and a message naming the rule. */
export interface TextRefusal {
  code: ErrorCode
  message: string
}

/** Checks a text before it is published or an edit saved (smiles a user may not use …); null lets it through. */
export type TextCheck = (ctx: Context, channel: string, userId: number, text: string) => Promise<TextRefusal | null>

export interface ChatApi {
  /** adds a source of nick colours (the first that answers for a user wins); returns what removes it again */
  addNickColorProvider(provider: NickColorProvider): () => void
  /** gives authors' `store` objects (the first provider answers); returns what removes it again */
  addAuthorStoreProvider(provider: AuthorStoreProvider): () => void
  /** adds a check every published or edited text passes (a refusal is an error on `text`); returns its remover */
  addTextCheck(check: TextCheck): () => void
  /** adds a kind of channel; a name already taken is refused */
  registerChannelKind(kind: ChannelKind): () => void
  /** adds a guard every write into a channel passes; returns what removes it again */
  addPublishGuard(guard: PublishGuard): () => void
  /** extends who moderates a channel (for chat's own powers and every caller of isChannelModerator); returns its remover */
  addModeratorCheck(check: ModeratorCheck): () => void
  /** the kind of a stored channel id, without any check or I/O (null: no such kind) */
  kindOf(channel: string): ChannelKind | null
  /** a channel id → kind and parts; CHANNEL_NOT_FOUND (naming `field`) when malformed, of an unknown kind, or missing */
  resolveChannel(ctx: Context, id: unknown, field?: string): Promise<ResolvedChannel>
  /**
   * The one rule of who moderates a channel: its kind's own moderators or anyone a moderator check admits. `who`
   * (default: the viewer) is asked about; null is nobody.
   */
  isChannelModerator(ctx: Context, channel: ResolvedChannel, who?: Viewer | null): Promise<boolean>
  /**
   * posts a service message (no author; its actor when public) and publishes it like any other; `inTx`: within the
   * caller's transaction
   */
  postSystem(channel: string, text: string, data?: SystemMessage, inTx?: InTransaction): Promise<ChatMessageView>
  /**
   * removes messages (soft) with a reason and its data, one event per message; already removed ones are skipped.
   * `inTx`: within the caller's transaction
   */
  remove(messageIds: number[], reason: string, data: unknown, inTx?: InTransaction): Promise<void>
  /** messages by id, removed ones included; `db`: a transaction the caller is in */
  messages(ids: number[], db?: DbLike): Promise<StoredMessage[]>
  /** up to `take` messages of a channel written before message `beforeId`, newest first, removed ones included */
  messagesBefore(channel: string, beforeId: number, take: number, db?: DbLike): Promise<StoredMessage[]>
  /** ids of a user's shown messages in some channels written since a time, plus those of `alsoIds` still shown */
  recentMessageIds(
    query: { authorId: number; channels: string[]; since: Date; alsoIds?: number[] },
    db?: DbLike,
  ): Promise<number[]>
  /** who wrote in each of these channels; a channel nobody wrote in (or only the server) is absent */
  authorsOf(channels: string[], db?: DbLike): Promise<Map<string, ChannelAuthors>>
  /** how many watch a channel and the logged-in users among them (every instance's view while Redis answers) */
  presence(channel: string): Promise<PresenceList>
  /**
   * Who may read a channel changed (a member removed, a ban, a room closed or deleted): the live subscriptions of
   * `userId` to it (null: everyone's), on every instance, check again and end where the right is gone. Call it after
   * the change committed.
   */
  accessChanged(channel: string, userId: number | null): void
  /**
   * Publishes a message as the viewer, with every rule of chat's own sendChatMessage (access, guards, limits, text
   * checks); flow control answers as a drop, as there.
   */
  publish(ctx: Context, input: PublishInput): Promise<PublishOutcome>
  /** messages of the scope's channels as `userId` sees them, newest first; `authorId`: only that author's */
  visibleMessages(
    userId: number,
    scope: ReaderScope,
    page: { limit: number; offset: number; authorId?: number | null },
  ): Promise<ChatMessageView[]>
  /** per channel of the scope: messages by others that `userId` sees (absent: none) */
  unreadCounts(userId: number, scope: ReaderScope): Promise<Map<string, number>>
  /** per channel of the scope: the newest message `userId` sees (absent: none) */
  latestVisible(userId: number, scope: ReaderScope): Promise<Map<string, ChatMessageView>>
  /** messages by id as GraphQL shows them, in the order asked (missing ones left out); the caller checks access */
  views(ids: number[]): Promise<ChatMessageView[]>
  /** the id of the newest message of a channel, removed ones included (0: none) */
  latestId(channel: string): Promise<number>
}

/** A message to publish as the viewer (ChatApi.publish). */
export interface PublishInput {
  channel: string
  text: string
  replyToId?: number | null
  /** ids of files the viewer uploaded */
  attachments?: string[] | null
}

export type PublishOutcome =
  | { isSent: true; message: ChatMessageView }
  | { isSent: false; dropReason: DropReason; dropMessage: string; retryAfter: number | null }

declare module '../../src/plugin-system/apis.js' {
  interface PluginApis {
    chat: ChatApi
  }
}
