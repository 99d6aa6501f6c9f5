import { definePlugin } from '../plugins/contract.js'
import { CORE_TOPICS } from '../pubsub/topics.js'
import { addUserSchema } from './users/schema.js'
import { userRoutes } from './users/rest.js'
import { accountRoutes } from './users/account-rest.js'
import { socialRoutes } from './social/rest.js'
import { addNotificationSchema } from './notifications/schema.js'
import { addAccountSchema } from './users/account-schema.js'
import { addRoleSchema } from './roles/schema.js'
import { addSocialSchema } from './social/schema.js'
import { backfillNameSkeletons } from './users/skeletons.js'

/** The always-on core: users, sessions, roles, settings, follows, ignores, notifications. */
export const corePlugin = definePlugin({
  name: 'core',
  topics: CORE_TOPICS,
  schema(builder) {
    const { AuthPayload } = addUserSchema(builder)
    addAccountSchema(builder, AuthPayload as never)
    addRoleSchema(builder)
    addSocialSchema(builder)
    addNotificationSchema(builder)
  },
  rest: [...userRoutes, ...accountRoutes, ...socialRoutes],
  // users from before the look-alike keys existed get theirs (a no-op query once done)
  start: async (services) => {
    await backfillNameSkeletons(services.prisma, services.log)
  },
})
