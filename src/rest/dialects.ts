import type { IncomingHttpHeaders } from 'node:http'
import type { Dialect, RestBody } from './route.js'
import { bearer } from '../http/respond.js'
import { messengerSessionHeaders, messengerToken } from './messenger-session.js'
import { matchPath } from './path-pattern.js'

export interface DialectRules {
  /**
   * Does this path belong to the dialect (for unknown-path and throttling answers in its form)? `roots`: the first
   * path segments of the dialect's enabled routes ("init" for /init/reg …), so a disabled plugin's paths are not
   * claimed; `patterns`: the enabled routes' paths themselves (`/api/guilds/:id`).
   */
  owns(path: string, roots: ReadonlySet<string>, patterns: readonly string[]): boolean
  /** the request's session token; `secret`: the app's session secret (the messenger's CSRF tokens) */
  token(headers: IncomingHttpHeaders, body: RestBody, secret: string): string | null
  /**
   * error → status and body in the dialect's documented form; `statusOf`: the app's error registry; `field`: the
   * input the error names, if any
   */
  error(
    code: string,
    message: string,
    statusOf: (code: string) => number,
    field?: string,
  ): { status: number; body: unknown }
  /** the headers a login (`token`) or logout (null) answer carries; default: peka2's session cookie */
  sessionHeaders?(token: string | null, ttlDays: number, secret: string): Record<string, string | string[]>
}

/** messenger-api.md "Коды ошибок" names some of the registry's codes its own way. */
const MESSENGER_CODES: Record<string, string> = {
  ROOM_NOT_FOUND: 'GUILD_NOT_FOUND',
  ROOM_CHANNEL_NOT_FOUND: 'CHANNEL_NOT_FOUND',
  ROOM_NOT_ADMIN: 'INSUFFICIENT_PERMISSIONS',
  ROOM_NO_ACCESS: 'NOT_CHANNEL_MEMBER',
  NOT_FOUND_ROUTE: 'NOT_FOUND',
}

/** The messenger's error body ("Коды ошибок"), on REST and on its socket alike. */
export const messengerErrorBody = (code: string, message: string, field?: string) => ({
  error: message,
  code: MESSENGER_CODES[code] ?? code,
  details: field ? { field } : {},
})

const rootOf = (path: string) => path.split('/')[1] ?? ''

// The order is the order of ownership: the messenger's paths are checked before peka2 claims the rest of /api.
export const DIALECTS: Record<Dialect, DialectRules> = {
  // messenger-api.md: HTTP statuses with {error, code, details}; it owns exactly the paths its enabled routes match.
  messenger: {
    owns: (p, _roots, patterns) => patterns.some((pattern) => matchPath(pattern, p) !== null),
    token: (h, _body, secret) => messengerToken(h, secret),
    error: (code, message, statusOf, field) => ({
      status: code === 'NOT_FOUND_ROUTE' ? 404 : code === 'METHOD_NOT_ALLOWED' ? 405 : statusOf(code),
      body: messengerErrorBody(code, message, field),
    }),
    sessionHeaders: messengerSessionHeaders,
  },
  // peka2-api-index.md: every path under /api is the dialect's; every error is HTTP 500 {message} — an unknown path
  // too, as peka2 clients only tell success (200) from error (500) — but throttling, 429 (Retry-After header).
  peka2: {
    owns: (p) => p === '/api' || p.startsWith('/api/'),
    token: (h) => bearer(h.token) ?? bearer(h.authorization),
    error: (code, message) => ({ status: code === 'RATE_LIMIT_EXCEEDED' ? 429 : 500, body: { message } }),
  },
  // justchat-api.md: HTTP status codes with {error}; the session key travels in the body. Its paths have no common
  // prefix: the dialect owns the path families (/init/… and those of plugins) its enabled routes live in.
  justchat: {
    owns: (p, roots) => roots.has(rootOf(p)),
    token: (h, body) => {
      const key = Array.isArray(body) ? undefined : body.session_key
      return typeof key === 'string' ? key : bearer(h.authorization)
    },
    // 440 Login Timeout is JustChat's answer to a missing or expired session.
    error: (code, message, statusOf) => ({
      status: code === 'NOT_FOUND_ROUTE' ? 404 : code === 'UNAUTHENTICATED' ? 440 : statusOf(code),
      body: { error: message },
    }),
  },
}

/** Which dialect answers a path, given the enabled routes. */
export function dialectResolver(
  routes: readonly { dialect: Dialect; path: string }[],
): (path: string) => Dialect | null {
  const roots = new Map<Dialect, Set<string>>()
  const patterns = new Map<Dialect, string[]>()
  for (const r of routes) {
    let set = roots.get(r.dialect)
    if (!set) roots.set(r.dialect, (set = new Set()))
    set.add(rootOf(r.path))
    patterns.set(r.dialect, [...(patterns.get(r.dialect) ?? []), r.path])
  }
  const none = new Set<string>()
  const names = Object.keys(DIALECTS) as Dialect[]
  return (path) => names.find((d) => DIALECTS[d].owns(path, roots.get(d) ?? none, patterns.get(d) ?? [])) ?? null
}
