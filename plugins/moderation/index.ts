import { definePlugin } from '../../src/plugin-system/contract.js'
import { moderationSchema } from './schema/index.js'
import { moderationRoutes } from './rest.js'
import { MODERATION_TOPICS } from './topics.js'
import { MODERATION_ERRORS } from './errors.js'
import { readModerationConfig } from './config.js'
import { moderationState } from './state.js'
import { moderationGuard } from './guard.js'
import { createSupportKind } from './support/kind.js'
import { isAppointed } from './channel-owner.js'
import { seedModeration } from './seed.js'
import { createModerationApi } from './api.js'
import { MODERATION_EXAMPLES } from './examples.js'

/**
 * Civil bans by weighted citizen votes, channel sanctions, complaints, anonymous support tickets and the audit log of
 * all of it. Works on chat only through chat's API (plugins/chat/public.ts): the `support` channel kind, a publish
 * guard, appointed moderators as a moderator check, service messages, ban removals and reading messages.
 */
export default definePlugin({
  name: 'moderation',
  examples: MODERATION_EXAMPLES,
  requires: ['chat'],
  topics: [...MODERATION_TOPICS],
  errors: MODERATION_ERRORS,
  config: readModerationConfig,
  schema: moderationSchema,
  rest: moderationRoutes,
  start(services, plugin) {
    const chat = plugin.api('chat')
    moderationState.init(services, { chat, config: plugin.config, askers: new Map() })
    plugin.onStop(chat.registerChannelKind(createSupportKind(services)))
    plugin.onStop(chat.addPublishGuard(moderationGuard))
    // Appointed channel moderators: chat's powers (remove, pin, slow mode) and this plugin's (sanctions, complaints)
    // both ask chat's one isChannelModerator, which asks this check.
    plugin.onStop(chat.addModeratorCheck((ctx, channel, userId) => isAppointed(ctx.prisma, channel, userId)))
    // what other plugins may add (citizen weights)
    return createModerationApi(services)
  },
  seed: seedModeration,
})
