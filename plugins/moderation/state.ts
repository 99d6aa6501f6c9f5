import type { Services } from '../../src/services.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { ChatApi } from '../chat/public.js'
import type { ModerationConfig } from './config.js'

/** Moderation's state in one app: chat's API, its settings, and the support tickets' askers it knows. */
export interface ModerationState {
  chat: ChatApi
  config: ModerationConfig
  /** ticket id → asker id (support/kind.ts): a ticket's asker never changes, so entries never go stale */
  askers: Map<number, number>
}

export const moderationState = appState<ModerationState>('moderation')

/** Chat's API, as moderation's start was handed it (chat is required, so it is always there). */
export const chatApi = (ctx: { services: Services }) => moderationState.of(ctx.services).chat
