import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print, type ExecutionResult } from 'graphql'
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws'
import { StreamhubError, toStreamhubError } from './errors.js'
import { readEventStream } from './sse.js'

export * from './errors.js'
export * from './operations.js'
export { graphql } from './generated/index.js'

type Variables = Record<string, unknown>
/** Variables may be left out when the operation has none or only optional ones. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V]

export interface ClientOptions {
  /** the GraphQL endpoint, e.g. `https://example.org/graphql`; subscriptions use the same path over ws(s) */
  url: string
  /** bearer token of a signed-in user (login's `token`); setToken changes it */
  token?: string
  /** defaults to the global fetch */
  fetch?: typeof fetch
  /** a WebSocket constructor where there is no global one (Node: the `ws` package) */
  webSocketImpl?: unknown
  /**
   * how subscriptions travel: graphql-ws (default) or server-sent events over POST, for networks that block sockets;
   * both reconnect with backoff and subscribe again
   */
  transport?: 'ws' | 'sse'
  /** reconnect attempts in a row before a subscription fails (default 10) */
  retryAttempts?: number
  /** first reconnect delay in ms, doubled each attempt up to 30 s, with jitter (default 1000) */
  retryBaseMs?: number
}

export interface Sink<R> {
  next(data: R): void
  error?(error: StreamhubError): void
  complete?(): void
}

export interface StreamhubClient {
  query<R, V extends Variables>(doc: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<R>
  mutate<R, V extends Variables>(doc: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<R>
  /** starts a subscription; the returned function stops it */
  subscribe<R, V extends Variables>(doc: TypedDocumentNode<R, V>, variables: V, sink: Sink<R>): () => void
  /** the token for the next request and the next (re)connection; null signs out */
  setToken(token: string | null): void
  /** closes the socket and stops every subscription */
  dispose(): Promise<void>
}

/** Exponential backoff with full jitter, capped: spreads reconnecting clients out after a server restart. */
export const backoffMs = (retries: number, baseMs: number, capMs = 30_000) =>
  Math.round(Math.min(capMs, baseMs * 2 ** retries) * (0.5 + Math.random() / 2))

/** An error result inside an event stream: handed to the sink, never retried. */
class FinalResult extends Error {
  constructor(readonly error: StreamhubError) {
    super(error.message)
  }
}

/** Waits `ms`, or less when `signal` aborts. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })

export function createClient(options: ClientOptions): StreamhubClient {
  let token = options.token ?? null
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const authHeaders = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {})
  const baseMs = options.retryBaseMs ?? 1000
  let ws: WsClient | undefined
  const sseStops = new Set<() => void>()

  async function request<R>(doc: TypedDocumentNode<R, Variables>, variables: Variables | undefined): Promise<R> {
    let res: Response
    try {
      res = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...authHeaders() },
        body: JSON.stringify({ query: print(doc), variables: variables ?? {} }),
      })
    } catch (e) {
      throw toStreamhubError(e)
    }
    let body: ExecutionResult<R> | undefined
    try {
      body = (await res.json()) as ExecutionResult<R>
    } catch {
      throw StreamhubError.fromStatus(res.status, `HTTP ${res.status} without a GraphQL answer`)
    }
    if (body.errors?.length) throw StreamhubError.fromGraphQL(body.errors[0])
    if (!body.data) throw StreamhubError.fromStatus(res.status, `HTTP ${res.status} without data`)
    return body.data
  }

  function wsClient(): WsClient {
    ws ??= createWsClient({
      url: options.url.replace(/^http/, 'ws'),
      webSocketImpl: options.webSocketImpl,
      // read at every (re)connection, so setToken applies to the next one
      connectionParams: () => authHeaders(),
      lazy: true,
      retryAttempts: options.retryAttempts ?? 10,
      // a dropped socket (1006, a restart's 1001/1012) is worth another try; graphql-ws still gives up on its fatal codes
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffMs(retries, baseMs))),
    })
    return ws
  }

  /**
   * A subscription over server-sent events. A stream that breaks off without `complete` (a dropped connection, a
   * restart) or a retryable HTTP answer (429, 5xx) is opened again with the same backoff as graphql-ws; an error
   * result from the server, another HTTP error or running out of attempts ends it with `error`.
   */
  function subscribeSse<R>(doc: TypedDocumentNode<R, Variables>, variables: Variables, sink: Sink<R>): () => void {
    const abort = new AbortController()
    const stop = () => abort.abort()
    sseStops.add(stop)
    const attempts = options.retryAttempts ?? 10
    const body = JSON.stringify({ query: print(doc), variables })
    /** one connection: true when the server completed the subscription */
    async function connect(onOpen: () => void): Promise<boolean> {
      const res = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeaders() },
        body,
        signal: abort.signal,
      })
      if (!res.ok || !res.body)
        throw StreamhubError.fromStatus(res.status, `HTTP ${res.status} instead of an event stream`)
      onOpen()
      return readEventStream(res.body, (result) => {
        if (result.errors?.length) throw new FinalResult(StreamhubError.fromGraphQL(result.errors[0]))
        if (result.data) sink.next(result.data as R)
      })
    }
    void (async () => {
      let retries = 0
      try {
        for (;;) {
          let failure: StreamhubError
          try {
            if (await connect(() => (retries = 0))) break
            failure = new StreamhubError('the event stream ended without completing', 'NETWORK_ERROR', true)
          } catch (e) {
            if (abort.signal.aborted) break
            if (e instanceof FinalResult) throw e.error
            failure = toStreamhubError(e)
            if (!failure.retryable) throw failure
          }
          if (retries >= attempts) throw failure
          await pause(backoffMs(retries++, baseMs), abort.signal)
          if (abort.signal.aborted) break
        }
        sink.complete?.()
      } catch (e) {
        sink.error?.(toStreamhubError(e))
      } finally {
        sseStops.delete(stop)
      }
    })()
    return stop
  }

  return {
    query: (doc, ...[variables]) => request(doc as TypedDocumentNode<never, Variables>, variables),
    mutate: (doc, ...[variables]) => request(doc as TypedDocumentNode<never, Variables>, variables),
    subscribe(doc, variables, sink) {
      if (options.transport === 'sse') return subscribeSse(doc as TypedDocumentNode<never, Variables>, variables, sink)
      return wsClient().subscribe<typeof sink extends Sink<infer R> ? R : never>(
        { query: print(doc), variables },
        {
          next: (result) => {
            if (result.errors?.length) sink.error?.(StreamhubError.fromGraphQL(result.errors[0]))
            else if (result.data) sink.next(result.data)
          },
          error: (e) => sink.error?.(toStreamhubError(e)),
          complete: () => sink.complete?.(),
        },
      )
    },
    setToken(next) {
      token = next
    },
    async dispose() {
      for (const stop of sseStops) stop()
      await ws?.dispose()
      ws = undefined
    },
  }
}
