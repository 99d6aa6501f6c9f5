/**
 * Event ids on the wire. Every event an instance sends through Redis carries an id: the instance (`origin`, random per
 * process) and a sequence number counting that instance's events from 1. On the wire it is the first member of the
 * payload object, `{"$ev":"<origin>:<seq>", …payload}`, so an instance of an earlier version (which reads the payload
 * as is) sees one extra member and nothing else changes; a payload that is not an object travels as
 * `{"$ev":…,"$v":<payload>}`. `message` is the payload serialized as JSON (the empty string stands for no payload).
 */
export function encodeEnvelope(origin: string, seq: number, message: string): string {
  const head = `{"$ev":"${origin}:${seq}"`
  if (message.startsWith('{')) return message === '{}' ? `${head}}` : `${head},${message.slice(1)}`
  return `${head},"$v":${message === '' ? 'null' : message}}`
}

export interface Envelope {
  origin: string
  seq: number
  /** the payload as the sender serialized it */
  message: string
}

const HEAD = '{"$ev":"'
const VALUE = '"$v":'

/** The id and payload of a wire message, or null for a message without an id (an instance of an earlier version). */
export function decodeEnvelope(raw: string): Envelope | null {
  if (!raw.startsWith(HEAD)) return null
  const end = raw.indexOf('"', HEAD.length)
  if (end < 0) return null
  const id = raw.slice(HEAD.length, end)
  const colon = id.lastIndexOf(':')
  const seq = Number(id.slice(colon + 1))
  if (colon <= 0 || !Number.isSafeInteger(seq) || seq <= 0) return null
  const origin = id.slice(0, colon)
  const next = raw[end + 1]
  if (next === '}') return { origin, seq, message: '{}' }
  if (next !== ',') return null
  const rest = raw.slice(end + 2)
  if (rest.startsWith(VALUE)) return { origin, seq, message: rest.slice(VALUE.length, -1) }
  return { origin, seq, message: `{${rest}` }
}

/** A message as received: its id, or `origin: null` (and seq 0) for one without an id, delivered as it came. */
export interface Received {
  origin: string | null
  seq: number
  /** the payload as JSON, not parsed yet (copies and this instance's own events are dropped unparsed) */
  message: string
}

export function readWire(raw: string): Received {
  return decodeEnvelope(raw) ?? { origin: null, seq: 0, message: raw }
}
