import { invalid } from '../errors.js'
import type { UserObjectPart } from './route.js'
import { decodeObjectId, encodeObjectId } from './object-ids.js'

/**
 * JustChat's ids and user object, for every JustChat route. Ids travel as 24-hex ObjectIds (object-ids.ts): answers
 * carry them so, bodies may send them so or as the plain integers earlier answers gave.
 */

/** An id as JustChat shows it. */
export const jcId = (id: number): string => encodeObjectId(id)
export const jcIdOrNull = (id: number | null | undefined): string | null => (id == null ? null : encodeObjectId(id))

/** A well-formed ObjectId beyond our ids is one nothing has: it is looked up, and not found, like any other. */
const NO_SUCH_ID = -1
const OBJECT_ID = /^[0-9a-f]{24}$/i
const absent = (v: unknown) => v === undefined || v === null || v === ''

/**
 * A required id in the body at `field` (a body path: `message.user`); missing or unreadable, an input error naming it.
 */
export function readId(value: unknown, field: string): number {
  if (absent(value)) throw invalid(field, 'is required')
  const id = decodeObjectId(value)
  if (id !== null) return id
  if (typeof value === 'string' && OBJECT_ID.test(value)) return NO_SUCH_ID
  throw invalid(field, 'must be an id (24 hexadecimal digits, or an integer)')
}

/** An optional id: absent (or empty) is null, anything else as readId. */
export const readOptionalId = (value: unknown, field: string): number | null =>
  absent(value) ? null : readId(value, field)

/** The core's part of JustChat's UserSchema, as every route that answers a user selects it. */
export const JC_USER_SELECTION = 'databaseId phone nickname location photo dob gender createdAt'

export interface JcUserOut {
  databaseId: number
  phone: string | null
  nickname: string | null
  location: string | null
  photo: string | null
  dob: string | null
  gender: number | null
  createdAt: string
}

/**
 * What a route writes where it answers JustChat's user (`user { ...JustChatUser }`). The engine puts the whole selection
 * in its place: written out, not defined as a fragment, whose spread the depth limit would count as a level.
 */
const SPREAD = /\.\.\.\s*JustChatUser\b/g

/**
 * JustChat's user object for one set of enabled plugins: `complete` writes the selection (the core's fields and every
 * plugin's part) into an operation in place of the spread, `render` makes the object of what it selected.
 */
export function justchatUserObject(parts: readonly UserObjectPart[]) {
  const selection = [JC_USER_SELECTION, ...parts.map((p) => p.selection)].join(' ')
  return {
    complete: (operation: string) => operation.replace(SPREAD, selection),
    render: (u: JcUserOut) => ({
      // the enabled plugins' fields (JustChat's user model has more than the core keeps); the core's own cannot be replaced
      ...Object.fromEntries(parts.flatMap((p) => Object.entries(p.render(u)))),
      ...jcUser(u),
    }),
  }
}

/**
 * JustChat's UserSchema (justchat-api.md): string `_id`, `__v` (the document's "version", always "0" here), phone
 * without '+', dates as ISO strings (`dob` is a Date in the model).
 */
export const jcUser = (u: JcUserOut) => ({
  _id: jcId(u.databaseId),
  __v: '0',
  phone: u.phone ? u.phone.replace(/^\+/, '') : null,
  nickname: u.nickname,
  location: u.location,
  photo: u.photo,
  dob: u.dob,
  gender: u.gender,
  create_at: u.createdAt,
})
