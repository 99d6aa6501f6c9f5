import { AppError, type ErrorCode } from '../../../src/errors.js'
import type { JsonBody } from '../../../src/rest/route.js'
import { jcId, jcIdOrNull, readOptionalId } from '../../../src/rest/justchat.js'

/** GraphQL selections the direct messages' REST routes read, and how bodies and answers are mapped. */

export const MESSAGE = 'databaseId channel text type time from { databaseId } replyToId'

export interface MessageOut {
  databaseId: number
  channel: string
  text: string
  type: string
  time: string
  from: { databaseId: number } | null
  replyToId: number | null
}

export interface PublishOut {
  isSent: boolean
  dropReason: string | null
  dropMessage: string | null
  retryAfter: number | null
  message: MessageOut | null
}

/** The other member of private/<a>/<b> than the author (the author again for notes to oneself). */
function recipientOf(channel: string, authorId: number): number | null {
  const parts = channel.split('/')
  if (parts.length !== 3) return null
  return String(authorId) === parts[1] ? Number(parts[2]) : Number(parts[1])
}

/** JustChat's MessageSchema of a direct message: no room; `user` is the recipient. Ids are ObjectId strings. */
export const jcMessage = (m: MessageOut) => {
  const author = m.from?.databaseId ?? null
  const user = author === null ? null : recipientOf(m.channel, author)
  return {
    _id: jcId(m.databaseId),
    room: null,
    author: jcIdOrNull(author),
    user: jcIdOrNull(user),
    text: m.text,
    type: m.type,
    ref_message: jcIdOrNull(m.replyToId),
    create_at: m.time,
  }
}

/**
 * A message chat dropped → JustChat's documented refusal: 429 when it is a matter of pace (chat's events a minute, a
 * new account's daily cap of new conversations: the drop message says which), 403 for everything else.
 */
const PACE: ReadonlySet<string> = new Set(['RATE_LIMITED', 'SLOW_MODE'])
export function sentMessage(r: PublishOut): MessageOut {
  if (r.isSent && r.message) return r.message
  const code: ErrorCode = r.dropReason && PACE.has(r.dropReason) ? 'TOO_MANY_MESSAGES' : 'DM_NOT_ALLOWED'
  throw new AppError(code, r.dropMessage ?? undefined, r.retryAfter ? { retryAfter: r.retryAfter } : {})
}

/**
 * An id of the body at `field` (src/rest/justchat.ts): absent stays absent (the operation says whether it is
 * required, naming the field), unreadable is an input error naming it.
 */
export const idIn = (v: unknown, field: string) => readOptionalId(v, field) ?? undefined

/** JustChat clients may send numbers as strings; anything else goes on as is and is refused by its type. */
export const numeric = (v: unknown) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v)

/** A documented object of the body, or an empty one (its fields then fail as missing, by name). */
export const objectIn = (v: unknown): JsonBody =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonBody) : {}

export const empty = () => ({})
