import type { Services } from '../../src/services.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { ModerationApi } from '../moderation/public.js'

/** The streams' state in one app: moderation's API when it is on (support categories for /api/category). */
export interface StreamsState {
  moderation: ModerationApi | undefined
}

export const streamsState = appState<StreamsState>('streams')

export const streamsOf = (ctx: { services: Services }) => streamsState.of(ctx.services)
