import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print, type DocumentNode } from 'graphql'
import { createClient, type Client } from 'graphql-ws'
import WebSocket from 'ws'

export interface GqlError {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; field?: string; [k: string]: unknown }
}

export interface GqlResult<T = unknown> {
  status: number
  data?: T | null
  errors?: GqlError[]
}

/** Variables as a document declares them (generated `…Variables` types). */
type Variables = Record<string, unknown>

/** The variables argument for a document: required when it declares a required variable. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V]

/** What follows the document in `gql`: its variables, a token, extra headers. */
export type GqlArgs<V> = [...VariablesArg<V>, token?: string, headers?: Record<string, string>]

const printed = new WeakMap<DocumentNode, string>()
const source = (doc: DocumentNode) => {
  let text = printed.get(doc)
  if (text === undefined) printed.set(doc, (text = print(doc)))
  return text
}

/**
 * GraphQL over HTTP POST, as a browser client sends it. The document is a `graphql(…)` from test/generated: codegen
 * checked it against schema.graphql, and it types the variables (required when it declares a required one) and the
 * result.
 */
export function gql<R, V extends Variables>(
  base: string,
  doc: TypedDocumentNode<R, V>,
  ...args: GqlArgs<V>
): Promise<GqlResult<R>>
export function gql(
  base: string,
  doc: DocumentNode,
  variables?: Variables,
  token?: string,
  headers: Record<string, string> = {},
) {
  return post(base, source(doc), variables, token, headers)
}

/**
 * The same request, untyped: for a document codegen must not see (invalid on purpose, built at run time, naming a
 * fixture plugin's fields that schema.graphql lacks), or a typed one sent with wrong variables on purpose.
 */
export const gqlRaw = (
  base: string,
  query: string | DocumentNode,
  variables?: Variables,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GqlResult<any>> => post(base, typeof query === 'string' ? query : source(query), variables, token, headers)

async function post<R>(
  base: string,
  query: string,
  variables: Variables | undefined,
  token: string | undefined,
  headers: Record<string, string>,
): Promise<GqlResult<R>> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as GqlResult<R>
  return { ...body, status: res.status }
}

/** The first error code of a result (undefined when it succeeded). */
export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code

/** A legacy REST call: POST with a JSON body (or raw text when `raw` is given). */
export async function rest(
  base: string,
  path: string,
  body?: unknown,
  opts: { token?: string; headers?: Record<string, string>; raw?: string; peka2Token?: boolean } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers }
  if (opts.token) headers[opts.peka2Token === false ? 'authorization' : 'token'] = `Bearer ${opts.token}`
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers,
    body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, body: json, headers: res.headers }
}

/** One message of a graphql-ws subscription: a result, or how it ended (an `error` or `complete`). */
export interface SubEvent<T = unknown> {
  data?: T | null
  errors?: GqlError[]
  /** what graphql-ws hands over: the operation's GraphQL errors (an array), the socket's CloseEvent, or an Error */
  error?: any
  complete?: true
}

export interface WsSubscription<E = SubEvent> {
  /** the next event, or a rejection after `ms` */
  next(ms?: number): Promise<E>
  /** resolves true when no event arrives within `ms` */
  nothingWithin(ms: number): Promise<boolean>
  unsubscribe(): void
}

/** Disposes graphql-ws clients, together. */
export const disposeAll = (clients: Client[]) =>
  Promise.all(
    clients.map(async (c) => {
      await c.dispose()
    }),
  )

/** A raw WebSocket message as text (ws hands over a Buffer, an ArrayBuffer or the fragments). */
export const textOf = (m: WebSocket.RawData) =>
  (Buffer.isBuffer(m) ? m : Array.isArray(m) ? Buffer.concat(m) : Buffer.from(m)).toString()

export function wsClient(base: string, token?: string): Client {
  return createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  })
}

/** Subscribes and buffers events, so a test can await them one at a time: a typed document, as for `gql`. */
export function subscribe<R, V extends Variables>(
  client: Client,
  doc: TypedDocumentNode<R, V>,
  ...args: VariablesArg<V>
): WsSubscription<SubEvent<R>>
export function subscribe(client: Client, doc: DocumentNode, variables?: Variables) {
  return buffered(client, source(doc), variables)
}

/** `subscribe`, untyped (see `gqlRaw`). */
export const subscribeRaw = (
  client: Client,
  query: string | DocumentNode,
  variables?: Variables,
): WsSubscription<SubEvent<any>> => buffered(client, typeof query === 'string' ? query : source(query), variables)

function buffered<E>(client: Client, query: string, variables?: Variables): WsSubscription<E> {
  const queue: E[] = []
  const waiters: ((v: E) => void)[] = []
  const push = (v: E) => (waiters.length ? waiters.shift()!(v) : queue.push(v))
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (v) => push(v as E),
      error: (e: unknown) => push({ error: e } as E),
      complete: () => push({ complete: true } as E),
    },
  )
  const take = (ms: number) =>
    new Promise<E>((resolve, reject) => {
      if (queue.length) {
        resolve(queue.shift()!)
        return
      }
      const t = setTimeout(() => {
        const i = waiters.indexOf(w)
        if (i >= 0) waiters.splice(i, 1)
        reject(new Error(`no event within ${ms} ms`))
      }, ms)
      const w = (v: E) => {
        clearTimeout(t)
        resolve(v)
      }
      waiters.push(w)
    })
  return {
    next: (ms = 5000) => take(ms),
    nothingWithin: (ms) =>
      take(ms).then(
        () => false,
        () => true,
      ),
    unsubscribe: dispose,
  }
}

/** Waits until `cond` holds, polling: for conditions that have no event to await (listener counts, Redis SUBSCRIBE). */
export async function until(cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition') {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await cond()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A file part of a multipart request: its name, bytes, and the type the client claims (the server must not trust it). */
export interface UploadPart {
  name: string
  bytes: Uint8Array
  type?: string
}

/** A file part as a Blob (claimed type: `type`, default image/png). */
export const blobOf = (p: UploadPart) => new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.type ?? 'image/png' })

/**
 * A GraphQL multipart request (graphql-multipart-request-spec), as browsers send one: `file` goes into
 * `variables.file`, beside the other `variables`.
 */
export async function gqlUpload<R, V extends { file: File }>(
  base: string,
  doc: TypedDocumentNode<R, V>,
  file: UploadPart,
  token?: string,
  variables?: Omit<V, 'file'>,
): Promise<GqlResult<R>> {
  const form = new FormData()
  form.append('operations', JSON.stringify({ query: print(doc), variables: { ...variables, file: null } }))
  form.append('map', JSON.stringify({ 0: ['variables.file'] }))
  form.append('0', blobOf(file), file.name)
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: form,
  })
  return { ...((await res.json()) as GqlResult<R>), status: res.status }
}
