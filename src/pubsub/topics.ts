/**
 * The typed topic map: topic name → payload. The core declares its topics here; a plugin adds its own with
 * `declare module '../../src/pubsub/topics.js' { interface TopicMap { 'shop.order': OrderEvent } }`
 * and lists the names in `definePlugin({ topics })`, so a disabled plugin's topics are refused at run time.
 * Every topic is keyed (a user id, a channel id …): subscribers only receive events of their key.
 */
export interface NotificationEnvelope {
  type: string
  data: unknown
  /** ISO 8601 */
  time: string
}

/**
 * A user's sessions ended (logout, block, password reset) or their rights shrank (a role taken away): the live
 * connections of that user close — 4401 for a revoked session, 4403 for reduced roles, so the client reconnects with
 * its current rights.
 */
export type SessionEvent = { userId: number } & ({ kind: 'revoked'; sessionIds: number[] } | { kind: 'rolesReduced' })

/**
 * The one key of `core.session`. Unlike other topics it is not keyed by user: each instance holds one listener for
 * every user's events (one Redis channel, not one SUBSCRIBE per live socket) and picks the connections it serves.
 * Revocations are rare next to the traffic of plugin topics, so every instance seeing all of them costs nothing.
 */
export const SESSION_EVENTS_KEY = 'all'

/**
 * A notification to one legacy socket by its id (peka2's `sid`) rather than to a user: a provider sign-in the socket's
 * page started, which may end with no user to send it to (thirdpartyRegister).
 */
export interface SocketNotification extends NotificationEnvelope {
  sid: string
  /** the user it is about (0: none): a socket signed in as them hears it in their own stream instead */
  userId: number
}

/** The one key of `core.socketNotification`: each instance listens once and delivers to the sockets it holds. */
export const SOCKET_NOTIFICATIONS_KEY = 'all'

/**
 * An operator switched plugins (keyed by PLUGIN_SWITCH_KEY): every instance reads the stored choices and applies them.
 * The stored rows are the truth; the event only says "look now".
 */
export interface PluginSwitchEvent {
  /** the instance that made the change */
  from: string
}

export const PLUGIN_SWITCH_KEY = 'all'

export interface TopicMap {
  'core.notification': NotificationEnvelope
  /** to one legacy socket by its id (keyed by SOCKET_NOTIFICATIONS_KEY) */
  'core.socketNotification': SocketNotification
  /** the users a user ignores changed (keyed by that user; sent by the ignore kind's owner): live filters re-read it */
  'core.ignores': { ignored: number[] }
  /** sessions revoked or roles reduced (keyed by SESSION_EVENTS_KEY): live connections of that user close */
  'core.session': SessionEvent
  'core.plugins': PluginSwitchEvent
}

export type TopicName = keyof TopicMap

export const CORE_TOPICS: TopicName[] = [
  'core.notification',
  'core.socketNotification',
  'core.ignores',
  'core.session',
  'core.plugins',
]
