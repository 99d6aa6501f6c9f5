import type { IncomingHttpHeaders } from 'node:http'
import type { Dialect, RestBody } from './route.js'
import { bearer } from '../http/respond.js'

export interface DialectRules {
  /**
   * Does this path belong to the dialect (for unknown-path and throttling answers in its form)? `roots`: the first
   * path segments of the dialect's enabled routes ("init" for /init/reg …), so a disabled plugin's paths are not
   * claimed.
   */
  owns(path: string, roots: ReadonlySet<string>): boolean
  token(headers: IncomingHttpHeaders, body: RestBody): string | null
  /** error → status and body in the dialect's documented form; `statusOf`: the app's error registry */
  error(code: string, message: string, statusOf: (code: string) => number): { status: number; body: unknown }
}

const rootOf = (path: string) => path.split('/')[1] ?? ''

export const DIALECTS: Record<Dialect, DialectRules> = {
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
  for (const r of routes) {
    let set = roots.get(r.dialect)
    if (!set) roots.set(r.dialect, (set = new Set()))
    set.add(rootOf(r.path))
  }
  const none = new Set<string>()
  const names = Object.keys(DIALECTS) as Dialect[]
  return (path) => names.find((d) => DIALECTS[d].owns(path, roots.get(d) ?? none)) ?? null
}
