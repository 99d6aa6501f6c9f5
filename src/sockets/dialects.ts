import type { SocketDialect } from './events.js'

export interface SocketDialectRules {
  /** the acknowledgement of an event that succeeded */
  ok(result: unknown): unknown
  /** the acknowledgement of a refused event (or the `error` event when the client asked for none) */
  fail(code: string, message: string, statusOf: (code: string) => number): unknown
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
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
