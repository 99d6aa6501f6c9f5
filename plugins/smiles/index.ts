import { definePlugin } from '../../src/plugin-system/contract.js'
import { smilesSchema } from './schema.js'
import { smileRoutes } from './rest.js'
import { SMILE_TOPICS } from './topics.js'
import { smileFiles } from './storage.js'
import { seedSmiles } from './seed.js'
import { SMILE_ERRORS } from './errors.js'
import { initSmilesConfig, readSmilesConfig } from './config.js'

/** Smiles and masterstreamer icons: uploads, the public set, masterstreamer change sets and their approval. */
export default definePlugin({
  name: 'smiles',
  schema: smilesSchema,
  rest: smileRoutes,
  topics: [...SMILE_TOPICS],
  http: [smileFiles],
  errors: SMILE_ERRORS,
  config: readSmilesConfig,
  start(services, plugin) {
    initSmilesConfig(services, plugin.config)
  },
  seed: seedSmiles,
})
