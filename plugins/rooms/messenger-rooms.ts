import { AppError, invalid } from '../../src/errors.js'
import { renameField } from '../../src/rest/field-names.js'
import type { SocketPayload, SocketSession } from '../../src/sockets/events.js'

/**
 * The messenger socket's rooms (messenger-api.md "WebSocket события"): `g:<guild>:c:<channel>` names a text channel
 * of a guild (a room), whose messages are the chat channel room/<roomId>/<channelId>.
 */
export interface MessengerRoom {
  /** the room as the client wrote it */
  room: string
  guild: number
  channel: number
}

const FORM = /^g:(\d{1,10}):c:(\d{1,10})$/
const INT_MAX = 2 ** 31 - 1
const isId = (n: number) => n >= 1 && n <= INT_MAX

export function roomIn(payload: SocketPayload): MessengerRoom {
  const v = payload.room
  const m = typeof v === 'string' ? FORM.exec(v) : null
  const [guild, channel] = m ? [Number(m[1]), Number(m[2])] : [0, 0]
  if (!m || !isId(guild) || !isId(channel)) throw invalid('room', "must be 'g:<guild id>:c:<channel id>'")
  return { room: `g:${guild}:c:${channel}`, guild, channel }
}

/** `message_id` of a reaction or pin */
export function messageIdIn(payload: SocketPayload): number {
  const v = payload.message_id
  const n = typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n) || !isId(n)) throw invalid('message_id', 'must be a message id')
  return n
}

/**
 * Runs an operation as the socket's user; a refusal naming one of the operation's arguments names the event's field
 * instead (`fields`: argument → field), as the REST dialect's answers do.
 */
export async function runNamed<T>(
  session: SocketSession,
  operation: string,
  variables: Record<string, unknown>,
  fields: Record<string, string>,
): Promise<T> {
  try {
    return await session.run<T>(operation, variables)
  } catch (err) {
    if (err instanceof AppError && err.field) throw renameField(err, err.field, (f) => fields[f] ?? f)
    throw err
  }
}

/** The room's chat channel, when its channel is one of that guild's and the user may read it (the API's rule). */
export async function chatChannelOf(session: SocketSession, r: MessengerRoom): Promise<string> {
  const d = await runNamed<{ roomChannel: { roomId: number; chatChannel: string } }>(
    session,
    'query($channelId: Int!) { roomChannel(channelId: $channelId) { roomId chatChannel } }',
    { channelId: r.channel },
    { channelId: 'room' },
  )
  // a channel of another guild is not in this one
  if (d.roomChannel.roomId !== r.guild) throw new AppError('ROOM_CHANNEL_NOT_FOUND', undefined, { field: 'room' })
  return d.roomChannel.chatChannel
}
