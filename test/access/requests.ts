import { randomBytes, randomUUID } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { pngChunk } from '../helpers/png.js'
import { createClient } from 'graphql-ws'
import WebSocket from 'ws'
import type { TestApp } from '../helpers/app.js'
import type { AccessApp } from './app.js'
import type { Vars } from './rules.js'

/** Requests as clients send them: GraphQL over HTTP (multipart for uploads), graphql-ws, and the REST dialects. */

/** Stands for an uploaded file in variables: the request goes out as a GraphQL multipart request. */
export const UPLOAD = Symbol('upload')

export interface GqlAnswer {
  status: number
  data?: Record<string, any> | null
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[]
}

/** A GraphQL request over HTTP, multipart when a variable is UPLOAD (a fresh 30×30 PNG). */
export async function ask(t: TestApp, query: string, variables: Vars = {}, token?: string): Promise<GqlAnswer> {
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  }
  const uploads = Object.keys(variables).filter((k) => variables[k] === UPLOAD)
  let body: string | FormData
  if (uploads.length) {
    const form = new FormData()
    const vars = { ...variables }
    for (const k of uploads) vars[k] = null
    form.append('operations', JSON.stringify({ query, variables: vars }))
    form.append('map', JSON.stringify(Object.fromEntries(uploads.map((k, i) => [i, [`variables.${k}`]]))))
    uploads.forEach((_k, i) => {
      form.append(String(i), new Blob([new Uint8Array(smilePng())], { type: 'image/png' }), `acc${randomHex()}.png`)
    })
    body = form
  } else {
    headers['content-type'] = 'application/json'
    body = JSON.stringify({ query, variables })
  }
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body })
  const text = await res.text()
  try {
    return { ...(JSON.parse(text) as GqlAnswer), status: res.status }
  } catch {
    return { status: res.status, errors: [{ message: text.slice(0, 200) }] }
  }
}

/** A short random tag for names that must not repeat. */
export const randomHex = () => randomBytes(4).toString('hex')

/** A valid 30×30 RGB PNG (a smile) with pixels of its own, so no two uploads share a hash. */
export function smilePng(): Buffer {
  const [w, h] = [30, 30]
  const raw = randomBytes(h * (1 + w * 3))
  for (let y = 0; y < h; y++) raw[y * (1 + w * 3)] = 0
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const sig = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    sig,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ])
}

/** A subscription's first answer: an event, its errors, its end, or nothing (`silent`: it is subscribed). */
export type FirstEvent = { kind: 'next' | 'error'; result: GqlAnswer } | { kind: 'silent' | 'complete' }

/**
 * The first answer of a subscription over graphql-ws. A refusal comes as soon as the server has run the operation's
 * subscribe step; silence means subscribed, but "silent" must not just mean "slow" on a loaded machine. So a query
 * sent on the same socket right after paces the wait: once it is answered (the server has come that far), a further
 * `graceMs` of silence counts as subscribed. `expectRefusal` waits for the refusal up to `maxMs` instead.
 */
export async function firstEvent(
  t: TestApp,
  query: string,
  variables: Vars,
  token: string | undefined,
  opts: { expectRefusal: boolean; graceMs?: number; maxMs?: number },
): Promise<FirstEvent> {
  const { graceMs = 300, maxMs = 15_000 } = opts
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  })
  const timers: NodeJS.Timeout[] = []
  try {
    return await new Promise<FirstEvent>((resolve) => {
      timers.push(setTimeout(() => resolve({ kind: 'silent' }), maxMs))
      client.subscribe(
        { query, variables },
        {
          next: (v) => resolve({ kind: 'next', result: { status: 200, ...v } as GqlAnswer }),
          // graphql-ws ends an operation that failed before its first event with `error`: the GraphQL errors
          error: (e) =>
            resolve({ kind: 'error', result: { status: 200, data: null, errors: e as GqlAnswer['errors'] } }),
          complete: () => resolve({ kind: 'complete' }),
        },
      )
      if (opts.expectRefusal) return
      client.subscribe(
        { query: '{ __typename }' },
        {
          next: () => timers.push(setTimeout(() => resolve({ kind: 'silent' }), graceMs)),
          error: () => {},
          complete: () => {},
        },
      )
    })
  } finally {
    for (const timer of timers) clearTimeout(timer)
    await client.dispose()
  }
}

/** A value as a path segment or query parameter carries it: strings as they are, anything else as JSON. */
const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

/** A REST call as its dialect's clients send it, with the code the app logged for a refusal. */
export async function restCall(
  t: AccessApp,
  route: { path: string; dialect: string; body?: string; method?: string },
  body: unknown,
  token: string | undefined,
): Promise<{ status: number; body: unknown; code: string | undefined }> {
  const requestId = randomUUID()
  const headers: Record<string, string> = { 'x-request-id': requestId }
  if (token && route.dialect === 'peka2') headers.token = `Bearer ${token}`
  if (token && route.dialect === 'messenger') headers.authorization = `Bearer ${token}`
  const method = route.method ?? 'POST'
  // the messenger's `:name` path parameters come from the body's fields of that name; GET and DELETE carry the rest
  // in the query string
  let path = route.path
  if ((route.dialect === 'messenger' || method === 'GET') && body && typeof body === 'object' && !Array.isArray(body)) {
    const fields = new Map(Object.entries(body as Vars))
    path = path.replace(/:(\w+)/g, (_m, name: string) => {
      const v = fields.get(name) ?? '0'
      fields.delete(name)
      return encodeURIComponent(asText(v))
    })
    const rest = Object.fromEntries(fields)
    body = rest
    if (method === 'GET' || method === 'DELETE') {
      const q = new URLSearchParams([...fields].map(([k, v]) => [k, asText(v)])).toString()
      const res = await fetch(`${t.url}${path}${q ? `?${q}` : ''}`, { method, headers })
      return answerOf(t, res, requestId)
    }
  }
  let payload: string | FormData
  if (route.body === 'multipart') {
    const form = new FormData()
    if (token && route.dialect === 'justchat') form.append('session_key', token)
    for (const [k, v] of Object.entries((body ?? {}) as Vars)) form.append(k, String(v))
    form.append('file', new Blob([new Uint8Array(smilePng())], { type: 'image/png' }), `acc${randomHex()}.png`)
    payload = form
  } else {
    headers['content-type'] = 'application/json'
    const withKey =
      token && route.dialect === 'justchat' && !Array.isArray(body) ? { ...(body as Vars), session_key: token } : body
    payload = JSON.stringify(withKey)
  }
  return answerOf(t, await fetch(`${t.url}${path}`, { method, headers, body: payload }), requestId)
}

async function answerOf(t: AccessApp, res: Response, requestId: string) {
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    /* the raw text then */
  }
  return { status: res.status, body: parsed, code: t.refusals.get(requestId) }
}

/** Runs tasks at most `n` at a time (the embedded database serves one connection: a burst only queues). */
export async function inBatches<T>(tasks: (() => Promise<T>)[], n = 8): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      out[i] = await tasks[i]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, worker))
  return out
}
