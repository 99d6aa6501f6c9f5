import type { Context } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import type { InTransaction } from '../chat/public.js'

/**
 * What moderation offers the plugins that cooperate with it. Other plugins import this file only — never
 * moderation's others.
 */

/**
 * The least citizen weight a user votes with, when a plugin raises it (a bought bonus …); null: no opinion. A user
 * whose citizenship was taken away (citizen 0) stays without a vote whatever a provider says.
 */
export type CitizenWeightProvider = (userId: number) => Promise<number | null>

/** JustChat's service actions in one channel: kick (until re-entry), silence (until a time), ban (until lifted or a time). */
export type ChannelSanctionKind = 'kick' | 'silence' | 'ban'

/** A sanction in force in a channel. */
export interface ChannelSanctionInForce {
  userId: number
  kind: ChannelSanctionKind
  /** null: a kick (until re-entry) or a ban for good */
  until: Date | null
}

/** A sanction just made or lifted in a channel. */
export interface SanctionChange {
  channel: string
  userId: number
  kind: ChannelSanctionKind
  lifted: boolean
}

/**
 * Runs inside the transaction that makes or lifts a sanction (a room drops a kicked user from inside it): a hook that
 * throws rolls the sanction back. Hooks of every plugin see every channel's changes and pick theirs.
 */
export type SanctionHook = (change: SanctionChange, inTx: InTransaction) => Promise<void>

/** A category of support questions (peka2 /api/category with content `support`; /api/support/ask takes its id). */
export interface SupportCategoryView {
  id: number
  slug: string
  name: string
}

export interface ModerationApi {
  /** adds a source of raised citizen weights (the largest answer wins); returns what removes it again */
  addCitizenWeightProvider(provider: CitizenWeightProvider): () => void
  /** adds a hook run in the transaction of every sanction made or lifted; returns its remover */
  addSanctionHook(hook: SanctionHook): () => void
  /** sanctions in force in a channel (no access check: the caller decides who sees them), at most 1,000 */
  sanctionsIn(channel: string, db?: DbLike): Promise<ChannelSanctionInForce[]>
  /** the appointed moderators of a channel (no access check), at most 1,000 */
  appointedModerators(channel: string, db?: DbLike): Promise<number[]>
  /** the viewer re-entered a channel: a kick of theirs there ends (justchat-api.md, Kick); true when one did */
  rejoin(ctx: Context, channel: string): Promise<boolean>
  /** the categories support questions are asked in, by id (public data), at most 1,000 */
  supportCategories(): Promise<SupportCategoryView[]>
}

declare module '../../src/plugin-system/apis.js' {
  interface PluginApis {
    moderation: ModerationApi
  }
}
