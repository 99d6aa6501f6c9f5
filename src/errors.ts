import { GraphQLError } from 'graphql'

/**
 * The one registry of error codes. GraphQL shows the code as `extensions.code`; each REST dialect maps it to its own
 * documented status. Codes follow messenger-api.md where it has one.
 */
export const ERRORS = {
  INVALID_INPUT: { status: 400, message: 'Invalid input' },
  MISSING_REQUIRED_FIELD: { status: 400, message: 'Missing required field' },
  INVALID_EMAIL: { status: 400, message: 'Invalid email' },
  INVALID_PHONE: { status: 400, message: 'Invalid phone number' },
  INVALID_USERNAME: { status: 400, message: 'Invalid username' },
  WEAK_PASSWORD: { status: 400, message: 'Password is too weak' },
  BAD_REQUEST: { status: 400, message: 'Bad request' },
  UNAUTHENTICATED: { status: 401, message: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, message: 'Invalid credentials' },
  INVALID_TOKEN: { status: 401, message: 'Invalid or expired token' },
  INVALID_CODE: { status: 401, message: 'Invalid or expired code' },
  INSUFFICIENT_PERMISSIONS: { status: 403, message: 'Insufficient permissions' },
  USER_BLOCKED: { status: 403, message: 'User is blocked' },
  CAPTCHA_REQUIRED: { status: 403, message: 'Captcha check failed' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  USER_NOT_FOUND: { status: 404, message: 'User not found' },
  ROLE_NOT_FOUND: { status: 404, message: 'Role not found' },
  CHANNEL_NOT_FOUND: { status: 404, message: 'Channel not found' },
  MESSAGE_NOT_FOUND: { status: 404, message: 'Message not found' },
  USER_ALREADY_EXISTS: { status: 409, message: 'User already exists' },
  CONFLICT: { status: 409, message: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Content-Type must be application/json' },
  RATE_LIMIT_EXCEEDED: { status: 429, message: 'Rate limit exceeded' },
  TOO_MANY_SUBSCRIPTIONS: { status: 429, message: 'Too many operations at once on this connection' },
  TOO_MANY_MESSAGES: { status: 429, message: 'Too many messages' },
  COST_LIMIT_EXCEEDED: { status: 400, message: 'Query cost limit exceeded' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal server error' },
  // moderation: civil bans, channel sanctions, complaints
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
  // uploads (smiles, icons)
  FILE_COUNT_INVALID: { status: 400, message: 'Exactly one file is required' },
  FILE_EMPTY: { status: 400, message: 'The file is empty' },
  FILE_TOO_LARGE: { status: 413, message: 'The file is too large' },
  INVALID_IMAGE: { status: 400, message: 'The file is not a PNG image' },
  INVALID_IMAGE_SIZE: { status: 400, message: 'The image has the wrong dimensions' },
  // smiles
  INVALID_SMILE_CODE: { status: 400, message: 'Invalid smile code' },
  SMILE_NOT_FOUND: { status: 404, message: 'Smile not found' },
  SMILE_NOT_OWNED: { status: 403, message: 'This smile belongs to someone else' },
  SMILE_CODE_TAKEN: { status: 409, message: 'A smile with this code already exists' },
  SMILE_CHANGES_PENDING: { status: 409, message: 'Smile changes are awaiting approval' },
  SMILE_NO_CHANGES: { status: 409, message: 'There are no smile changes to submit' },
  SMILE_NOT_SUBMITTED: { status: 404, message: 'This user has no smile changes awaiting approval' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS

/** A rule broken by the caller: thrown by services, rendered by GraphQL and by each REST dialect. */
export class AppError extends GraphQLError {
  readonly code: ErrorCode
  readonly status: number
  constructor(code: ErrorCode, message?: string, extra: { field?: string; retryAfter?: number; [k: string]: unknown } = {}) {
    super(message ?? ERRORS[code].message, { extensions: { code, ...extra } })
    this.code = code
    this.status = ERRORS[code].status
  }
  get field(): string | undefined {
    return this.extensions.field as string | undefined
  }
}

export const invalid = (field: string, message: string, code: ErrorCode = 'INVALID_INPUT') =>
  new AppError(code, `${field}: ${message}`, { field })

export function statusOfCode(code: unknown): number {
  return typeof code === 'string' && code in ERRORS ? ERRORS[code as ErrorCode].status : 500
}
