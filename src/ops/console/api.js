// The console's only way to the server: GraphQL over HTTP POST for queries and mutations, graphql-ws for subscriptions,
// both to this origin with the operator's bearer token.
import { createClient } from './vendor/graphql-ws/client.js'

const TOKEN_KEY = 'streamhub.ops.token'
const WHO_KEY = 'streamhub.ops.who'

/** The signed-in operator of this tab, if any: sessionStorage, so a closed tab forgets the token. */
export function savedSession() {
  const token = sessionStorage.getItem(TOKEN_KEY)
  if (!token) return null
  const who = JSON.parse(sessionStorage.getItem(WHO_KEY) ?? 'null') ?? { label: 'operator', account: false }
  return { token, ...who }
}

export function saveSession(session) {
  sessionStorage.setItem(TOKEN_KEY, session.token)
  sessionStorage.setItem(WHO_KEY, JSON.stringify({ label: session.label, account: session.account }))
}

export function forgetSession() {
  sessionStorage.removeItem(TOKEN_KEY)
  sessionStorage.removeItem(WHO_KEY)
}

/** GraphQL errors as one Error: `code` is the first error's extensions.code. */
export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; ') || 'request failed')
    this.errors = errors
    this.code = errors[0]?.extensions?.code ?? null
  }
}

/** graphql-ws hands errors as a GraphQL error list, a CloseEvent or an Error: always an ApiError here. */
function asApiError(e) {
  if (e instanceof ApiError) return e
  if (Array.isArray(e)) return new ApiError(e)
  if (e && typeof e === 'object' && 'code' in e && 'reason' in e)
    return new ApiError([{ message: `connection closed (${e.code}${e.reason ? `: ${e.reason}` : ''})` }])
  return new ApiError([{ message: String(e?.message ?? e) }])
}

/** The field is not in this server's schema (its plugin is not installed, or the API is older than the console). */
export const isMissingField = (err) =>
  err instanceof ApiError && err.errors.some((e) => /^Cannot query field /.test(e.message))

/** The token does not carry the operator scope (or any sign-in at all). */
export const isAccessDenied = (err) =>
  err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'INSUFFICIENT_PERMISSIONS')

export async function gql(token, query, variables) {
  let res
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    })
  } catch (e) {
    throw new ApiError([{ message: `network error: ${e.message}` }])
  }
  let body
  try {
    body = await res.json()
  } catch {
    throw new ApiError([{ message: `HTTP ${res.status}` }])
  }
  if (body.errors?.length) throw new ApiError(body.errors)
  if (!body.data) throw new ApiError([{ message: `HTTP ${res.status}` }])
  return body.data
}

/**
 * One graphql-ws connection per signed-in tab, retried for as long as the page is open; `onStatus` hears
 * 'connecting' | 'live' | 'reconnecting'.
 */
export function liveClient(token, onStatus) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`
  const client = createClient({
    url,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    on: {
      connecting: () => onStatus('connecting'),
      connected: () => onStatus('live'),
      closed: () => onStatus('reconnecting'),
    },
  })
  return {
    /** Subscribes; returns the function that ends it. */
    subscribe(query, onData, onError) {
      return client.subscribe(
        { query },
        {
          next: (r) => (r.errors?.length ? onError(new ApiError(r.errors)) : onData(r.data)),
          error: (e) => onError(asApiError(e)),
          complete: () => {
            // the server ended it (its plugin switched off …): the panel keeps what it shows
          },
        },
      )
    },
    dispose: () => client.dispose(),
  }
}
