import { defineSocketEvents, defineSocketStreams, type SocketSession } from '../../sockets/events.js'
import { tokenIn } from '../../sockets/tokens.js'
import { AppError } from '../../errors.js'

/**
 * Signing a socket in. JustChat: `init` with the session key binds the socket to the session and is answered by the
 * server event `ready` (justchat-api.md). The messenger: `authenticate` with the session token login gives
 * (messenger-api.md), answered through the callback. peka2's sign-in events belong to its socket's namespace, with
 * its plugin.
 */
export const sessionSocketEvents = defineSocketEvents([
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
  {
    dialect: 'messenger',
    event: 'authenticate',
    access: 'P',
    async handle(session, payload) {
      const token = tokenIn(payload, 'token')
      if (!token) throw new AppError('UNAUTHENTICATED', undefined, { field: 'token' })
      const viewer = await session.signIn(token)
      return { ok: true, user: viewer ? { id: viewer.id, username: viewer.name } : null }
    },
  },
])

interface NotificationData {
  notifications: { type: string; data: unknown }
}

const notifierMessage = (session: SocketSession, sid: string, type: string, body: unknown) =>
  session.emit('/notifier/message', { userId: session.viewer?.id ?? 0, sid, channel: '', type, data: body ?? {} })

/**
 * peka2's `/notifier/message` (notification.md): every notification of the signed-in user (each plugin sends its own
 * types), sent to the user rather than to a socket or channel, hence `sid` and `channel` empty; and those sent to this
 * one socket (a provider sign-in its page started), with its `sid`.
 */
export const notifierSocketStreams = defineSocketStreams([
  {
    dialect: 'peka2',
    name: 'notifier',
    operation: 'subscription { notifications { type data } }',
    emit(session, data) {
      const { type, data: body } = (data as NotificationData).notifications
      notifierMessage(session, '', type, body)
    },
    direct: (session, n) => notifierMessage(session, session.id, n.type, n.data),
  },
])
