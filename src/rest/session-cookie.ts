import type { RestBody, SessionCookie } from './route.js'

/**
 * peka2's login cookie (common.md: "an http-only cookie is set on a successful login, for funstream.tv's preload";
 * logout destroys it). The document gives no name: `token`, as its header and answers call the session. It carries
 * the session token for the site's own pages; this API never reads it — a request is signed in by its Token or
 * Authorization header only, so a cross-site form cannot act with it (peka2 bodies may be text/plain). Secure and
 * SameSite=Lax: sent over HTTPS only, and not with another site's subrequests.
 */
export const SESSION_COOKIE = 'token'

const ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Lax'

/** The Set-Cookie value a route's answer carries, or null. `ttlDays`: the session lifetime (SESSION_TTL_DAYS). */
export function sessionCookieOf(
  cookie: SessionCookie | undefined,
  data: unknown,
  body: RestBody,
  ttlDays: number,
): string | null {
  if (!cookie) return null
  if (cookie === 'clear') return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`
  return `${SESSION_COOKIE}=${encodeURIComponent(cookie.set(data, body))}; ${ATTRIBUTES}; Max-Age=${ttlDays * 86_400}`
}
