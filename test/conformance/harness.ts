import { deflateSync } from 'node:zlib'
import type { TestApp } from '../helpers/app.js'
import { gqlRaw, rest } from '../helpers/clients.js'
import { pngChunk, PNG_SIGNATURE } from '../helpers/png.js'
import type { Inbox } from '../helpers/users.js'
import type { Stub } from '../helpers/thirdparty-provider.js'
import type { Shape } from './shape.js'
import { openSocket, type ConformanceSocket } from './sockets.js'

/**
 * What the tables are written with: the world the suite sets up (users, their sockets, values kept between entries)
 * and the request builders of each dialect. A builder returns an entry's `run`: it sends the documented request and
 * says whether the server knows the endpoint at all (`implemented`) and what it answered.
 */

/** Waits: an acknowledgement, and a server event after its trigger (generous: CI is a loaded 2-core VM). */
export const ACK_MS = 3_000
export const EVENT_MS = 3_000

/** The suite's users: `admin` holds every role, `streamer` is a masterstreamer with a stream, the others none. */
export type ActorName =
  | 'admin'
  | 'streamer'
  | 'alice'
  | 'bob'
  | 'carol'
  | 'dave'
  | 'erin'
  | 'frank'
  | 'gina'
  | 'hank'
  | 'ivan'
  | 'judy'
  | 'kate'
  | 'liam'
  | 'mike'
  | 'nina'
  | 'oscar'

export interface Actor {
  id: number
  name: string
  email: string
  password: string
  token: string
}

export interface World {
  t: TestApp
  url: string
  users: Record<ActorName, Actor>
  /** values entries keep for later ones (ids of what they made) */
  vars: Record<string, any>
  /** one-time codes the server mails (NOTIFY_WEBHOOK_URL) */
  inbox: Inbox
  /** the OAuth provider on localhost the app signs in with, as "stub" and as "goodgame" (thirdparty.md) */
  provider: Stub
  /** a GraphQL request as that user (a guest when none) that must succeed: its data */
  gql(query: string, variables?: Record<string, unknown>, as?: ActorName): Promise<any>
  /** the user's peka2 chat socket (socket.io 2, path `/`), signed in with /chat/login; null: a guest's */
  peka2Socket(as: ActorName | null): Promise<ConformanceSocket>
  /** the user's JustChat socket (socket.io 2, its default path), bound with `init` */
  justchatSocket(as: ActorName): Promise<ConformanceSocket>
  /** the user's messenger socket (socket.io 4, its default path), sent `authenticate` */
  messengerSocket(as: ActorName): Promise<ConformanceSocket>
  /** the messenger's session of that user: cookies and CSRF token from POST /api/login */
  messengerSession(as: ActorName): Promise<MessengerSession>
  close(): Promise<void>
}

export interface MessengerSession {
  cookies: Map<string, string>
  csrf: string | null
}

/** What a run saw: whether the server serves the endpoint, its status (HTTP) and body. */
export interface Outcome {
  implemented: boolean
  status?: number
  body?: unknown
  /** why not implemented, or what else is worth knowing */
  note?: string
}

export interface Entry {
  /** the documented key (spec-index.ts) */
  key: string
  /** one of several documented request forms or event kinds of the key */
  variant?: string
  run(w: World): Promise<Outcome>
  /** the documented success status (default 200; socket events have none) */
  status?: number | number[]
  /** the documented response */
  response: Shape
  /** why today's server differs from the spec: the entry may fail without failing the suite (one line) */
  knownGaps?: string
  /** deliberately not served yet: "not implemented" does not fail the suite; an answer must conform */
  pending?: string
  /** reads what later entries need from a successful answer */
  keep?(body: any, w: World): void | Promise<void>
}

export type Dyn<T> = T | ((w: World) => T | Promise<T>)
/** a JSON request body or event payload: an object, or (peka2's id lists) a list */
export type Json = Record<string, unknown> | unknown[]

/** Who sends a request: a user of the world, a guest (null), or a token the world holds (a login's). */
export type Who = ActorName | null | ((w: World) => string)
const tokenOf = (w: World, who: Who): string | undefined =>
  typeof who === 'function' ? who(w) : who ? w.users[who].token : undefined
const value = async <T>(v: Dyn<T>, w: World): Promise<T> =>
  typeof v === 'function' ? await (v as (w: World) => T | Promise<T>)(w) : v

const messageOf = (body: unknown): string => {
  if (typeof body === 'string') return body
  if (typeof body !== 'object' || body === null) return ''
  const b = body as { message?: unknown; error?: unknown }
  return typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : ''
}
const UNKNOWN = /Unknown endpoint|accepts POST only|Cannot (GET|POST|PUT|DELETE)|route not found/i

/** A PNG of that size, every call different pixels (content-addressed uploads must not collide). */
let pngSeed = 0
export function png(width: number, height: number): Buffer {
  const seed = ++pngSeed
  const raw = Buffer.alloc(height * (1 + width * 3))
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      raw.set([(x * 7 + seed) & 255, (y * 11 + seed * 3) & 255, (seed * 13) & 255], y * (1 + width * 3) + 1 + x * 3)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ])
}

export interface FilePart {
  field: string
  name: string
  bytes: Uint8Array
  type?: string
}

async function multipart(
  url: string,
  fields: Record<string, string>,
  file: FilePart,
  headers: Record<string, string>,
  method = 'POST',
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append(
    file.field,
    new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? 'image/png' }),
    file.name,
  )
  const res = await fetch(url, { method, headers, body: form })
  return { status: res.status, body: await bodyOf(res), headers: res.headers }
}

async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text()
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

// ---------------------------------------------------------------- peka2

/** peka2's unknown path is its 500 `{message: "Unknown endpoint …"}` (every error is 500). */
const peka2Outcome = (res: { status: number; body: unknown }): Outcome => {
  const unknown = res.status === 500 && UNKNOWN.test(messageOf(res.body))
  return unknown
    ? { implemented: false, status: res.status, body: res.body, note: messageOf(res.body) }
    : { implemented: true, status: res.status, body: res.body }
}

/** peka2 POST with a JSON body, the token as `Token: Bearer …` (peka2-api-index.md). */
export const post =
  (path: string, as: Who, body: Dyn<Json> = {}) =>
  async (w: World): Promise<Outcome> => {
    const token = tokenOf(w, as)
    return peka2Outcome(await rest(w.url, path, await value(body, w), token ? { token } : {}))
  }

/** peka2 GET with the request's fields in the query string (player.md). */
export const get =
  (path: string, as: ActorName | null, query: Dyn<Record<string, string>>) =>
  async (w: World): Promise<Outcome> => {
    const q = new URLSearchParams(await value(query, w))
    const res = await fetch(`${w.url}${path}?${q}`, {
      headers: as ? { token: `Bearer ${w.users[as].token}` } : {},
    })
    return peka2Outcome({ status: res.status, body: await bodyOf(res) })
  }

/** peka2 multipart upload: one file, plus the request's fields (room.md preview, smile.md add). */
export const upload =
  (path: string, as: ActorName, fields: Dyn<Record<string, string>>, file: Dyn<FilePart>) =>
  async (w: World): Promise<Outcome> =>
    peka2Outcome(
      await multipart(`${w.url}${path}`, await value(fields, w), await value(file, w), {
        token: `Bearer ${w.users[as].token}`,
      }),
    )

/** A peka2 chat event (chat.md): the acknowledgement `{status, result}` is the answer. */
export const ws =
  (event: string, as: ActorName | null, payload: Dyn<Json> = {}) =>
  async (w: World): Promise<Outcome> => {
    const s = await w.peka2Socket(as)
    const r = await s.ask(event, await value(payload, w), ACK_MS)
    return r.acked ? { implemented: true, body: r.answer } : { implemented: false, note: 'no acknowledgement' }
  }

/** A peka2 chat event on a socket of its own (opened, prepared by `before`, closed after). */
export const wsFresh =
  (event: string, payload: Dyn<Json>, before?: (s: ConformanceSocket, w: World) => Promise<unknown>) =>
  async (w: World): Promise<Outcome> => {
    const s = await openSocket(w.url, 2, [])
    try {
      await before?.(s, w)
      const r = await s.ask(event, await value(payload, w), ACK_MS)
      return r.acked ? { implemented: true, body: r.answer } : { implemented: false, note: 'no acknowledgement' }
    } finally {
      s.close()
    }
  }

/** A server event on `as`'s peka2 socket after `trigger` (which joins what it needs). */
export const peka2Event =
  (event: string, as: ActorName | null, trigger: (w: World) => Promise<unknown>, pick?: (p: any) => boolean) =>
  async (w: World): Promise<Outcome> => {
    const s = await w.peka2Socket(as)
    s.clear(event)
    await trigger(w)
    const got = await s.take(event, EVENT_MS, pick)
    return got ? { implemented: true, body: got.payload } : { implemented: false, note: `no ${event} event` }
  }

/**
 * A notification (notification.md): the `data` of a `/notifier/message` of that type reaching `as` (null: the guest's
 * socket) after `trigger`; `envelope` answers the whole event instead.
 */
export const notice =
  (type: string, as: ActorName | null, trigger: (w: World) => Promise<unknown>, envelope = false) =>
  async (w: World): Promise<Outcome> => {
    const o = await peka2Event('/notifier/message', as, trigger, (p) => p?.type === type)(w)
    if (!o.implemented) return { implemented: false, note: `no ${type} notification` }
    return envelope ? o : { implemented: true, body: (o.body as { data?: unknown }).data }
  }

/** An entry the suite cannot exercise here (it needs an outside service): reported as not implemented. */
export const cannot = (why: string) => () => Promise.resolve<Outcome>({ implemented: false, note: why })

// ---------------------------------------------------------------- JustChat

/** JustChat's unknown path: 404 `{error: "Unknown endpoint …"}`. */
const justchatOutcome = (res: { status: number; body: unknown }): Outcome => {
  const unknown = res.status === 404 && UNKNOWN.test(messageOf(res.body))
  return {
    implemented: !unknown,
    status: res.status,
    body: res.body,
    ...(unknown ? { note: messageOf(res.body) } : {}),
  }
}

/** JustChat POST: JSON, the session key in the body (justchat-api.md). */
export const jc =
  (path: string, as: ActorName | null, body: Dyn<Record<string, unknown>> = {}) =>
  async (w: World): Promise<Outcome> =>
    justchatOutcome(
      await rest(w.url, path, { ...(as ? { session_key: w.users[as].token } : {}), ...(await value(body, w)) }),
    )

/** JustChat /upload: multipart, the file in `photo`, the session key a field beside it. */
export const jcUpload =
  (path: string, as: ActorName, file: Dyn<FilePart>) =>
  async (w: World): Promise<Outcome> =>
    justchatOutcome(await multipart(`${w.url}${path}`, { session_key: w.users[as].token }, await value(file, w), {}))

/** A JustChat server event on `as`'s socket after `trigger`. */
export const jcEvent =
  (event: string, as: ActorName, trigger: (w: World) => Promise<unknown>, pick?: (p: any) => boolean) =>
  async (w: World): Promise<Outcome> => {
    const s = await w.justchatSocket(as)
    s.clear(event)
    await trigger(w)
    const got = await s.take(event, EVENT_MS, pick)
    return got ? { implemented: true, body: got.payload } : { implemented: false, note: `no ${event} event` }
  }

// ---------------------------------------------------------------- messenger

/** The messenger's unknown path: 404 without a known resource, or the peka2 dialect's unknown-endpoint answer. */
const messengerOutcome = (res: { status: number; body: unknown }): Outcome => {
  const unknown = (res.status === 404 || res.status === 500 || res.status === 405) && UNKNOWN.test(messageOf(res.body))
  const plain404 = res.status === 404 && typeof res.body === 'string'
  return unknown || plain404
    ? { implemented: false, status: res.status, body: res.body, note: messageOf(res.body) || `HTTP ${res.status}` }
    : { implemented: true, status: res.status, body: res.body }
}

const messengerHeaders = async (w: World, as: ActorName | null): Promise<Record<string, string>> => {
  if (!as) return {}
  const s = await w.messengerSession(as)
  return {
    cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}),
  }
}

/** A messenger REST request: JSON body, the session's cookies and X-CSRF-Token (messenger-api.md). */
export const m =
  (method: string, path: Dyn<string>, as: ActorName | null, body?: Dyn<Json>) =>
  async (w: World): Promise<Outcome> => {
    const b = body === undefined ? undefined : await value(body, w)
    const res = await fetch(`${w.url}${await value(path, w)}`, {
      method,
      headers: {
        ...(b === undefined ? {} : { 'content-type': 'application/json' }),
        ...(await messengerHeaders(w, as)),
      },
      body: b === undefined ? undefined : JSON.stringify(b),
    })
    return messengerOutcome({ status: res.status, body: await bodyOf(res) })
  }

/** A messenger multipart request (files, emojis, stickers). */
export const mUpload =
  (path: Dyn<string>, as: ActorName, fields: Record<string, string>, file: () => FilePart) =>
  async (w: World): Promise<Outcome> =>
    messengerOutcome(await multipart(`${w.url}${await value(path, w)}`, fields, file(), await messengerHeaders(w, as)))

/** Reads the messenger session a login answer starts: its cookies, and a CSRF token from a header or cookie. */
export function messengerSessionOf(res: Response, into: MessengerSession) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';')
    const i = pair.indexOf('=')
    if (i > 0) into.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim())
  }
  const header = res.headers.get('x-csrf-token')
  const cookie = [...into.cookies].find(([k]) => /csrf/i.test(k))?.[1]
  into.csrf = header ?? cookie ?? into.csrf
}

/**
 * A messenger socket event: `as` emits `event` (the client event), then `expect` (a server event) must reach
 * `listener`'s socket. The client event is served when the server acknowledges it or the expected event comes; the
 * answer is the expected event's data.
 */
export const mEmit =
  (
    event: string,
    as: ActorName,
    payload: Dyn<Json>,
    expect: { event: string; listener?: ActorName; pick?: (p: any) => boolean; ms?: number },
  ) =>
  async (w: World): Promise<Outcome> => {
    if (w.vars.messengerSocketsDown) return { implemented: false, note: 'the server serves no messenger socket event' }
    const listener = await w.messengerSocket(expect.listener ?? as)
    const s = await w.messengerSocket(as)
    listener.clear(expect.event)
    const ack = s.ask(event, await value(payload, w), expect.ms ?? ACK_MS)
    const got = await listener.take(expect.event, expect.ms ?? EVENT_MS, expect.pick)
    const acked = (await ack).acked
    if (got) return { implemented: true, body: got.payload }
    return acked
      ? { implemented: true, body: undefined, note: `acknowledged, but no ${expect.event} event` }
      : { implemented: false, note: `no acknowledgement and no ${expect.event} event` }
  }

/** A GraphQL request that must succeed (setup through the API, as a client). */
export async function must(w: { url: string }, query: string, variables: Record<string, unknown>, token?: string) {
  const r = await gqlRaw(w.url, query, variables, token)
  if (r.errors?.length || !r.data) throw new Error(`setup: ${query.slice(0, 80)}: ${JSON.stringify(r.errors)}`)
  return r.data
}

/** Opens the sockets of a world, once per user and dialect. */
export function socketPool(url: string, users: Record<ActorName, Actor>, events: Record<string, readonly string[]>) {
  const open = new Map<string, Promise<ConformanceSocket>>()
  const once = (key: string, make: () => Promise<ConformanceSocket>) => {
    let s = open.get(key)
    if (!s) open.set(key, (s = make()))
    return s
  }
  return {
    peka2: (as: ActorName | null) =>
      once(`peka2:${as ?? 'guest'}`, async () => {
        const s = await openSocket(url, 2, events.peka2)
        if (as) {
          const r = await s.ask('/chat/login', { token: users[as].token }, ACK_MS)
          if (!r.acked) throw new Error('setup: /chat/login was not acknowledged')
        }
        return s
      }),
    justchat: (as: ActorName) =>
      once(`justchat:${as}`, async () => {
        const s = await openSocket(url, 2, events.justchat, { path: '/socket.io/' })
        s.emit('init', { session_key: users[as].token })
        await s.take('ready', EVENT_MS)
        return s
      }),
    messenger: (as: ActorName) =>
      once(`messenger:${as}`, async () => {
        const s = await openSocket(url, 4, events.messenger, { path: '/socket.io/' })
        await s.ask('authenticate', { token: users[as].token }, 500)
        return s
      }),
    async close() {
      for (const s of open.values()) (await s.catch(() => null))?.close()
    },
  }
}
