import type { Services } from '../../src/services.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { ChatApi } from '../chat/public.js'
import type { StoreApi } from '../store/public.js'
import type { PollsConfig } from './config.js'
import type { PollShapes } from './shapes.js'
import type { PollLive } from './live.js'

/** The polls' state in one app: settings, chat's API, the store's when it is on, and the live-update coalescer. */
export interface PollsState {
  config: PollsConfig
  chat: ChatApi
  /** undefined while the store is off: donate polls are refused */
  store: StoreApi | undefined
  shapes: PollShapes
  live: PollLive
}

export const pollsState = appState<PollsState>('polls')

export const pollsOf = (ctx: { services: Services }) => pollsState.of(ctx.services)
