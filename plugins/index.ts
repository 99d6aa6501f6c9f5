import type { Plugin } from '../src/plugins/contract.js'
import chat from './chat/index.js'

/** Every shipped domain plugin; PLUGINS selects among them. */
export const ALL_PLUGINS: Plugin[] = [
  chat,]
