import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Context, ContextInput } from './context.js'
import type { Services } from './services.js'
import { resolveViewer } from './auth/sessions.js'
import { clientIp } from './http/client-ip.js'
import { bearer } from './http/respond.js'

/**
 * Where a token may come from: Authorization / peka2 Token headers, JustChat session_key, graphql-ws
 * connectionParams.
 */
function tokenOf(input: ContextInput): string | null {
  if (input.restToken) return input.restToken
  const cp = input.connectionParams
  if (cp) {
    const v = cp.authorization ?? cp.Authorization ?? cp.token ?? cp.session_key
    if (typeof v === 'string') return bearer(v) ?? v
  }
  const h = input.request?.headers
  if (h) return bearer(h.get('authorization')) ?? bearer(h.get('token'))
  // the fast path (src/http/graphql-fast-path.ts) has Node's request only
  const raw = input.req?.headers
  if (raw) return bearer(raw.authorization) ?? bearer(raw.token)
  return null
}

const digest = (s: string) => createHash('sha256').update(s).digest()

export function createContextFactory(services: Services) {
  const operatorHash = services.config.operatorToken ? digest(services.config.operatorToken) : null
  return async (input: ContextInput): Promise<Context> => {
    const token = tokenOf(input)
    // compared as digests: equal length, constant time
    const automation = !!token && !!operatorHash && timingSafeEqual(digest(token), operatorHash)
    const viewer =
      token && !automation ? await resolveViewer(services.prisma, services.config.sessionSecret, token) : null
    return {
      operator: automation || (viewer?.roles.roleAdmin ?? 0) > 0,
      config: services.config,
      prisma: services.prisma,
      pubsub: services.pubsub,
      services,
      viewer,
      token: viewer ? token : null,
      requestId: input.requestId ?? randomUUID(),
      ip: clientIp(input.req, services.config.trustProxy),
      userAgent: input.request?.headers.get('user-agent') ?? input.req?.headers['user-agent'] ?? '',
    }
  }
}
