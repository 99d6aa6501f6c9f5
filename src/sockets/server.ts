import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { Server as EngineServer } from 'engine.io'
import { Server, type Socket } from 'socket.io'
import type { AppYoga } from '../app/graphql.js'
import type { Viewer } from '../context.js'
import type { Services } from '../services.js'
import { AppError, type ErrorRegistry } from '../errors.js'
import { ACCESS_ROLE } from '../auth/roles.js'
import { sessionExpiry } from '../auth/sessions.js'
import {
  SESSION_EVENTS_KEY,
  SOCKET_NOTIFICATIONS_KEY,
  type SessionEvent,
  type SocketNotification,
} from '../pubsub/topics.js'
import { clientIp } from '../http/client-ip.js'
import { stackOf } from '../log.js'
import type { SocketEvent, SocketPayload, SocketStream } from './events.js'
import { SOCKET_DIALECTS } from './dialects.js'
import { LegacySession } from './session.js'

/** setTimeout's longest delay; a session expiring later re-arms its timer. */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface LegacySockets {
  /** socket.io's server (tests count its sockets) */
  io: Server
  /** an HTTP request of engine.io's long-polling transport */
  handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

/**
 * Is this request engine.io's (a legacy socket.io client)? Its clients connect at `/` (peka2's examples set
 * `path: '/'`) or socket.io's default `/socket.io/`, and always name the protocol revision in `EIO=`.
 */
export function isLegacySocketRequest(req: http.IncomingMessage): boolean {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  if (q < 0) return false
  const path = url.slice(0, q)
  return (path === '/' || path === '/socket.io/') && /(?:^|&)EIO=[34](?:&|$)/.test(url.slice(q + 1))
}

export interface LegacySocketOptions {
  yoga: AppYoga
  services: Services
  /** every plugin's events and streams, whether on or off */
  events: readonly SocketEvent[]
  streams: readonly SocketStream[]
  /** the event's or stream's plugin is on now: a plugin switched off answers nothing */
  isOn: (part: SocketEvent | SocketStream) => boolean
  errors: ErrorRegistry
}

/**
 * socket.io for legacy clients on the app's own port (both protocol revisions: EIO3 for socket.io 1–2 clients, as in
 * peka2's examples, and EIO4), bound to a standalone engine.io server so that the app's router decides which requests
 * are its. Each client event is one handler running GraphQL operations as the socket's user (src/sockets/session.ts);
 * server events come from GraphQL subscriptions, so they reach sockets on every instance through the app's pub/sub.
 * Every event counts against the per-IP request budget; a session that ends signs its sockets out.
 */
export function createLegacySockets({
  yoga,
  services,
  events,
  streams,
  isOn,
  errors,
}: LegacySocketOptions): LegacySockets {
  const { config, limits, log, pubsub, prisma } = services
  const byEvent = new Map<string, SocketEvent>()
  for (const e of events) {
    if (byEvent.has(e.event)) throw new Error(`two socket handlers for the event ${e.event}`)
    byEvent.set(e.event, e)
  }
  const streamNames = new Set<string>()
  for (const s of streams) {
    if (streamNames.has(s.name)) throw new Error(`two socket streams named ${s.name}`)
    streamNames.add(s.name)
  }
  const cors = config.corsOrigins === '*' ? undefined : { origin: config.corsOrigins, credentials: true }
  const io = new Server({ allowEIO3: true, serveClient: false, maxHttpBufferSize: config.bodyLimitBytes, cors })
  const engine = new EngineServer({ allowEIO3: true, maxHttpBufferSize: config.bodyLimitBytes, cors })
  io.bind(engine)

  const sessions = new Set<LegacySession>()
  const byUser = new Map<number, Set<LegacySession>>()
  const expiries = new Map<LegacySession, NodeJS.Timeout>()
  const onViewer = (session: LegacySession, previous: Viewer | null) => {
    if (previous) {
      const set = byUser.get(previous.id)
      set?.delete(session)
      if (set?.size === 0) byUser.delete(previous.id)
    }
    clearTimeout(expiries.get(session))
    expiries.delete(session)
    const viewer = session.viewer
    if (!viewer || session.closed) return
    let set = byUser.get(viewer.id)
    if (!set) byUser.set(viewer.id, (set = new Set()))
    set.add(session)
    // Registered first, checked second (as graphql-ws sockets are): a revocation is seen here or arrives as an event.
    void sessionExpiry(prisma, viewer.sessionId).then((expiresAt) => {
      if (session.viewer !== viewer) return
      if (!expiresAt) void session.refresh(true)
      else arm(session, viewer, expiresAt)
    })
  }
  const arm = (session: LegacySession, viewer: Viewer, expiresAt: Date) => {
    const ms = expiresAt.getTime() - Date.now()
    const timer = setTimeout(
      () => {
        if (session.viewer !== viewer) return
        if (ms > MAX_TIMER_MS) arm(session, viewer, expiresAt)
        else void session.refresh(true)
      },
      Math.max(0, Math.min(ms, MAX_TIMER_MS)),
    )
    timer.unref()
    expiries.set(session, timer)
  }

  function onSessionEvent(e: SessionEvent) {
    for (const session of byUser.get(e.userId) ?? []) {
      if (e.kind === 'rolesReduced') void session.refresh(false)
      else if (session.viewer && e.sessionIds.includes(session.viewer.sessionId)) void session.refresh(true)
    }
  }
  const sessionEvents = pubsub.subscribe('core.session', SESSION_EVENTS_KEY)
  const watching = (async () => {
    for await (const e of sessionEvents) onSessionEvent(e)
  })().catch((err: unknown) =>
    log.error('legacy socket session listener stopped', { error: String(err), stack: stackOf(err) }),
  )

  // Notifications to one socket by its id: one listener per instance (as for session events), the socket's own
  // instance delivers.
  const byId = new Map<string, LegacySession>()
  function onSocketNotification(n: SocketNotification) {
    const session = byId.get(n.sid)
    if (!session || session.closed) return
    // signed in as the user it is about: that user's stream brings it
    if (n.userId && session.viewer?.id === n.userId && session.dialect) return
    for (const s of streams)
      if (s.direct && isOn(s) && (session.dialect ?? s.dialect) === s.dialect)
        s.direct(session.as(s.dialect), { type: n.type, data: n.data })
  }
  const socketNotifications = pubsub.subscribe('core.socketNotification', SOCKET_NOTIFICATIONS_KEY)
  const delivering = (async () => {
    for await (const n of socketNotifications) onSocketNotification(n)
  })().catch((err: unknown) =>
    log.error('legacy socket notification listener stopped', { error: String(err), stack: stackOf(err) }),
  )

  // A connection is a request: charged to the per-IP budget like an HTTP request or a graphql-ws connection.
  io.use((socket, next) => {
    if (!limits.perIp) {
      next()
      return
    }
    limits.perIp.consume(clientIp(socket.request, config.trustProxy)).then(
      () => next(),
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    )
  })

  io.on('connection', (socket: Socket) => {
    const ip = clientIp(socket.request, config.trustProxy)
    const session = new LegacySession(
      socket.id,
      socket.request,
      { yoga, log, streams, isOn, maxFollows: config.wsMaxSubscriptions, onViewer },
      (event, payload) => socket.emit(event, payload),
    )
    sessions.add(session)
    byId.set(socket.id, session)
    socket.on('disconnect', () => {
      sessions.delete(session)
      byId.delete(socket.id)
      session.close()
    })
    for (const [name, handler] of byEvent) {
      socket.on(name, (...args: unknown[]) => {
        // an event of a plugin switched off is one this server does not know: socket.io leaves those unanswered
        if (!isOn(handler)) return
        const last = args.at(-1)
        const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : null
        void answer(handler, session, ip, payloadOf(args[0]), ack, (event, body) => socket.emit(event, body))
      })
    }
  })

  async function answer(
    handler: SocketEvent,
    session: LegacySession,
    ip: string,
    payload: SocketPayload,
    ack: ((answer: unknown) => void) | null,
    emit: (event: string, body: unknown) => void,
  ) {
    const dialect = SOCKET_DIALECTS[handler.dialect]
    try {
      await limits.perIp?.consume(ip)
      checkAccess(handler, session.viewer)
      const result = await handler.handle(session.as(handler.dialect), payload)
      ack?.(dialect.ok(result))
    } catch (err) {
      const app = err instanceof AppError ? err : null
      if (!app)
        log.error('unexpected error in a legacy socket event', {
          event: handler.event,
          error: String(err),
          stack: stackOf(err),
        })
      else log.info('legacy socket event refused', { event: handler.event, code: app.code, field: app.field ?? null })
      const body = dialect.fail(
        app?.code ?? 'INTERNAL_SERVER_ERROR',
        app?.message ?? 'Internal server error',
        errors.status,
        app?.field,
      )
      if (ack) ack(body)
      else emit('error', body)
    }
  }

  return {
    io,
    handleRequest: (req, res) => engine.handleRequest(req, res),
    handleUpgrade: (req, socket, head) => engine.handleUpgrade(req, socket, head),
    async close() {
      for (const session of sessions) session.close()
      await new Promise<void>((resolve) => {
        void io.close(() => resolve())
      })
      for (const t of expiries.values()) clearTimeout(t)
      await sessionEvents.return?.()
      await socketNotifications.return?.()
      await watching
      await delivering
    },
  }
}

/** The first argument of a client event: an object, or a JSON text of one (peka2's C# example sends a string). */
function payloadOf(arg: unknown): SocketPayload {
  let value = arg
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return {}
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SocketPayload) : {}
}

/** The event's access letter: P open, A a signed-in socket, others a role. */
function checkAccess(handler: SocketEvent, viewer: Viewer | null) {
  if (handler.access === 'P' || handler.access === 'C') return
  if (!viewer) throw new AppError('UNAUTHENTICATED')
  const role = ACCESS_ROLE[handler.access]
  if (role && viewer.roles[role] <= 0) throw new AppError('INSUFFICIENT_PERMISSIONS')
}
