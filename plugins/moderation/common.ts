import type { Context, Viewer } from '../../src/context.js'
import type { Db } from '../../src/db/client.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { rolesFromRows } from '../../src/auth/roles.js'
import { AppError, invalid } from '../../src/errors.js'

export type Tx = Prisma.TransactionClient
export type DbLike = Db | Tx

/** Lock waits are short but real on PostgreSQL under a burst of votes; PGlite runs transactions one by one. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const

/**
 * The viewer of an action. The schema's scopes let only signed-in callers reach moderation's actions; a guest who
 * reaches one anyway is told to sign in, not handed a crash.
 */
export function signedIn(ctx: Context): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  return ctx.viewer
}

export const isModerator = (v: Viewer | null) => !!v && v.roles.moderator > 0
export const isSupport = (v: Viewer | null) => !!v && v.roles.support > 0

/**
 * Row locks on users, always taken in id order, so two transactions that lock the same pair (A accuses B while B
 * accuses A) queue up instead of deadlocking. Everything that decides on a user's votes runs under this lock.
 */
export async function lockUsers(tx: Tx, ids: number[]) {
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ANY(${sorted}::int[]) ORDER BY id FOR UPDATE`
}

/** Another user as a viewer (roles loaded), to ask a channel kind whether *they* moderate it. */
export async function viewerOf(db: DbLike, userId: number): Promise<Viewer | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, roles: true } })
  return u ? { id: u.id, name: u.name, sessionId: 0, roles: rolesFromRows(u.roles) } : null
}

export async function userOrThrow(db: DbLike, id: unknown, field = 'userId') {
  if (!Number.isInteger(id) || (id as number) < 1) throw invalid(field, 'must be a user id')
  const u = await db.user.findUnique({ where: { id: id as number }, select: { id: true, name: true } })
  if (!u) throw new AppError('USER_NOT_FOUND', `${field}: no such user`, { field })
  return u
}

export const checkText = (field: string, value: string | null | undefined, max: number, required = false) => {
  const v = (value ?? '').trim()
  if (required && !v) throw invalid(field, 'must not be empty')
  if (v.length > max) throw invalid(field, `must be at most ${max} characters`)
  return v
}

/** peka2 REST times are unix seconds. */
export const unix = (d: Date | string | null | undefined) => (d ? Math.floor(new Date(d).getTime() / 1000) : 0)

/**
 * A string column the code writes only from a fixed list (a sanction's kind, a complaint's status …), read back as
 * that list's type; anything else in the row is a broken invariant, not input to answer.
 */
export function storedOneOf<const T extends string>(values: readonly T[], value: string, column: string): T {
  const known = values.find((v) => v === value)
  if (known === undefined) throw new Error(`${column}: unexpected stored value "${value}"`)
  return known
}
