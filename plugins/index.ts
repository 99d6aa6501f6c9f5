import type { Plugin } from '../src/plugin-system/contract.js'
import chat from './chat/index.js'
import moderation from './moderation/index.js'
import smiles from './smiles/index.js'
import store from './store/index.js'
import rooms from './rooms/index.js'
import dms from './dms/index.js'
import polls from './polls/index.js'
import streams from './streams/index.js'

/** Every shipped domain plugin; PLUGINS selects among them. */
export const ALL_PLUGINS: Plugin[] = [chat, moderation, smiles, store, rooms, dms, polls, streams]
