import type { Services } from '../../src/services.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { ChatApi } from '../chat/public.js'
import type { DmsConfig } from './config.js'

/** The direct messages' state in one app: settings and chat's API. */
export interface DmsState {
  config: DmsConfig
  chat: ChatApi
}

export const dmsState = appState<DmsState>('dms')

export const dmsOf = (ctx: { services: Services }) => dmsState.of(ctx.services)
