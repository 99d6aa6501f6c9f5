import { int, type Env } from '../../src/config.js'
import { appState } from '../../src/plugin-system/app-state.js'
import type { Services } from '../../src/services.js'

export interface SmilesConfig {
  /** largest smile or icon file accepted (SMILES_MAX_BYTES) */
  maxBytes: number
  /** smiles one chat message may hold (SMILES_PER_MESSAGE); other plugins may allow some users more */
  perMessage: number
}

/** Smiles' settings, read only when it is enabled. Files go to the core's UPLOAD_DIR (under smiles/). */
export const readSmilesConfig = (env: Env): SmilesConfig => ({
  maxBytes: int(env, 'SMILES_MAX_BYTES', 256 * 1024, 64, 10 * 1024 * 1024),
  perMessage: int(env, 'SMILES_PER_MESSAGE', 10, 1, 1000),
})

const smilesState = appState<SmilesConfig>('smiles')

export const initSmilesConfig = (services: Services, config: SmilesConfig) => smilesState.init(services, config)

/** Smiles' settings in this app. */
export const smilesConfig = (services: Services) => smilesState.of(services)
