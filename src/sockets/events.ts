import type { Access } from '../auth/roles.js'
import type { Viewer } from '../context.js'

/** The legacy socket.io protocols served next to GraphQL: event names of one never collide with the other's. */
export type SocketDialect = 'peka2' | 'justchat' | 'messenger'

/** A client event's payload as sent: an object, or anything else a legacy client put there (read as an empty object). */
export type SocketPayload = Record<string, unknown>

/**
 * One connected legacy socket, as an event handler sees it. Everything it does goes through GraphQL operations run
 * with this socket's context, so the rules, limits and access checks are those of the GraphQL API.
 */
export interface SocketSession {
  /** socket.io's id of this connection (peka2's `sid`) */
  readonly id: string
  /** the user this socket signed in as, or null */
  readonly viewer: Viewer | null
  /**
   * Runs a query or mutation as this socket's user and returns its data; an error of the operation is thrown as the
   * AppError it carries (input, access, flow control …).
   */
  run<T>(operation: string, variables?: Record<string, unknown>): Promise<T>
  /**
   * Signs the socket in with a token (null signs it out): the dialect's user streams restart for the new user. An
   * invalid token throws UNAUTHENTICATED and leaves the socket as it was.
   */
  signIn(token: string | null): Promise<Viewer | null>
  /**
   * Starts a GraphQL subscription under `key` (replacing the one there), handing each event's data to `emit`; refused
   * subscriptions throw as `run` does. At most WS_MAX_SUBSCRIPTIONS at once per socket.
   */
  follow(
    key: string,
    operation: string,
    variables: Record<string, unknown>,
    emit: (data: unknown) => void,
  ): Promise<void>
  /** ends the subscription under `key`; false when there was none */
  unfollow(key: string): boolean
  /** sends a server event to this socket */
  emit(event: string, payload: unknown): void
}

/**
 * A client event of a legacy socket protocol (peka2's `/<namespace>/join` …). The handler is thin: it maps the payload to a
 * GraphQL operation and the data to the documented answer, which the dialect wraps in its acknowledgement form.
 */
export interface SocketEvent {
  dialect: SocketDialect
  event: string
  /** peka2's access letter of the event: P open, A needs a signed-in socket, others a role */
  access: Access
  handle(session: SocketSession, payload: SocketPayload): Promise<unknown>
}

/**
 * A server event stream every signed-in socket of a dialect gets (peka2's `/notifier/message`, JustChat's
 * `direct-message` …): a GraphQL subscription started when the socket signs in and ended when it signs out.
 */
export interface SocketStream {
  dialect: SocketDialect
  /** a unique name (the subscription's key on the socket) */
  name: string
  /** a GraphQL subscription document without variables */
  operation: string
  /** each event's data → what to emit; nothing for an event the dialect does not show */
  emit(session: SocketSession, data: unknown): void
  /**
   * A notification sent to this one socket by its id (src/core/notifications/notify.ts, notifySocket): what to emit.
   * It reaches guests too, so it goes to the streams of every dialect that has this, or of the one signed in with.
   */
  direct?(session: SocketSession, notification: { type: string; data: unknown }): void
}

export const defineSocketEvents = (events: SocketEvent[]): SocketEvent[] => events
export const defineSocketStreams = (streams: SocketStream[]): SocketStream[] => streams
