import { defineRoutes } from '../../../src/rest/route.js'

/** peka2's private channels (common.md): the viewer's last 30, latest message first, as channel ids. */
export const peka2DmRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/channel/private',
    access: 'A',
    operation: 'query { privateChatChannels }',
    result: (d: { privateChatChannels: string[] }) => d.privateChatChannels,
  },
])
