import { defineErrors } from '../../src/errors.js'

/**
 * The direct messages' error codes (in the app's registry while the plugin is enabled). JustChat answers 400 for a
 * missing `user`/`text` and 403 for a refusal; the messenger names TOO_MANY_FRIEND_REQUESTS.
 */
export const DM_ERRORS = defineErrors('dms', {
  DM_NOT_ALLOWED: { status: 403, message: 'This user does not accept direct messages from you' },
  DM_CONVERSATION_NOT_FOUND: { status: 404, message: 'Conversation not found' },
  TOO_MANY_FRIEND_REQUESTS: { status: 429, message: 'Too many friend requests' },
  FRIEND_REQUEST_NOT_FOUND: { status: 404, message: 'Friend request not found' },
  FRIEND_REQUEST_EXISTS: { status: 409, message: 'You have already asked this user' },
  FRIEND_LIMIT_REACHED: { status: 409, message: 'A user has at most 1,000 friends' },
  ALREADY_FRIENDS: { status: 409, message: 'You are friends already' },
  NOT_FRIENDS: { status: 404, message: 'This user is not your friend' },
})

type DmErrors = typeof DM_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends DmErrors {}
}
