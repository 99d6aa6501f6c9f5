import { defineSocketEvents, defineSocketStreams, type SocketPayload } from '../../sockets/events.js'
import { AppError } from '../../errors.js'

/** A token as a legacy client sends it: a string, or null / nothing to go on as a guest. */
function tokenIn(payload: SocketPayload, field: string): string | null {
  const v = payload[field]
  if (v === undefined || v === null || v === '') return null
  if (typeof v !== 'string') throw new AppError('INVALID_INPUT', `${field}: must be a string`, { field })
  return v
}

/**
 * Signing a legacy socket in and out. peka2 (chat.md): `/chat/login` with the JWT subscribes the socket to its user's
 * events, `/chat/logout` ends that; a null token stays a guest. JustChat: `init` with the session key binds the
 * socket to the session and is answered by the server event `ready`.
 */
export const sessionSocketEvents = defineSocketEvents([
  {
    dialect: 'peka2',
    event: '/chat/login',
    access: 'P',
    async handle(session, payload) {
      await session.signIn(tokenIn(payload, 'token'))
      return {}
    },
  },
  {
    dialect: 'peka2',
    event: '/chat/logout',
    access: 'A',
    async handle(session) {
      await session.signIn(null)
      return {}
    },
  },
  {
    dialect: 'justchat',
    event: 'init',
    access: 'P',
    async handle(session, payload) {
      const key = tokenIn(payload, 'session_key')
      if (!key) throw new AppError('UNAUTHENTICATED')
      await session.signIn(key)
      session.emit('ready', { error: null })
      return {}
    },
  },
])

interface NotificationData {
  notifications: { type: string; data: unknown }
}

/**
 * peka2's `/notifier/message` (notification.md): every notification of the signed-in user (each plugin sends its own
 * types), sent to the user rather than to a socket or channel, hence `sid` and `channel` empty.
 */
export const notifierSocketStreams = defineSocketStreams([
  {
    dialect: 'peka2',
    name: 'notifier',
    operation: 'subscription { notifications { type data } }',
    emit(session, data) {
      const { type, data: body } = (data as NotificationData).notifications
      session.emit('/notifier/message', {
        userId: session.viewer?.id ?? 0,
        sid: '',
        channel: '',
        type,
        data: body ?? {},
      })
    },
  },
])
