import { definePlugin } from '../../src/plugin-system/contract.js'
import { STREAM_ERRORS } from './errors.js'
import { streamsSchema } from './schema/index.js'
import { streamRoutes } from './rest.js'
import { streamsState } from './state.js'
import { ensureRoot, seedStreams } from './seed.js'
import { registerLiveItems } from '../../src/core/social/live.js'
import { STREAMS_EXAMPLES } from './examples.js'

/**
 * Streams: each user's stream (title, category, players on streaming services and their live status), the content
 * category tree with its root `top`, lists by live rating, the site player's live status (peka2 /api/stream,
 * /api/category, /api/content, /api/content/top, /api/player/live). With moderation on, /api/category also answers
 * the support categories (content `support`) through moderation's API.
 */
export default definePlugin({
  name: 'streams',
  examples: STREAMS_EXAMPLES,
  optional: ['moderation'],
  errors: STREAM_ERRORS,
  schema: streamsSchema,
  rest: streamRoutes,
  async start(services, plugin) {
    streamsState.init(services, { moderation: plugin.optionalApi('moderation') })
    await ensureRoot(services.prisma)
    // peka2 /api/subscribe/amount counts the followed streams that are online (a stream's id is its owner's user id)
    registerLiveItems(services, 'stream', async (ctx, ids) => {
      const rows = await ctx.prisma.liveStream.findMany({
        where: { id: { in: ids }, online: true, active: true },
        select: { id: true },
      })
      return rows.map((r) => r.id)
    })
  },
  seed: seedStreams,
})
