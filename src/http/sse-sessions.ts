import type { ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context, ContextInput, Viewer } from '../context.js'
import type { Services } from '../services.js'
import { sessionExpiry } from '../auth/sessions.js'
import { SESSION_EVENTS_KEY, type SessionEvent } from '../pubsub/topics.js'
import { stackOf } from '../log.js'

/** setTimeout's longest delay; a session expiring later re-arms its timer. */
const MAX_TIMER_MS = 2 ** 31 - 1

interface Stream {
  userId: number
  sessionId: number
  end(): void
}

/**
 * Subscriptions over SSE (a GraphQL subscription POSTed with `Accept: text/event-stream`) end as graphql-ws sockets
 * close (src/http/ws.ts): when their session is revoked (logout, block, password reset), when it expires, and when the
 * user loses a role — the client then subscribes again with the rights it has now. One listener per instance on
 * `core.session`, as for sockets.
 */
export interface SseSessions {
  /** the Yoga plugin that registers every signed-in SSE subscription */
  plugin: Plugin<Context & ContextInput>
  /** started listening for session events (the first subscription needs no wait: it checks its session itself) */
  ready(): Promise<void>
  close(): Promise<void>
}

export function createSseSessions(services: Pick<Services, 'pubsub' | 'prisma' | 'log'>): SseSessions {
  const byUser = new Map<number, Set<Stream>>()
  const events = services.pubsub.subscribe('core.session', SESSION_EVENTS_KEY)
  const watching = (async () => {
    for await (const e of events) onSessionEvent(e)
  })().catch((err: unknown) =>
    services.log.error('SSE session listener stopped', { error: String(err), stack: stackOf(err) }),
  )

  function onSessionEvent(e: SessionEvent) {
    for (const s of byUser.get(e.userId) ?? []) {
      if (e.kind === 'rolesReduced' || e.sessionIds.includes(s.sessionId)) s.end()
    }
  }

  /** The subscription's events until it ends by itself, the client leaves, or its session ends. */
  function track(viewer: Viewer, source: AsyncIterable<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
    const it = source[Symbol.asyncIterator]()
    let ended = false
    /** read after an await: finish() may have run meanwhile */
    const isEnded = () => ended
    let timer: NodeJS.Timeout | undefined
    let wake: ((r: IteratorResult<ExecutionResult>) => void) | undefined
    const done: IteratorReturnResult<undefined> = { done: true, value: undefined }
    const stream: Stream = { userId: viewer.id, sessionId: viewer.sessionId, end: () => void finish() }
    const set = byUser.get(viewer.id) ?? new Set<Stream>()
    byUser.set(viewer.id, set.add(stream))

    async function finish(): Promise<IteratorReturnResult<undefined>> {
      if (ended) return done
      ended = true
      clearTimeout(timer)
      set.delete(stream)
      if (!set.size) byUser.delete(viewer.id)
      wake?.(done)
      await it.return?.()
      return done
    }

    const arm = (expiresAt: Date) => {
      const ms = expiresAt.getTime() - Date.now()
      timer = setTimeout(
        () => (ms > MAX_TIMER_MS ? arm(expiresAt) : void finish()),
        Math.max(0, Math.min(ms, MAX_TIMER_MS)),
      )
      timer.unref()
    }
    // Registered first, checked second (as sockets are): a revocation before this check is seen by it, a later one
    // arrives as an event.
    sessionExpiry(services.prisma, viewer.sessionId).then(
      (expiresAt) => {
        if (!expiresAt) void finish()
        else if (!ended) arm(expiresAt)
      },
      () => void finish(),
    )

    return {
      [Symbol.asyncIterator]() {
        return this
      },
      async next() {
        if (ended) return done
        // a pending read is answered "done" at once when the session ends, whatever the source is waiting for
        const stopped = new Promise<IteratorResult<ExecutionResult>>((resolve) => (wake = resolve))
        const r = await Promise.race([it.next(), stopped])
        wake = undefined
        if (r.done) void finish()
        return isEnded() ? done : r
      },
      return: finish,
    }
  }

  const isAsyncIterable = (r: unknown): r is AsyncIterable<ExecutionResult> =>
    typeof r === 'object' && r !== null && Symbol.asyncIterator in r

  return {
    plugin: {
      onSubscribe({ args }) {
        const ctx = args.contextValue
        // graphql-ws sockets end by themselves (src/http/ws.ts); REST runs no subscriptions
        if (ctx.socket || !ctx.viewer) return
        const viewer = ctx.viewer
        return {
          onSubscribeResult({ result, setResult }) {
            if (isAsyncIterable(result)) setResult(track(viewer, result))
          },
        }
      },
    },
    ready: () => services.pubsub.ready(),
    async close() {
      for (const set of [...byUser.values()]) for (const s of set) s.end()
      await events.return?.()
      await watching
    },
  }
}
