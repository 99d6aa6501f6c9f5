import { defineErrors } from '../../src/errors.js'

/** Moderation's error codes: civil bans, complaints and support tickets (in the app's registry while it is enabled). */
export const MODERATION_ERRORS = defineErrors('moderation', {
  BAN_REASON_NOT_FOUND: { status: 404, message: 'Ban reason not found' },
  REASON_NOT_ALLOWED: { status: 403, message: 'You may not accuse with this reason' },
  NO_CITIZENSHIP: { status: 403, message: 'Only citizens may accuse' },
  DUPLICATE_ACCUSATION: { status: 409, message: 'You already accused this user for this reason' },
  TOO_MANY_ACCUSATIONS: { status: 429, message: 'Too many accusations: at most 5 in 10 minutes' },
  BAN_NOT_FOUND: { status: 404, message: 'Ban not found' },
  BAN_ALREADY_UNDONE: { status: 409, message: 'This ban was already undone' },
  COMPLAINT_NOT_FOUND: { status: 404, message: 'Complaint not found' },
  // support tickets
  CATEGORY_NOT_FOUND: { status: 404, message: 'Category not found' },
  QUESTION_NOT_FOUND: { status: 404, message: 'Question not found' },
  SUPPORT_DENIED: { status: 403, message: 'You may not ask support questions' },
  TOO_MANY_OPEN_QUESTIONS: { status: 409, message: 'You already have 3 questions without an answer' },
})

type ModerationErrors = typeof MODERATION_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends ModerationErrors {}
}
