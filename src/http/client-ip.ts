import type { IncomingMessage } from 'node:http'

/**
 * The client's address: the socket's, or — behind a reverse proxy the operator vouches for (TRUST_PROXY=true) — the
 * left-most X-Forwarded-For entry, so rate limits and login history see users rather than the proxy.
 */
export function clientIp(req: IncomingMessage | undefined, trustProxy: boolean): string {
  if (!req) return 'unknown'
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for']
    const first = (Array.isArray(xff) ? xff[0] : xff)?.split(',')[0]?.trim()
    if (first) return first.slice(0, 64)
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed non-null, but Node may null it
  return req.socket?.remoteAddress ?? 'unknown'
}
