import type { Services } from '../../src/services.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { StoreConfig } from './config.js'
import type { EffectsCache } from './effects.js'

/** The store's state in one app: its settings, the cache of bonus effects, and what stop must end. */
export interface StoreState {
  config: StoreConfig
  effects: EffectsCache
  /** ends the sweeper and the cache invalidation listener */
  stop: () => Promise<void>
}

export const storeState = appState<StoreState>('store')

export const storeConfig = (ctx: { services: Services }) => storeState.of(ctx.services).config
export const effectsCache = (services: Services) => storeState.of(services).effects
