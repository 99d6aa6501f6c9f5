import { definePlugin } from '../../src/plugin-system/contract.js'
import { STORE_ERRORS } from './errors.js'
import { readStoreConfig } from './config.js'
import { STORE_TOPICS, EFFECTS_KEY } from './topics.js'
import { storeSchema } from './schema/index.js'
import { peka2StoreRoutes } from './rest/peka2.js'
import { justchatStoreRoutes } from './rest/justchat.js'
import { storeState } from './state.js'
import { createEffectsCache } from './effects.js'
import { connectEffects } from './providers.js'
import { startSweeper } from './sweeper.js'
import { seedStore } from './seed.js'
import { spend } from './spend.js'
import type { StoreApi } from './public.js'
import { storeSocketStreams } from './sockets.js'
import { justchatUserStore } from './rest/justchat-user.js'
import { subscribedStreamers } from './subscriptions.js'
import { STORE_EXAMPLES } from './examples.js'

/**
 * The store: pekoins and points on a double-entry ledger, bonuses that take effect in chat, smiles and moderation
 * (through their extension points, when they are on), streamer subscriptions, JustChat gifts, top-ups and free coins.
 */
export default definePlugin({
  name: 'store',
  examples: STORE_EXAMPLES,
  optional: ['chat', 'smiles', 'moderation'],
  topics: [...STORE_TOPICS],
  errors: STORE_ERRORS,
  config: readStoreConfig,
  schema: storeSchema,
  rest: [...peka2StoreRoutes, ...justchatStoreRoutes],
  justchatUser: justchatUserStore,
  socketStreams: storeSocketStreams,
  start(services, plugin) {
    const effects = createEffectsCache(services.prisma)
    // Another instance changed someone's bonuses: drop this instance's copy (this one's own changes drop it at once).
    const changes = services.pubsub.subscribe('store.effects', EFFECTS_KEY)
    const listening = (async () => {
      for await (const e of changes) effects.forget(e.userId)
    })().catch((e: unknown) => services.log.warn('store: effects listener ended', { error: String(e) }))
    const stopSweeper = startSweeper(services, plugin.config.sweepSeconds)
    storeState.init(services, {
      config: plugin.config,
      effects,
      async stop() {
        await stopSweeper()
        await changes.return?.()
        await listening
      },
    })
    const removers = connectEffects(
      effects,
      {
        chat: plugin.optionalApi('chat'),
        smiles: plugin.optionalApi('smiles'),
        moderation: plugin.optionalApi('moderation'),
      },
      (userId) => subscribedStreamers(services.prisma, userId),
    )
    for (const remove of removers) plugin.onStop(remove)
    const api: StoreApi = { spend }
    return api
  },
  stop: (services) => storeState.of(services).stop(),
  seed: seedStore,
})
