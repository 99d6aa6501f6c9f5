import { io as ioV4 } from 'socket.io-client'
// socket.io-client 2 (engine.io protocol 3): the revision peka2's and JustChat's documented clients speak
import ioV2 from 'socket.io-client-v2'

interface RawSocket {
  id: string
  on(event: string, fn: (...args: any[]) => void): unknown
  emit(event: string, ...args: any[]): unknown
  close(): unknown
}

/**
 * A legacy socket.io client that keeps every server event it was told to listen for, by name, until a check takes
 * it: a check may look for an event that arrived before it started waiting.
 */
export interface ConformanceSocket {
  /** the connection's id (peka2's `sid`) */
  readonly id: string
  /** emits with an acknowledgement callback: the answer, or `acked: false` when none came within `ms` */
  ask(event: string, payload: unknown, ms: number): Promise<{ acked: boolean; answer?: unknown }>
  emit(event: string, payload: unknown): void
  /** forgets the kept events of that name (so a check sees only what its own trigger caused) */
  clear(event: string): void
  /** the first kept event of that name satisfying `pick` (taken out), waiting up to `ms`; undefined when none came */
  take(event: string, ms: number, pick?: (payload: any) => boolean): Promise<{ payload: any } | undefined>
  close(): void
}

export async function openSocket(
  url: string,
  revision: 2 | 4,
  events: readonly string[],
  opts: { path?: string } = {},
): Promise<ConformanceSocket> {
  const options = { transports: ['websocket'], path: opts.path ?? '/', reconnection: false, forceNew: true }
  const socket = (revision === 4 ? ioV4(url, options) : ioV2(url, options)) as RawSocket
  const kept = new Map<string, any[]>()
  const wake = new Set<() => void>()
  for (const e of new Set([...events, 'error'])) {
    socket.on(e, (payload: any) => {
      kept.set(e, [...(kept.get(e) ?? []), payload])
      for (const w of wake) w()
    })
  }
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
  const find = (event: string, pick: (p: any) => boolean) => {
    const list = kept.get(event) ?? []
    const i = list.findIndex(pick)
    if (i < 0) return undefined
    const [payload] = list.splice(i, 1)
    return { payload }
  }
  return {
    id: socket.id,
    ask: (event, payload, ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ acked: false }), ms)
        socket.emit(event, payload, (answer: unknown) => {
          clearTimeout(timer)
          resolve({ acked: true, answer })
        })
      }),
    emit: (event, payload) => socket.emit(event, payload),
    clear: (event) => kept.delete(event),
    take: (event, ms, pick = () => true) =>
      new Promise((resolve) => {
        const now = find(event, pick)
        if (now) {
          resolve(now)
          return
        }
        const check = () => {
          const found = find(event, pick)
          if (!found) return
          done()
          resolve(found)
        }
        const timer = setTimeout(() => {
          done()
          resolve(undefined)
        }, ms)
        const done = () => {
          clearTimeout(timer)
          wake.delete(check)
        }
        wake.add(check)
      }),
    close: () => socket.close(),
  }
}
