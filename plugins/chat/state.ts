import type { Services } from '../../src/services.js'
import type { Limiter } from '../../src/http/rate-limit.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { ChannelKind, ModeratorCheck, PublishGuard } from './public.js'
import type { Presence } from './presence.js'

/** Chat's state in one app: what other plugins registered, presence, and the limiters of its writes. */
export interface ChatState {
  kinds: Map<string, ChannelKind>
  guards: PublishGuard[]
  moderatorChecks: ModeratorCheck[]
  presence: Presence
  /** the 60-events-a-minute budget (publish, edit, react, typing) */
  events: Limiter
  /** slow-mode limiters by interval in seconds, made on first use */
  slowMode: Map<number, Limiter>
}

export const chatState = appState<ChatState>('chat')

export const chatOf = (ctx: { services: Services }) => chatState.of(ctx.services)
