import { defineErrors } from '../../src/errors.js'

/**
 * The polls' error codes (in the app's registry while the plugin is enabled). POLL_NOT_FOUND is the messenger's;
 * peka2 answers every refusal as its 500 with the message.
 */
export const POLL_ERRORS = defineErrors('polls', {
  POLL_NOT_FOUND: { status: 404, message: 'Poll not found' },
  POLL_OPTION_NOT_FOUND: { status: 404, message: 'The poll has no such option' },
  POLL_ALREADY_ACTIVE: { status: 409, message: 'This channel has a running poll: end it first' },
  POLL_ALREADY_EXISTS: { status: 409, message: 'This message has a poll already' },
  POLL_ENDED: { status: 409, message: 'The poll has ended' },
  POLL_ALREADY_VOTED: { status: 409, message: 'You have voted in this poll already' },
  POLL_NOT_VOTED: { status: 409, message: 'You have not voted in this poll' },
  POLL_VOTE_FINAL: { status: 409, message: 'Votes in a channel poll are final' },
  POLL_PAID_VOTES_OFF: { status: 409, message: 'This poll takes no paid votes' },
  POLL_DONATE_UNAVAILABLE: { status: 409, message: 'Paid votes need the store, which is not enabled' },
})

type PollErrors = typeof POLL_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends PollErrors {}
}
