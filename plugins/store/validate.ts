import type { DbLike } from '../../src/db/client.js'
import { AppError, invalid } from '../../src/errors.js'

export function intIn(v: number | null | undefined, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw invalid(field, `must be an integer from ${min} to ${max}`)
  return v
}

/** Trimmed text of min–max characters. */
export function text(v: string | null | undefined, field: string, min: number, max: number): string {
  const s = typeof v === 'string' ? v.trim() : ''
  if (s.length < min || s.length > max)
    throw invalid(field, min > 0 ? `must be ${min}–${max} characters` : `must be at most ${max} characters`)
  return s
}

/** Why staff changed something by hand: required, shown in the audit. */
export const reasonOf = (v: string | null | undefined, field = 'reason') => text(v, field, 1, 500)

/** A positive database id, else INVALID_INPUT (ids past 32 bits cannot exist). */
export const idOf = (v: number | null | undefined, field: string) => intIn(v, field, 1, 2_147_483_647)

/** The last moment PostgreSQL and ISO 8601 (years 1–9999) both hold. */
export const LAST_END = Date.UTC(9999, 11, 31, 23, 59, 59)

/** An end that still fits the calendar, or `refusal` (a purchase extended past the year 9999). */
export function endWithin(ms: number, refusal: () => Error): Date {
  if (ms > LAST_END) throw refusal()
  return new Date(ms)
}

export async function userExists(db: DbLike, id: number, field: string) {
  if (!(await db.user.findUnique({ where: { id }, select: { id: true } })))
    throw new AppError('USER_NOT_FOUND', `${field}: no user ${id}`, { field })
}
