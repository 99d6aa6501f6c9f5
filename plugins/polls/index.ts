import { definePlugin } from '../../src/plugin-system/contract.js'
import { POLL_ERRORS } from './errors.js'
import { readPollsConfig } from './config.js'
import { POLL_TOPICS } from './topics.js'
import { pollsSchema } from './schema/index.js'
import { peka2PollRoutes } from './rest/peka2.js'
import { messengerPollRoutes } from './rest/messenger.js'
import { pollsState } from './state.js'
import { PollShapes } from './shapes.js'
import { PollLive } from './live.js'
import { armRunningPolls } from './resume.js'
import { seedPolls } from './seed.js'
import { POLLS_EXAMPLES } from './examples.js'

/**
 * Polls: one running poll per chat channel (peka2 /api/poll/*) and polls attached to messages (messenger), free votes
 * counted in constant time each, paid votes through the store's ledger when the store is on, coalesced live updates.
 */
export default definePlugin({
  name: 'polls',
  examples: POLLS_EXAMPLES,
  requires: ['chat'],
  optional: ['store'],
  topics: [...POLL_TOPICS],
  errors: POLL_ERRORS,
  config: readPollsConfig,
  schema: pollsSchema,
  rest: [...peka2PollRoutes, ...messengerPollRoutes],
  async start(services, plugin) {
    const chat = plugin.api('chat')
    const live = new PollLive(services, plugin.config, chat)
    pollsState.init(services, {
      config: plugin.config,
      chat,
      store: plugin.optionalApi('store'),
      shapes: new PollShapes(services.prisma),
      live,
    })
    await armRunningPolls(services, live)
  },
  stop: (services) => pollsState.of(services).live.stop(),
  seed: seedPolls,
})
