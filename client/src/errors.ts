import type { GraphQLFormattedError } from 'graphql'
import { ERROR_CODES, type ErrorCode, type ErrorCodeSpec } from './generated/errors.js'

export { ERROR_CODES, type ErrorCode, type ErrorCodeSpec }

/** Codes of the SDK's own, for failures with no answer from the server's registry. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'HTTP_ERROR' | 'SOCKET_CLOSED'

/**
 * What every SDK call throws or hands to a subscription's `error`: the server's `extensions.code` (an ErrorCode; a
 * code this SDK does not know yet is passed through as is), whether the same request may succeed later, and the input
 * field at fault when the server names one.
 */
export class StreamhubError extends Error {
  override readonly name = 'StreamhubError'
  constructor(
    message: string,
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    readonly retryable: boolean,
    readonly field?: string,
    /** seconds until a retry may succeed, when the server says (rate limits) */
    readonly retryAfter?: number,
    readonly status?: number,
  ) {
    super(message)
  }

  /** From a GraphQL error of a response: its code looked up in the registry. */
  static fromGraphQL(e: GraphQLFormattedError): StreamhubError {
    const ext = e.extensions ?? {}
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR'
    const spec = (ERROR_CODES as Record<string, ErrorCodeSpec | undefined>)[code]
    return new StreamhubError(
      e.message,
      code,
      spec?.retryable ?? false,
      typeof ext.field === 'string' ? ext.field : undefined,
      typeof ext.retryAfter === 'number' ? ext.retryAfter : undefined,
      spec?.status,
    )
  }

  /** From an HTTP answer that carried no GraphQL errors: overload and server faults may pass. */
  static fromStatus(status: number, message: string): StreamhubError {
    return new StreamhubError(message, 'HTTP_ERROR', status === 429 || status >= 500, undefined, undefined, status)
  }
}

/** Anything a transport failed with, as a StreamhubError. */
export function toStreamhubError(e: unknown): StreamhubError {
  if (e instanceof StreamhubError) return e
  if (Array.isArray(e) && e.length > 0) return StreamhubError.fromGraphQL(e[0] as GraphQLFormattedError)
  // a WebSocket CloseEvent (graphql-ws hands it over when it gives up reconnecting)
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'number') {
    const reason = 'reason' in e && typeof e.reason === 'string' && e.reason ? e.reason : 'connection closed'
    return new StreamhubError(`${reason} (${e.code})`, 'SOCKET_CLOSED', e.code !== 1000 && e.code < 4400)
  }
  return new StreamhubError(e instanceof Error ? e.message : String(e), 'NETWORK_ERROR', true)
}
