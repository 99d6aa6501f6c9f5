import { messengerErrorBody } from '../rest/dialects.js'
import type { SocketDialect } from './events.js'

export interface SocketDialectRules {
  /** the acknowledgement of an event that succeeded */
  ok(result: unknown): unknown
  /**
   * the acknowledgement of a refused event (or the `error` event when the client asked for none); `field`: the input
   * the refusal names, if any
   */
  fail(code: string, message: string, statusOf: (code: string) => number, field?: string): unknown
}

export const SOCKET_DIALECTS: Record<SocketDialect, SocketDialectRules> = {
  // peka2's socket protocol, "Формат ответа": every client event is answered through its callback; an error's result carries
  // the message.
  peka2: {
    ok: (result) => ({ status: 'ok', result: result ?? {} }),
    fail: (_code, message) => ({ status: 'error', result: { message } }),
  },
  // justchat-api.md: socket messages carry `error: null`; a refusal carries the message and the HTTP status the same
  // request gets over REST (440: the session is missing or expired).
  justchat: {
    ok: (result) => ({ error: null, ...(isObject(result) ? result : {}) }),
    fail: (code, message, statusOf) => ({ error: message, status: code === 'UNAUTHENTICATED' ? 440 : statusOf(code) }),
  },
  // messenger-api.md: an event with a callback gets its result there ({ ok: true } when it has none to give); a refusal
  // is the REST dialect's error body, {error, code, details}.
  messenger: {
    ok: (result) => result ?? { ok: true },
    fail: (code, message, _statusOf, field) => messengerErrorBody(code, message, field),
  },
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
