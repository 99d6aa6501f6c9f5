import { notice, post, type Entry, type World } from '../harness.js'
import { nonEmpty } from '../shape.js'
import { POLL } from './peka2-objects.js'

/** peka2-full/poll.md: a poll on the streamer's channel, started by the streamer, votes, and `poll/update`. */

const channel = (w: World) => `stream/${w.users.streamer.id}`
const STARTED = { ...POLL, variants: nonEmpty(POLL.variants[0]) }

export const poll: Entry[] = [
  {
    key: 'POST /api/poll/start',
    run: post('/api/poll/start', 'streamer', (w) => ({
      channel: channel(w),
      description: 'Which map next?',
      duration: 600,
      donate: false,
      variants: [
        { position: 0, name: 'Lost Temple' },
        { position: 1, name: 'Python' },
      ],
    })),
    response: STARTED,
  },
  {
    key: 'POST /api/poll/info',
    run: post('/api/poll/info', null, (w) => ({ channel: channel(w) })),
    response: STARTED,
  },
  {
    key: 'POST /api/poll/vote',
    run: post('/api/poll/vote', 'alice', (w) => ({ channel: channel(w), position: 0 })),
    response: {},
  },
  {
    key: 'notification poll/update',
    run: notice('poll/update', 'bob', async (w) => {
      const s = await w.peka2Socket('bob')
      await s.ask('/chat/join', { channel: channel(w) }, 3_000)
      await w.gql(
        'mutation($c: String!) { voteChannelPoll(channel: $c, position: 1) { pollId } }',
        { c: channel(w) },
        'carol',
      )
    }),
    response: STARTED,
  },
]
