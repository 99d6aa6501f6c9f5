import { io as ioV4 } from 'socket.io-client'
// socket.io-client 2 (engine.io protocol 3): the revision peka2's and JustChat's documented clients speak
import ioV2 from 'socket.io-client-v2'

/** The protocol revision of a legacy client: socket.io-client 2 (EIO3) or 4 (EIO4). */
export type Revision = 2 | 4

interface AnySocket {
  connected: boolean
  on(event: string, fn: (...args: any[]) => void): unknown
  off(event: string, fn?: (...args: any[]) => void): unknown
  emit(event: string, ...args: any[]): unknown
  close(): unknown
}

export interface LegacyClient {
  socket: AnySocket
  /** emits with an acknowledgement callback and resolves with what the server acknowledged */
  ask(event: string, payload?: unknown, ms?: number): Promise<any>
  /** the next server event of that name (events that came before are kept in order) */
  next(event: string, ms?: number): Promise<any>
  /** true when no event of that name arrives within `ms` */
  nothingWithin(event: string, ms: number): Promise<boolean>
  close(): void
}

/**
 * A real socket.io client of the given revision, connected the way the documented examples do (websocket only; path
 * `/` unless told otherwise), with every server event queued by name.
 */
export async function legacyClient(
  url: string,
  revision: Revision,
  opts: { path?: string; transports?: string[] } = {},
): Promise<LegacyClient> {
  const options = {
    transports: opts.transports ?? ['websocket'],
    path: opts.path ?? '/',
    reconnection: false,
    forceNew: true,
  }
  const socket: AnySocket = revision === 4 ? ioV4(url, options) : (ioV2(url, options) as AnySocket)
  const queues = new Map<string, any[]>()
  const waiters = new Map<string, ((v: any) => void)[]>()
  const push = (event: string, payload: any) => {
    const w = waiters.get(event)?.shift()
    if (w) w(payload)
    else queues.set(event, [...(queues.get(event) ?? []), payload])
  }
  for (const e of [
    '/chat/message',
    '/chat/message/remove',
    '/notifier/message',
    'ready',
    'error',
    'message',
    'service-message',
    'direct-message',
    'read-message',
    'gift-message',
    // the messenger's (messenger-api.md "WebSocket события")
    'messages_history',
    'new_message',
    'message_edited',
    'message_deleted',
    'user_typing',
    'user_stopped_typing',
    'reaction_added',
    'reaction_removed',
    'message_pinned',
    'message_unpinned',
  ])
    socket.on(e, (payload: any) => push(e, payload))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket.io ${revision} did not connect`)), 10_000)
    socket.on('connect', () => {
      clearTimeout(timer)
      resolve()
    })
    socket.on('connect_error', (err: Error) => {
      clearTimeout(timer)
      reject(err)
    })
  })
  const next = (event: string, ms = 5_000) =>
    new Promise<any>((resolve, reject) => {
      const queued = queues.get(event)
      if (queued?.length) {
        resolve(queued.shift())
        return
      }
      const waiter = (v: any) => {
        clearTimeout(timer)
        resolve(v)
      }
      const timer = setTimeout(() => {
        waiters.set(
          event,
          (waiters.get(event) ?? []).filter((w) => w !== waiter),
        )
        reject(new Error(`no ${event} within ${ms} ms`))
      }, ms)
      waiters.set(event, [...(waiters.get(event) ?? []), waiter])
    })
  return {
    socket,
    ask: (event, payload = {}, ms = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no acknowledgement of ${event}`)), ms)
        socket.emit(event, payload, (answer: any) => {
          clearTimeout(timer)
          resolve(answer)
        })
      }),
    next,
    async nothingWithin(event, ms) {
      try {
        await next(event, ms)
        return false
      } catch {
        return true
      }
    },
    close: () => socket.close(),
  }
}
