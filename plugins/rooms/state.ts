import type { Services } from '../../src/services.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { ChatApi } from '../chat/public.js'
import type { ModerationApi } from '../moderation/public.js'
import type { RoomsConfig } from './config.js'

/** The rooms' state in one app: settings and the APIs of the plugins it works through. */
export interface RoomsState {
  config: RoomsConfig
  chat: ChatApi
  /** undefined while moderation is off: rooms then work without sanctions or appointed moderators */
  moderation: ModerationApi | undefined
}

export const roomsState = appState<RoomsState>('rooms')

export const roomsOf = (ctx: { services: Services }) => roomsState.of(ctx.services)
