import { createClient, type Client } from 'graphql-ws'
import WebSocket from 'ws'

export interface GqlResult<T = any> {
  status: number
  data?: T
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[]
}

/** GraphQL over HTTP POST, as a browser client sends it. */
export async function gql<T = any>(
  base: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
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
  const body = (await res.json()) as GqlResult<T>
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

export interface WsSubscription<T = any> {
  /** the next event, or a rejection after `ms` */
  next(ms?: number): Promise<T>
  /** resolves true when no event arrives within `ms` */
  nothingWithin(ms: number): Promise<boolean>
  unsubscribe(): void
}

export function wsClient(base: string, token?: string): Client {
  return createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  })
}

/** Subscribes and buffers events, so a test can await them one at a time. */
export function subscribe<T = any>(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): WsSubscription<T> {
  const queue: any[] = []
  const waiters: ((v: any) => void)[] = []
  const push = (v: any) => (waiters.length ? waiters.shift()!(v) : queue.push(v))
  const dispose = client.subscribe(
    { query, variables },
    { next: (v) => push(v), error: (e) => push({ error: e }), complete: () => push({ complete: true }) },
  )
  const take = (ms: number) =>
    new Promise<any>((resolve, reject) => {
      if (queue.length) return resolve(queue.shift())
      const t = setTimeout(() => {
        const i = waiters.indexOf(w)
        if (i >= 0) waiters.splice(i, 1)
        reject(new Error(`no event within ${ms} ms`))
      }, ms)
      const w = (v: any) => {
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
