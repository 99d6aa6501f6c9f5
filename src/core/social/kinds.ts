import type { Context } from '../../context.js'
import type { Db } from '../../db/client.js'

/**
 * Something a user can follow or ignore (peka2 `content`). The core has one of each — a user's stream; a plugin adds
 * the kinds of its domain (`definePlugin({ follows, ignores })`), so a disabled plugin's kinds are not accepted.
 */
export interface ContentKind {
  /** the stored and peka2 value (lower case); the GraphQL enum value is its upper case */
  value: string
  /** what an item of this kind is, for the schema's enum value */
  description: string
  /** does item `id` of this kind exist */
  exists(db: Db, id: number): Promise<boolean>
  /** a user's own id is refused as an item of this kind */
  notSelf?: boolean
  /** called after the viewer's list of this kind changed (live filters re-read it) */
  changed?(ctx: Context): Promise<void>
}

export const userExists = async (db: Db, id: number) =>
  !!(await db.user.findUnique({ where: { id }, select: { id: true } }))

/** A user's stream (streams are per user: channel stream/<userId>). */
export const STREAM_KIND: ContentKind = {
  value: 'stream',
  description: "A user's stream; the item is the streamer's user id",
  exists: userExists,
}
