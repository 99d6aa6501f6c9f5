import { definePlugin } from '../../src/plugins/contract.js'
import { chatSchema } from './schema.js'
import { chatRoutes } from './rest.js'
import { CHAT_TOPICS } from './topics.js'
import { registerBuiltInKinds, channelOf } from './channels.js'
import { createPresence, type Presence } from './presence.js'
import { removeMessages } from './service.js'
import { MESSAGE_SELECT, toView } from './render.js'
import { emit } from './events.js'

export default definePlugin({
  name: 'chat',
  topics: [...CHAT_TOPICS],
  schema: chatSchema,
  rest: chatRoutes,
  start(services) {
    registerBuiltInKinds(services.hooks)
    services.extra.set('chat.presence', createPresence(services.config.redisUrl, services.config.redisPrefix, { timeoutMs: services.config.redisTimeoutMs, log: services.log, onFallback: () => services.metrics.fallback('presence') }))
    // What other plugins may do in chat (moderation's service messages and ban removals).
    services.hooks.chat = {
      async postSystem(channel, text, data = {}) {
        const row = await services.prisma.chatMessage.create({ data: { channel, text, type: data.type ?? 'system', toId: data.toId ?? null, replyToId: data.replyToId ?? null }, select: MESSAGE_SELECT })
        const view = toView(row)
        const ch = channelOf(services.hooks, channel)
        if (ch) emit(services.pubsub, ch, { kind: 'added', channel, message: view })
        return view
      },
      remove: (ids, reason, data) => removeMessages({ prisma: services.prisma, pubsub: services.pubsub, services }, ids, reason, data),
    }
  },
  async stop(services) {
    await (services.extra.get('chat.presence') as Presence | undefined)?.close()
  },
  async seed({ prisma }) {
    const users = await prisma.user.findMany({ take: 3, orderBy: { id: 'asc' } })
    for (const [i, u] of users.entries()) {
      await prisma.chatMessage.create({ data: { channel: 'main', fromId: u.id, text: ['Hello, chat!', 'Welcome to the demo', '[b]bbcode[/b] stays as is'][i] ?? 'Hi' } })
    }
  },
})
