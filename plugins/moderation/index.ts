import { isAppointed } from './channels.js'
import { definePlugin } from '../../src/plugins/contract.js'
import { moderationSchema } from './schema/index.js'
import { moderationRoutes } from './rest.js'
import { MODERATION_TOPICS } from './topics.js'
import { moderationGuard } from './guard.js'
import { createSupportKind } from './support/kind.js'

/**
 * Civil bans by weighted citizen votes, channel sanctions, complaints, anonymous support tickets and the audit log of
 * all of it. Works on chat only through the hooks: the `support` channel kind, a publish guard, and chat's API for
 * service messages and ban removals.
 */
export default definePlugin({
  name: 'moderation',
  requires: ['chat'],
  topics: [...MODERATION_TOPICS],
  schema: moderationSchema,
  rest: moderationRoutes,
  start(services) {
    services.hooks.channelKinds.set('support', createSupportKind(services))
    services.hooks.publishGuards.push(moderationGuard)
    // Appointed channel moderators may also remove, pin and set slow mode in chat.
    services.hooks.moderatorChecks.push((ctx, channel, userId) => isAppointed(ctx.prisma, channel, userId))
  },
})
