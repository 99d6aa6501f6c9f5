import { definePlugin } from '../../src/plugin-system/contract.js'
import { smilesSchema } from './schema.js'
import { smileRoutes } from './rest.js'
import { SMILE_TOPICS } from './topics.js'
import { smileFiles } from './storage.js'
import { seedSmiles } from './seed.js'
import { SMILE_ERRORS } from './errors.js'
import { initSmilesConfig, readSmilesConfig } from './config.js'
import { createSmilesApi, smilesInChat } from './chat-rules.js'
import { SMILES_EXAMPLES } from './examples.js'

/** Smiles and masterstreamer icons: uploads, the public set, masterstreamer change sets and their approval. */
export default definePlugin({
  name: 'smiles',
  examples: SMILES_EXAMPLES,
  // in chat (when it is on): a limit of smiles per message and the usage rules other plugins add
  optional: ['chat'],
  schema: smilesSchema,
  rest: smileRoutes,
  topics: [...SMILE_TOPICS],
  http: [smileFiles],
  errors: SMILE_ERRORS,
  config: readSmilesConfig,
  start(services, plugin) {
    initSmilesConfig(services, plugin.config)
    const chat = plugin.optionalApi('chat')
    if (chat) plugin.onStop(chat.addTextCheck(smilesInChat(services)))
    return createSmilesApi(services)
  },
  seed: seedSmiles,
})
