import { definePlugin } from '../../src/plugin-system/contract.js'
import { chatSchema } from './schema.js'
import { chatRoutes } from './rest.js'
import { chatSocketEvents } from './sockets.js'
import { CHAT_TOPICS } from './topics.js'
import { BUILT_IN_KINDS } from './channels.js'
import { createPresence } from './presence.js'
import { eventLimiter } from './service.js'
import { chatState } from './state.js'
import { createChatApi } from './api.js'
import { CHAT_SETTINGS, CHAT_SETTINGS_SECTION } from './settings.js'
import { CHAT_IGNORES } from './ignores.js'
import { CHAT_EXAMPLES } from './examples.js'

/** Channels, messages, live events, presence and search; the API other plugins build on is in public.ts. */
export default definePlugin({
  name: 'chat',
  examples: CHAT_EXAMPLES,
  topics: [...CHAT_TOPICS],
  schema: chatSchema,
  rest: chatRoutes,
  socketEvents: chatSocketEvents,
  userSettings: { [CHAT_SETTINGS_SECTION]: CHAT_SETTINGS },
  ignores: [CHAT_IGNORES],
  start(services) {
    const state = chatState.init(services, {
      kinds: new Map(BUILT_IN_KINDS.map((k) => [k.name, k])),
      guards: [],
      moderatorChecks: [],
      presence: createPresence(services.config.redisUrl, services.config.redisPrefix, {
        timeoutMs: services.config.redisTimeoutMs,
        log: services.log,
        onFallback: () => services.metrics.fallback('presence'),
      }),
      events: eventLimiter(services),
      slowMode: new Map(),
    })
    // What other plugins may do in chat (channel kinds, guards, moderators, service messages, removals, reads).
    return createChatApi(services, state)
  },
  async stop(services) {
    await chatState.of(services).presence.close()
  },
  async seed({ prisma }) {
    const users = await prisma.user.findMany({ take: 3, orderBy: { id: 'asc' } })
    for (const [i, u] of users.entries()) {
      await prisma.chatMessage.create({
        data: {
          channel: 'main',
          fromId: u.id,
          text: ['Hello, chat!', 'Welcome to the demo', '[b]bbcode[/b] stays as is'][i] ?? 'Hi',
        },
      })
    }
  },
})
