import { GraphQLError } from 'graphql'

export interface ErrorSpec {
  status: number
  message: string
}

export type ErrorTable = Readonly<Record<string, ErrorSpec>>

/**
 * The core's error codes. With each enabled plugin's own (`definePlugin({ errors })`, made by defineErrors) they form
 * the one registry of an app. GraphQL shows the code as `extensions.code`; each REST dialect maps it to its own
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
  // plugin switches at run time (src/app/live-plugins.ts)
  PLUGIN_UNKNOWN: { status: 404, message: 'No such plugin' },
  PLUGIN_REQUIRED: { status: 409, message: 'Enabled plugins require this plugin' },
  PLUGIN_REQUIREMENT_OFF: { status: 409, message: 'A plugin this plugin requires is off' },
  PLUGIN_START_FAILED: { status: 500, message: 'The plugin could not start' },
  PLUGIN_DISABLED: { status: 410, message: 'The plugin was switched off' },
  // uploads (src/uploads/, for every plugin that takes files)
  FILE_COUNT_INVALID: { status: 400, message: 'Exactly one file is required' },
  FILE_EMPTY: { status: 400, message: 'The file is empty' },
  FILE_TOO_LARGE: { status: 413, message: 'The file is too large' },
  INVALID_IMAGE: { status: 400, message: 'The file is not a PNG image' },
  INVALID_IMAGE_SIZE: { status: 400, message: 'The image has the wrong dimensions' },
  INVALID_FILE_TYPE: { status: 415, message: 'This kind of file is not accepted here' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Content-Type must be application/json' },
  RATE_LIMIT_EXCEEDED: { status: 429, message: 'Rate limit exceeded' },
  TOO_MANY_SUBSCRIPTIONS: { status: 429, message: 'Too many operations at once on this connection' },
  TOO_MANY_MESSAGES: { status: 429, message: 'Too many messages' },
  COST_LIMIT_EXCEEDED: { status: 400, message: 'Query cost limit exceeded' },
  // PERSISTED_OPERATIONS (src/http/persisted-operations.ts)
  PERSISTED_QUERY_ONLY: { status: 400, message: 'Only persisted operations are accepted' },
  PERSISTED_QUERY_NOT_FOUND: { status: 400, message: 'Unknown persisted operation' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal server error' },
} as const satisfies ErrorTable

type CoreErrors = typeof ERRORS

/**
 * Every code a service may throw, for the compiler: the core's, and each plugin's, merged in from the plugin's
 * errors.ts (`type MyErrors = typeof MY_ERRORS;`
 * `declare module '…/src/errors.js' { interface ErrorCodes extends MyErrors {} }`), so
 * `new AppError('SOME_PLUGIN_CODE')` type-checks and a misspelt code does not.
 */
export interface ErrorCodes extends CoreErrors {}

export type ErrorCode = Extract<keyof ErrorCodes, string>

/**
 * Status and default message of every code defined in this process (the core's and those of every plugin module
 * loaded), for AppError's defaults. Which codes an app *has* is its ErrorRegistry (core + enabled plugins).
 */
const defined = new Map<string, ErrorSpec>(Object.entries(ERRORS))

/** A plugin's error table: SCREAMING_SNAKE codes, none of them defined elsewhere with another status or message. */
export function defineErrors<const T extends ErrorTable>(owner: string, table: T): T {
  for (const [code, spec] of Object.entries(table)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`${owner}: error code "${code}" must be SCREAMING_SNAKE_CASE`)
    const seen = defined.get(code)
    if (seen && (seen.status !== spec.status || seen.message !== spec.message))
      throw new Error(`${owner}: error code ${code} is already defined with another meaning`)
    defined.set(code, spec)
  }
  return table
}

/** A rule broken by the caller: thrown by services, rendered by GraphQL and by each REST dialect. */
export class AppError extends GraphQLError {
  readonly code: ErrorCode
  readonly status: number
  constructor(
    code: ErrorCode,
    message?: string,
    extra: { field?: string; retryAfter?: number; [k: string]: unknown } = {},
  ) {
    // A code without a spec belongs to a plugin module that did not load: still an error the caller sees, as a 500.
    const spec = defined.get(code) ?? { status: 500, message: code }
    super(message ?? spec.message, { extensions: { code, ...extra } })
    this.code = code
    this.status = spec.status
  }
  get field(): string | undefined {
    return this.extensions.field as string | undefined
  }
  /** seconds until a refused request may be retried (rate limits) */
  get retryAfter(): number | undefined {
    return this.extensions.retryAfter as number | undefined
  }
}

export const invalid = (field: string, message: string, code: ErrorCode = 'INVALID_INPUT') =>
  new AppError(code, `${field}: ${message}`, { field })

/** The error codes of one app: the core's and its enabled plugins' — a disabled plugin's codes are not among them. */
export interface ErrorRegistry {
  codes: () => string[]
  /** HTTP status of a code (REST dialects); 500 for a code this app does not have */
  status: (code: string) => number
}

export function createErrorRegistry(tables: ErrorTable[]): ErrorRegistry {
  const all = new Map<string, ErrorSpec>()
  for (const table of [ERRORS, ...tables]) for (const [code, spec] of Object.entries(table)) all.set(code, spec)
  return {
    codes: () => [...all.keys()],
    status: (code) => all.get(code)?.status ?? 500,
  }
}
