import { definePlugin } from '../plugins/contract.js'
import { CORE_TOPICS } from '../pubsub/topics.js'
import { addUserSchema } from './users/schema.js'
import { userRoutes } from './users/rest.js'
import { addNotificationSchema } from './notifications/schema.js'

/** The always-on core: users, sessions, roles, settings, follows, ignores, notifications. */
export const corePlugin = definePlugin({
  name: 'core',
  topics: CORE_TOPICS,
  schema(builder) {
    addUserSchema(builder)
    addNotificationSchema(builder)
  },
  rest: [...userRoutes],
})
