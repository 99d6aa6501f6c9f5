import { definePlugin } from '../../src/plugin-system/contract.js'
import { DM_ERRORS } from './errors.js'
import { readDmsConfig } from './config.js'
import { DM_TOPICS } from './topics.js'
import { dmsSchema } from './schema/index.js'
import { dmsState } from './state.js'
import { privateKind } from './kind.js'
import { dmGuard } from './rules.js'
import { DM_SETTINGS, DM_SETTINGS_SECTION } from './settings.js'
import { dmRoutes } from './rest/index.js'
import { dmSocketStreams } from './sockets.js'
import { DMS_EXAMPLES } from './examples.js'

/**
 * Direct messages: conversations of two users (peka2's private/<a>/<b> channels, JustChat's personal messages) whose
 * messages are chat's, with dialogs, unread counts, read receipts, removal for oneself, who-may-message-whom rules
 * and friends.
 */
export default definePlugin({
  name: 'dms',
  examples: DMS_EXAMPLES,
  requires: ['chat'],
  topics: [...DM_TOPICS],
  errors: DM_ERRORS,
  config: readDmsConfig,
  schema: dmsSchema,
  rest: dmRoutes,
  socketStreams: dmSocketStreams,
  userSettings: { [DM_SETTINGS_SECTION]: DM_SETTINGS },
  start(services, plugin) {
    const chat = plugin.api('chat')
    dmsState.init(services, { config: plugin.config, chat })
    plugin.onStop(chat.registerChannelKind(privateKind(services)))
    plugin.onStop(chat.addPublishGuard(dmGuard))
  },
})
