import type { Dialect, Method } from '../route.js'
import { MESSENGER_CSRF_COOKIE, MESSENGER_SESSION_COOKIE } from '../messenger-session.js'
import type { JsonSchema } from './json-schema.js'

/** Security requirement alternatives: each one a set of schemes sent together. */
export type Security = Record<string, string[]>[]

/** What an OpenAPI document says of a dialect as a whole: how it signs requests in (src/rest/dialects.ts `token`). */
export interface DialectDoc {
  title: string
  description: string
  securitySchemes: Record<string, JsonSchema>
  /** the ways a request of this method can carry the session */
  security(method: Method): Security
  /** a body field carrying the session, on requests whose fields travel in the body (JustChat's `session_key`) */
  sessionField?: string
}

const BEARER = { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <session token>`' }

export const DIALECT_DOCS: Record<Dialect, DialectDoc> = {
  peka2: {
    title: 'peka2 REST API',
    description:
      'The peka2 dialect (docs/spec/peka2-api-index.md): POST with a JSON body, 200 with the answer, 500 `{message}` ' +
      'for every error but throttling (429, with Retry-After). Several requests can share one POST /api/bulk.',
    securitySchemes: {
      token: {
        type: 'apiKey',
        in: 'header',
        name: 'Token',
        description: '`Token: Bearer <session token>`, as peka2 documents it',
      },
      bearer: BEARER,
    },
    security: (): Security => [{ token: [] }, { bearer: [] }],
  },
  justchat: {
    title: 'JustChat REST API',
    description:
      'The JustChat dialect (docs/spec/justchat-api.md): POST with a JSON body; errors are `{error}` with an HTTP ' +
      'status, 440 for a missing or expired session. The session travels in the body as `session_key` ' +
      '(or as `Authorization: Bearer`).',
    securitySchemes: {
      session_key: {
        type: 'apiKey',
        in: 'query',
        name: 'session_key',
        description: 'the session key; requests with a body send it as the body field `session_key`',
      },
      bearer: BEARER,
    },
    security: (method): Security => (method === 'GET' ? [{ session_key: [] }, { bearer: [] }] : [{ bearer: [] }]),
    sessionField: 'session_key',
  },
  messenger: {
    title: 'Messenger REST API',
    description:
      'The messenger dialect (docs/spec/messenger-api.md): REST methods and paths, errors `{error, code, details}` ' +
      'with an HTTP status. A browser signs in with POST /api/login and is then known by an HttpOnly session cookie ' +
      'plus the X-CSRF-Token header login hands out; other clients send `Authorization: Bearer`.',
    securitySchemes: {
      bearer: BEARER,
      session_cookie: {
        type: 'apiKey',
        in: 'cookie',
        name: MESSENGER_SESSION_COOKIE,
        description: `the session cookie login sets; counts only with X-CSRF-Token (the \`${MESSENGER_CSRF_COOKIE}\` cookie's value)`,
      },
      csrf_token: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'the CSRF token login hands out' },
    },
    security: (): Security => [{ bearer: [] }, { session_cookie: [], csrf_token: [] }],
  },
}
