import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { bearer } from '../http/respond.js'

/**
 * messenger-api.md: a browser signs in with POST /api/login and is then known by an HttpOnly session cookie; every
 * cookie-authenticated request must also carry X-CSRF-Token, the token bound to that session (an HMAC of the session
 * token with the app's session secret), which login hands out as a readable cookie and a response header. Another
 * site can make the browser send the cookie, but cannot read the CSRF token to send along.
 */
export const MESSENGER_SESSION_COOKIE = 'session'
export const MESSENGER_CSRF_COOKIE = 'csrf_token'
const CSRF_HEADER = 'x-csrf-token'

export const csrfTokenOf = (secret: string, session: string) =>
  createHmac('sha256', secret).update(`messenger-csrf:${session}`).digest('base64url')

function cookiesOf(headers: IncomingHttpHeaders): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=')
    if (i <= 0) continue
    try {
      out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()))
    } catch {
      // a malformed cookie value is no session
    }
  }
  return out
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The request's session token: `Authorization: Bearer`, or the session cookie when X-CSRF-Token matches it. A cookie
 * without the matching header counts as no session (the route then answers 401 if it needs one).
 */
export function messengerToken(headers: IncomingHttpHeaders, secret: string): string | null {
  const fromHeader = bearer(headers.authorization)
  if (fromHeader) return fromHeader
  const session = cookiesOf(headers).get(MESSENGER_SESSION_COOKIE)
  const csrf = headers[CSRF_HEADER]
  if (!session || typeof csrf !== 'string') return null
  return same(csrf, csrfTokenOf(secret, session)) ? session : null
}

const SESSION_ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Lax'
// readable by the page's script, which echoes it in X-CSRF-Token
const CSRF_ATTRIBUTES = 'Path=/; Secure; SameSite=Lax'

/** Login's headers (`token`: the new session) or logout's (null: both cookies cleared). */
export function messengerSessionHeaders(
  token: string | null,
  ttlDays: number,
  secret: string,
): Record<string, string | string[]> {
  if (token === null)
    return {
      'set-cookie': [
        `${MESSENGER_SESSION_COOKIE}=; ${SESSION_ATTRIBUTES}; Max-Age=0`,
        `${MESSENGER_CSRF_COOKIE}=; ${CSRF_ATTRIBUTES}; Max-Age=0`,
      ],
    }
  const csrf = csrfTokenOf(secret, token)
  const age = `Max-Age=${ttlDays * 86_400}`
  return {
    'set-cookie': [
      `${MESSENGER_SESSION_COOKIE}=${encodeURIComponent(token)}; ${SESSION_ATTRIBUTES}; ${age}`,
      `${MESSENGER_CSRF_COOKIE}=${csrf}; ${CSRF_ATTRIBUTES}; ${age}`,
    ],
    'x-csrf-token': csrf,
  }
}
