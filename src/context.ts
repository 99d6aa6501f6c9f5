import type { IncomingMessage } from 'node:http'
import type { Config } from './config.js'
import type { Db } from './db/client.js'
import type { AppPubSub } from './pubsub/index.js'
import type { Roles } from './auth/roles.js'
import type { Services } from './services.js'
import type { FrameSink } from './app/shared-subscriptions.js'
import type { OAuthViewer } from './core/oauth/scopes.js'

export interface Viewer {
  id: number
  name: string
  sessionId: number
  roles: Roles
  /** an OAuth access token's application and scopes in force (src/core/oauth); its roles are cut to those scopes */
  oauth?: OAuthViewer
}

/**
 * Per-request state: one for each HTTP request, REST call and graphql-ws operation (a subscription's events share
 * theirs). It holds no loaders: related rows are read with Prisma's findUnique, which batches the lookups of one tick
 * into one statement.
 */
export interface Context {
  config: Config
  prisma: Db
  pubsub: AppPubSub
  services: Services
  viewer: Viewer | null
  requestId: string
  ip: string
  userAgent: string
  /** the raw token the request carried, if any (logout revokes it) */
  token: string | null
  /** may switch plugins and read the operator console's data: roleAdmin, or the OPERATOR_TOKEN (then viewer is null) */
  operator: boolean
}

export interface ContextInput {
  request?: Request
  req?: IncomingMessage
  connectionParams?: Record<string, unknown>
  /** the operation came over a graphql-ws socket (which ends itself when its session does) */
  socket?: true
  restToken?: string | null
  requestId?: string
  /** the body of a /graphql request the fast path read before handing it to Yoga (src/http/graphql-fast-path.ts) */
  bodyText?: string
  /** a graphql-ws operation's socket: subscription results are written to it as frames directly */
  frames?: FrameSink
}
