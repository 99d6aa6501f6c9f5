import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { CloseCode, handleProtocols, makeServer, type Context as WsContext, type OperationResult } from 'graphql-ws'
import type { ExecutionArgs, GraphQLError } from 'graphql'
import type { AppYoga, EnvelopedGraphQL } from '../app/graphql.js'
import type { Context, ContextInput } from '../context.js'
import type { Services } from '../services.js'
import { AppError } from '../errors.js'
import { sessionExpiry } from '../auth/sessions.js'
import { SESSION_EVENTS_KEY, type SessionEvent } from '../pubsub/topics.js'
import { clientIp } from './client-ip.js'
import { stackOf } from '../log.js'
import { newRequestId } from '../request-id.js'
import type { WsStats } from './metrics.js'
import { persistedOperationsOf } from './persisted-operations.js'

/**
 * Close codes besides graphql-ws's own. 4401/4403 are graphql-ws's: its client gives up on 4401 (sign in again) and
 * reconnects on 4403 (with the rights the user has now).
 */
export const WS_CLOSE = {
  /** the session was revoked (logout, block, password reset) or expired */
  sessionEnded: CloseCode.Unauthorized,
  /** a role was taken away: reconnect with the rights that are left */
  rightsReduced: CloseCode.Forbidden,
  /** over the per-IP request budget when connecting */
  tooManyRequests: 4429,
  /** the client does not read: unsent data passed WS_MAX_BUFFERED_BYTES ("try again later") */
  tooSlow: 1013,
  shuttingDown: 1001,
} as const

/** setTimeout's longest delay; a session expiring later re-arms its timer. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** How long shutdown waits for clients to answer the close frame before dropping their TCP connections. */
const SHUTDOWN_GRACE_MS = 2_000
/** Keep-alive: a ping this often; no pong before the next one → the TCP connection is dropped (as graphql-ws does). */
const KEEP_ALIVE_MS = 12_000

/** The enveloped execute/subscribe of one operation, handed to graphql-ws's execute/subscribe through rootValue. */
interface EnvelopedRoot {
  execute(args: ExecutionArgs): OperationResult
  subscribe(args: ExecutionArgs): OperationResult
}

/** One socket: who it speaks for (when it carried a valid token), and whether it is being closed. */
interface Connection {
  socket: WebSocket
  request: http.IncomingMessage
  ip: string
  /** graphql-ws's state of this socket, from connection_init on */
  ctx?: WsContext<Record<string, unknown> | undefined, Extra>
  viewer?: { userId: number; sessionId: number }
  expiry?: NodeJS.Timeout
  ended: boolean
}

interface Extra {
  conn: Connection
}

export interface WsServer {
  /** the WebSocket server (its `clients` are the live sockets) */
  wss: WebSocketServer
  /** takes an upgrade request (another path is answered 400) */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void
  /** resolves once this instance hears session revocations (with Redis: its SUBSCRIBE acknowledged) */
  ready(): Promise<void>
  /** open sockets and the subscriptions running on them, right now */
  stats(): WsStats
  close(): Promise<void>
}

export interface WsOptions {
  yoga: AppYoga
  services: Services
  /** the context factory every request uses: here it tells whose a socket is */
  buildContext: (input: ContextInput) => Promise<Context>
}

const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError'
const isAsyncGenerator = (v: unknown): v is AsyncGenerator => typeof (v as AsyncGenerator | null)?.return === 'function'

/**
 * graphql-ws on the GraphQL path, with what graphql-ws's own `useServer` leaves to the application:
 * - Revocation: every authenticated socket is registered under its user and session. Logout, block, password reset
 *   and role loss are published on `core.session` (src/auth/sessions.ts), on every instance; a matching socket has its
 *   operations completed at once and is closed with 4401 (session ended) or 4403 (rights reduced). A timer closes it
 *   with 4401 when its session expires.
 * - Abuse limits: at most WS_MAX_SUBSCRIPTIONS operations at once per socket; each operation is charged to the per-IP
 *   budget like an HTTP request; frames larger than BODY_LIMIT_BYTES are refused (1009); a socket whose unsent data
 *   passes WS_MAX_BUFFERED_BYTES is closed (1013).
 * Sending does not wait for the network: a slow reader's backlog is counted in bytes where it is (`bufferedAmount`)
 * and cut at the limit, instead of piling up unseen as queued events behind an awaited write.
 */
export function createWsServer({ yoga, services, buildContext }: WsOptions): WsServer {
  const { config, limits, log, pubsub, prisma } = services
  const persisted = persistedOperationsOf(config)
  const wss = new WebSocketServer({
    noServer: true,
    path: yoga.graphqlEndpoint,
    maxPayload: config.bodyLimitBytes,
    handleProtocols,
  })
  // noServer: the app's server hands upgrades over (src/server.ts), so that HTTP server errors (EADDRINUSE …) are not
  // forwarded to the WebSocket server, where they would close every live socket.
  // (handleUpgrade answers 400 to another path)
  const handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) =>
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))

  const conns = new Set<Connection>()
  /** Live authenticated sockets by user id: where a session event finds the sockets it ends. */
  const byUser = new Map<number, Set<Connection>>()
  const track = (conn: Connection) => {
    if (!conn.viewer || conn.ended) return
    let set = byUser.get(conn.viewer.userId)
    if (!set) byUser.set(conn.viewer.userId, (set = new Set()))
    set.add(conn)
  }
  const untrack = (conn: Connection) => {
    if (!conn.viewer) return
    const set = byUser.get(conn.viewer.userId)
    set?.delete(conn)
    if (set?.size === 0) byUser.delete(conn.viewer.userId)
  }

  /**
   * Closes a socket and completes its operations now — not when the close handshake finishes, which a client that
   * does not read would put off for ws's close timeout. Nothing is sent after this (the socket is no longer open).
   */
  function end(conn: Connection, code: number, reason: string) {
    if (conn.ended) return
    conn.ended = true
    clearTimeout(conn.expiry)
    untrack(conn)
    conn.socket.close(code, reason)
    const subs = conn.ctx?.subscriptions
    if (!subs) return
    for (const id of Object.keys(subs)) {
      const op = subs[id]
      // graphql-ws returns an operation whose id is gone as soon as its set-up finishes
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- graphql-ws's own record of the operations
      delete subs[id]
      if (isAsyncGenerator(op))
        op.return(undefined).catch((err: unknown) =>
          log.warn('ws operation did not complete cleanly', { error: String(err) }),
        )
    }
  }

  function send(conn: Connection, data: string) {
    const { socket } = conn
    if (socket.readyState !== socket.OPEN) return
    socket.send(data)
    // Right after the write: the backlog is at most the limit plus this one message.
    if (socket.bufferedAmount > config.wsMaxBufferedBytes)
      end(conn, WS_CLOSE.tooSlow, 'Client too slow: unsent data over the limit')
  }

  function armExpiry(conn: Connection, expiresAt: Date) {
    if (conn.ended) return
    const ms = expiresAt.getTime() - Date.now()
    conn.expiry = setTimeout(
      () => (ms > MAX_TIMER_MS ? armExpiry(conn, expiresAt) : end(conn, WS_CLOSE.sessionEnded, 'Session expired')),
      Math.max(0, Math.min(ms, MAX_TIMER_MS)),
    )
    conn.expiry.unref()
  }

  function onSessionEvent(e: SessionEvent) {
    for (const conn of byUser.get(e.userId) ?? []) {
      if (e.kind === 'rolesReduced') end(conn, WS_CLOSE.rightsReduced, 'Roles changed: reconnect')
      else if (conn.viewer && e.sessionIds.includes(conn.viewer.sessionId))
        end(conn, WS_CLOSE.sessionEnded, 'Session ended')
    }
  }

  // One listener per instance for every user's session events (see SESSION_EVENTS_KEY). Started before the first
  // socket is accepted; a socket checks its session once it is registered, so a revocation is either seen by that
  // check or arrives as an event after it.
  const sessionEvents = pubsub.subscribe('core.session', SESSION_EVENTS_KEY)
  const watching = (async () => {
    for await (const e of sessionEvents) onSessionEvent(e)
  })().catch((err: unknown) => log.error('session event listener stopped', { error: String(err), stack: stackOf(err) }))

  const gqlServer = makeServer<Record<string, unknown> | undefined, Extra>({
    execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
    subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
    onConnect: async (ctx) => {
      const conn = ctx.extra.conn
      conn.ctx = ctx
      if (limits.perIp) {
        try {
          await limits.perIp.consume(conn.ip)
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          end(conn, WS_CLOSE.tooManyRequests, 'Too many requests')
          return false
        }
      }
      // A missing or invalid token makes a guest's socket, as on HTTP: its operations answer as they do for a guest.
      const { viewer } = await buildContext({ req: conn.request, connectionParams: ctx.connectionParams })
      if (!viewer) return true
      conn.viewer = { userId: viewer.id, sessionId: viewer.sessionId }
      track(conn)
      // Registered first, checked second: a revocation committed before this check is seen here, a later one is
      // published after it and finds the socket registered.
      const expiresAt = await sessionExpiry(prisma, viewer.sessionId)
      if (!expiresAt) {
        end(conn, WS_CLOSE.sessionEnded, 'Session ended')
        return false
      }
      armExpiry(conn, expiresAt)
      return !conn.ended
    },
    onSubscribe: async (ctx, id, params) => {
      const conn = ctx.extra.conn
      if (conn.ended) return [new AppError('BAD_REQUEST', 'The connection is closing')]
      // graphql-ws lists the operation being set up among them already
      const running = Object.keys(ctx.subscriptions).length
      if (running > config.wsMaxSubscriptions) {
        return [
          new AppError(
            'TOO_MANY_SUBSCRIPTIONS',
            `Too many operations at once on this connection: at most ${config.wsMaxSubscriptions}`,
            { limit: config.wsMaxSubscriptions },
          ),
        ]
      }
      // Each operation is a request: a socket is not a way around the per-IP budget.
      if (limits.perIp) {
        try {
          await limits.perIp.consume(conn.ip)
        } catch (e) {
          if (e instanceof AppError) return [e]
          throw e
        }
      }
      const idJson = JSON.stringify(id)
      const initial: ContextInput = {
        req: conn.request,
        connectionParams: ctx.connectionParams,
        socket: true,
        requestId: newRequestId(),
        // the frame graphql-ws would send for a result, with the payload serialised once for every subscriber
        frames: {
          next: (payload) => {
            if (conn.ended || !(id in ctx.subscriptions)) return false
            send(conn, `{"id":${idJson},"type":"next","payload":${payload}}`)
            return true
          },
        },
      }
      // PERSISTED_OPERATIONS: the same allow-list as HTTP (graphql-ws wants a string query: "" when an id is sent)
      const query = persisted ? persisted.resolve(params) : params.query
      if (query instanceof AppError) return [query]
      const graphql: EnvelopedGraphQL = yoga.getEnveloped({ ...initial, params: { ...params, query } })
      const { schema, execute, subscribe, contextFactory, parse, validate } = graphql
      let document
      try {
        document = parse(query)
      } catch (e) {
        if (isGraphQLError(e)) return [e]
        throw e
      }
      let errors: readonly GraphQLError[]
      try {
        errors = validate(schema, document)
      } catch (e) {
        // GraphQL Armor's rules (depth, aliases, cost …) throw from validation: the client's fault, not the socket's.
        if (isGraphQLError(e)) return [e]
        throw e
      }
      if (errors.length) return errors
      log.info('ws operation', { requestId: initial.requestId, operation: params.operationName ?? null })
      const rootValue: EnvelopedRoot = { execute, subscribe }
      return {
        schema,
        document,
        operationName: params.operationName,
        variableValues: params.variables ?? undefined,
        contextValue: await contextFactory(),
        rootValue,
      }
    },
  })

  wss.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
    const conn: Connection = { socket, request, ip: clientIp(request, config.trustProxy), ended: false }
    conns.add(conn)
    // Frames over maxPayload, invalid UTF-8, a reset connection: ws closes the socket itself (1009, 1007 …).
    socket.on('error', (err) => log.debug('ws socket error', { error: err.message }))
    let pongWait: NodeJS.Timeout | undefined
    const keepAlive = setInterval(() => {
      if (socket.readyState !== socket.OPEN || pongWait) return
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS)
      socket.once('pong', () => {
        clearTimeout(pongWait)
        pongWait = undefined
      })
      socket.ping()
    }, KEEP_ALIVE_MS)
    const closed = gqlServer.opened(
      {
        protocol: socket.protocol,
        send: (data) => send(conn, data),
        close: (code, reason) => end(conn, code ?? 1000, reason ?? ''),
        onMessage(cb) {
          // binaryType is ws's default 'nodebuffer': a whole message arrives as one Buffer
          const receive = async (data: Buffer) => {
            try {
              await cb(String(data))
            } catch (err) {
              // graphql-ws throws on a well-formed message only a server may send (next, error, connection_ack):
              // the client's mistake, so the protocol's 4400, not an internal error
              const message = (err as Error | null | undefined)?.message ?? ''
              if (/^Unexpected message of type \w+ received$/.test(message)) {
                end(conn, CloseCode.BadRequest, message)
                return
              }
              log.error('unexpected error on a ws socket', { error: String(err), stack: stackOf(err) })
              end(conn, CloseCode.InternalServerError, 'Internal server error')
            }
          }
          socket.on('message', (data) => void receive(data as Buffer))
        },
      },
      { conn },
    )
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive)
      clearTimeout(pongWait)
      clearTimeout(conn.expiry)
      conn.ended = true
      untrack(conn)
      conns.delete(conn)
      closed(code, String(reason)).catch((err: unknown) => log.warn('ws close handling failed', { error: String(err) }))
    })
  })

  // A running subscription is graphql-ws's record of it holding its stream; a query or mutation holds null while it runs.
  const stats = (): WsStats => {
    let subscriptions = 0
    for (const conn of conns)
      for (const op of Object.values(conn.ctx?.subscriptions ?? {})) if (isAsyncGenerator(op)) subscriptions++
    return { connections: conns.size, subscriptions }
  }
  services.metrics.watchWs(stats)

  return {
    wss,
    handleUpgrade,
    stats,
    async ready() {
      await pubsub.ready()
    },
    async close() {
      const allClosed = new Promise<void>((resolve) => wss.close(() => resolve()))
      for (const conn of conns) end(conn, WS_CLOSE.shuttingDown, 'Server shutting down')
      const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())
      await Promise.race([allClosed, grace])
      for (const socket of wss.clients) socket.terminate()
      await allClosed
      await sessionEvents.return?.()
      await watching
    },
  }
}
