import type { ServerResponse } from 'node:http'

/** A JSON response with a length; every hand-written response (REST shim, health, 429s) goes through here. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/** The token of a `Bearer <token>` header value (Authorization, peka2's Token, graphql-ws connectionParams). */
export function bearer(v: unknown): string | null {
  const s: unknown = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? (/^Bearer\s+(\S+)$/i.exec(s)?.[1] ?? null) : null
}
