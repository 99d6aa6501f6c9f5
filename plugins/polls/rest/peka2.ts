import { AppError } from '../../../src/errors.js'
import { defineRoutes } from '../../../src/rest/route.js'
import { peka2PollInfo } from './shapes.js'
import type { PollView } from '../views.js'

/** The GraphQL selection peka2's poll object is made from. */
const POLL = `databaseId channel messageId question multiple donate startedById startedAt endsAt endedAt
  options { id: databaseId position text votes donateVotes } viewerVotes`

type PollData = Omit<PollView, 'id' | 'endedById'> & { viewerVotes: number[]; databaseId: number }

/** GraphQL's poll → peka2's: the viewer's vote as the position of the option they chose. */
function info(poll: PollData) {
  const voted = poll.options.find((o) => poll.viewerVotes.includes(o.id))
  return peka2PollInfo(poll, voted?.position ?? null)
}

/** peka2's variant `{ position, name }` → the GraphQL option `{ position, text }`; anything else is left for checks. */
const option = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? { position: (v as Record<string, unknown>).position, text: (v as Record<string, unknown>).name }
    : v

/** peka2's poll routes (poll.md); none of them may run inside /api/bulk. */
export const peka2PollRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/poll/info',
    access: 'P',
    bulk: false,
    operation: `query($channel: String!) { channelPoll(channel: $channel) { ${POLL} } }`,
    variables: (b) => ({ channel: b.channel }),
    result: (d: { channelPoll: PollData | null }) => {
      // "may answer an error when no poll was ever started in the channel"
      if (!d.channelPoll)
        throw new AppError('POLL_NOT_FOUND', 'channel: no poll was ever started in this channel', { field: 'channel' })
      return info(d.channelPoll)
    },
  },
  {
    dialect: 'peka2',
    path: '/api/poll/start',
    access: 'A',
    bulk: false,
    // every documented field is required, donate too ("an error when one of them is missing")
    operation: `mutation($channel: String!, $question: String!, $options: [PollOptionInput!]!, $durationSeconds: Int!,
      $donate: Boolean!) {
      startChannelPoll(channel: $channel, question: $question, options: $options, durationSeconds: $durationSeconds,
        donate: $donate) { ${POLL} }
    }`,
    fields: { question: 'description', options: 'variants', durationSeconds: 'duration' },
    variables: (b) => ({
      channel: b.channel,
      question: b.description,
      options: Array.isArray(b.variants) ? b.variants.map(option) : b.variants,
      durationSeconds: b.duration,
      donate: b.donate,
    }),
    result: (d: { startChannelPoll: PollData }) => info(d.startChannelPoll),
  },
  {
    dialect: 'peka2',
    path: '/api/poll/vote',
    access: 'A',
    bulk: false,
    operation: `mutation($channel: String!, $position: Int!) {
      voteChannelPoll(channel: $channel, position: $position) { pollId }
    }`,
    variables: (b) => ({ channel: b.channel, position: b.position }),
    result: () => ({}),
  },
])
