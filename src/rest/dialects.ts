import type { IncomingHttpHeaders } from 'node:http'
import type { Dialect } from './route.js'
import { statusOfCode } from '../errors.js'
import { bearer } from '../http/respond.js'

export interface DialectRules {
  /** does this path belong to the dialect (for unknown-path answers) */
  owns(path: string): boolean
  token(headers: IncomingHttpHeaders, body: Record<string, unknown>): string | null
  /** error → status and body in the dialect's documented form */
  error(code: string, message: string): { status: number; body: unknown }
}


export const DIALECTS: Record<Dialect, DialectRules> = {
  // peka2-api-index.md: errors are HTTP 500 {message}; unknown paths 404, throttling 429 (Retry-After header).
  peka2: {
    owns: (p) => p === '/api' || p.startsWith('/api/'),
    token: (h) => bearer(h['token']) ?? bearer(h['authorization']),
    error: (code, message) => ({
      status: code === 'NOT_FOUND_ROUTE' ? 404 : code === 'RATE_LIMIT_EXCEEDED' ? 429 : 500,
      body: { message },
    }),
  },
  // justchat-api.md: HTTP status codes with {error}; the session key travels in the body.
  justchat: {
    owns: (p) => /^\/(init|room|user|gifts|complaints|upload|dialogs?|messages?|balance|coins)(\/|$)/.test(p),
    token: (h, body) => (typeof body.session_key === 'string' ? body.session_key : bearer(h['authorization'])),
    // 440 Login Timeout is JustChat's answer to a missing or expired session.
    error: (code, message) => ({
      status: code === 'NOT_FOUND_ROUTE' ? 404 : code === 'UNAUTHENTICATED' ? 440 : statusOfCode(code),
      body: { error: message },
    }),
  },
}

export function dialectOfPath(path: string): Dialect | null {
  for (const [name, rules] of Object.entries(DIALECTS)) if (rules.owns(path)) return name as Dialect
  return null
}
