import { AppError } from '../../../src/errors.js'
import { defineRoutes } from '../../../src/rest/route.js'
import { int } from '../../../src/rest/params.js'

/**
 * messenger-api.md "Опросы": a poll attached to a chat message. Poll and option ids travel as strings, as the
 * document writes them ("poll_id", "1").
 */
const POLL = 'databaseId question multiple endsAt options { databaseId text votes }'
interface Poll {
  databaseId: number
  question: string
  multiple: boolean
  endsAt: string
  options: { databaseId: number; text: string; votes: number }[]
}
const poll = (p: Poll) => ({
  id: String(p.databaseId),
  question: p.question,
  options: p.options.map((o) => ({ id: String(o.databaseId), text: o.text, votes: o.votes })),
  expires_at: p.endsAt,
  allow_multiple: p.multiple,
})

/** `option_id` (one, as documented) or a list of them (a multiple-choice poll) */
const optionIds = (v: unknown) => (Array.isArray(v) ? v.map(int) : v === undefined ? undefined : [int(v)])

export const messengerPollRoutes = defineRoutes([
  {
    dialect: 'messenger',
    path: '/api/messages/:id/poll',
    access: 'A',
    operation: `mutation($messageId: Int!, $question: String!, $options: [String!]!, $multiple: Boolean, $hours: Int) {
      createMessagePoll(messageId: $messageId, question: $question, options: $options, multiple: $multiple,
        expiresHours: $hours) { ${POLL} }
    }`,
    variables: (b) => ({
      messageId: int(b.id),
      question: b.question,
      options: b.options,
      multiple: b.allow_multiple ?? null,
      hours: b.expires_hours ?? null,
    }),
    fields: { messageId: 'id', multiple: 'allow_multiple', hours: 'expires_hours' },
    status: () => 201,
    result: (d: { createMessagePoll: Poll }) => poll(d.createMessagePoll),
  },
  {
    dialect: 'messenger',
    path: '/api/polls/:id/vote',
    access: 'A',
    operation: `mutation($pollId: Int!, $optionIds: [Int!]!) {
      votePoll(pollId: $pollId, optionIds: $optionIds) { poll { ${POLL} } }
    }`,
    variables: (b) => ({ pollId: int(b.id), optionIds: optionIds(b.option_id) }),
    fields: { pollId: 'id', optionIds: 'option_id' },
    result: (d: { votePoll: { poll: Poll | null } }) => {
      // null: a poll the viewer may no longer read
      if (!d.votePoll.poll) throw new AppError('POLL_NOT_FOUND', undefined, { field: 'id' })
      return poll(d.votePoll.poll)
    },
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/messages/:id/poll',
    access: 'A',
    operation: `query($messageId: Int!) { messagePoll(messageId: $messageId) { ${POLL} viewerVotes } }`,
    variables: (b) => ({ messageId: int(b.id) }),
    fields: { messageId: 'id' },
    result: (d: { messagePoll: (Poll & { viewerVotes: number[] }) | null }) => {
      // messagePoll answers null for a message without a poll
      if (!d.messagePoll) throw new AppError('POLL_NOT_FOUND', undefined, { field: 'id' })
      return { ...poll(d.messagePoll), user_votes: d.messagePoll.viewerVotes.map(String) }
    },
  },
])
