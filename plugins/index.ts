import type { Plugin } from '../src/plugins/contract.js'

/** Every shipped domain plugin; PLUGINS selects among them. */
export const ALL_PLUGINS: Plugin[] = []
